/// One feature's attribute values: a row of a shared `AttributeTable`, or, once values have
/// been appended (e.g. columns joined from another table), a list of its own. Reads like an
/// array of `FieldValue`s; two words wide.
///
/// ```swift
/// var row = chunk.attributes(index)       // a view of the chunk's table
/// row += [.string("A"), .real(1.5)]       // now a list of its own
/// row.withValue(0) { view in … }          // text without making a String
/// ```
public struct AttributeRow: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private enum Storage: Sendable {
        case table(AttributeTable)
        case values(ValueList)
    }

    private final class ValueList: Sendable {
        let values: [FieldValue]
        init(_ values: [FieldValue]) { self.values = values }
    }

    private let storage: Storage
    private let row: Int

    /// Row `row` of `table`, sharing it.
    public init(table: AttributeTable, row: Int) {
        storage = .table(table)
        self.row = row
    }

    /// A row of its own values.
    public init(_ values: [FieldValue]) {
        storage = .values(ValueList(values))
        row = 0
    }

    /// A row of its own values, written as an array.
    public init(arrayLiteral elements: FieldValue...) {
        self.init(elements)
    }

    /// 0: the first column.
    public var startIndex: Int { 0 }

    /// The number of columns.
    public var endIndex: Int {
        switch storage {
        case .table(let table): table.columnCount
        case .values(let list): list.values.count
        }
    }

    /// The value in column `position`.
    public subscript(position: Int) -> FieldValue {
        switch storage {
        case .table(let table): table.value(row: row, column: position)
        case .values(let list): list.values[position]
        }
    }

    /// Appends columns; the row becomes a list of its own.
    public static func += (row: inout AttributeRow, values: [FieldValue]) {
        row = AttributeRow(Array(row) + values)
    }
}

extension AttributeRow: Equatable {
    /// Whether the rows hold the same values, however they are stored.
    public static func == (lhs: AttributeRow, rhs: AttributeRow) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension AttributeRow {
    /// The value at `position`, in place (see `FieldValueView`).
    public func withValue<R>(_ position: Int, _ body: (FieldValueView) throws -> R) rethrows -> R {
        switch storage {
        case .table(let table):
            return try table.withValue(row: row, column: position, body)
        case .values(let list):
            switch list.values[position] {
            case .null: return try body(.null)
            case .integer(let number): return try body(.integer(number))
            case .real(let number): return try body(.real(number))
            case .string(let text):
                var text = text
                return try text.withUTF8 { try body(.text($0)) }
            }
        }
    }
}
