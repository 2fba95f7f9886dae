import Foundation
import Testing
@testable import GeoKit

@Suite("Attribute tables and rows")
struct AttributeTableTests {
    static let values: [FieldValue] = [
        .null, .integer(-7), .integer(Int64.max), .real(-0.0), .real(1.5e300), .string(""), .string("A"),
        .string("12345678"), .string("123456789"), .string("慈溪市甲电器有限公司"), .string("ｃ"),
        .string("line\nbreak"),
    ]

    @Test func valuesComeBackExactly() {
        var builder = AttributeTableBuilder(columnCount: Self.values.count)
        for _ in 0..<3 {
            for (column, value) in Self.values.enumerated() { builder.append(value, column: column) }
            builder.finishRow()
        }
        let table = builder.build()
        #expect(table.rowCount == 3 && table.columnCount == Self.values.count)
        for row in 0..<3 {
            let read = Array(AttributeRow(table: table, row: row))
            #expect(read == Self.values)
            // −0.0 keeps its sign.
            if case .real(let zero) = read[3] { #expect(zero.sign == .minus) } else { Issue.record("not a real") }
        }
    }

    @Test func missingValuesAreNullAndColumnsCanBeAddedLate() {
        var builder = AttributeTableBuilder(columnCount: 1)
        builder.appendInteger(1, column: 0)
        builder.finishRow()
        builder.addColumn()
        builder.appendText("late", column: 1)
        builder.finishRow()
        builder.finishRow()
        let table = builder.build()
        #expect(Array(AttributeRow(table: table, row: 0)) == [.integer(1), .null])
        #expect(Array(AttributeRow(table: table, row: 1)) == [.null, .string("late")])
        #expect(Array(AttributeRow(table: table, row: 2)) == [.null, .null])
    }

    @Test func repeatedLongTextIsStoredOnce() {
        var builder = AttributeTableBuilder(columnCount: 1)
        for _ in 0..<100 {
            builder.appendText("浒山街道浒山街道", column: 0)
            builder.finishRow()
        }
        #expect(builder.textByteCount == "浒山街道浒山街道".utf8.count)
        #expect(AttributeRow(table: builder.build(), row: 99).first == .string("浒山街道浒山街道"))
    }

    @Test func reorderedColumnsShareValuesAndCanReadNumbersAsReals() {
        var builder = AttributeTableBuilder(columnCount: 2)
        builder.appendInteger(3, column: 0)
        builder.appendBoolean(true, column: 1)
        builder.finishRow()
        let table = builder.build()
        let reordered = table.reordered([1, nil, 0], numbersAsReal: [false, false, true])
        #expect(Array(AttributeRow(table: reordered, row: 0)) == [.integer(1), .null, .real(3)])
    }

    @Test func rowsAppendAndCompare() {
        var row: AttributeRow = [.string("a"), .integer(1)]
        row += [.null, .real(2)]
        #expect(Array(row) == [.string("a"), .integer(1), .null, .real(2)])
        #expect(row.last == .real(2))
        #expect(row == AttributeRow([.string("a"), .integer(1), .null, .real(2)]))
        #expect(row != AttributeRow([.string("a")]))
        #expect(MemoryLayout<AttributeRow>.size <= 16, "a parcel pays two words for its attributes")
    }

}
