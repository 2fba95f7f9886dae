/// One feature's attribute values: a row of a shared `AttributeTable`, or, once values have
/// been appended (e.g. columns joined from another table), a list of its own. Reads like an
/// array of `FieldValue`s; two words wide.
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

    public init(table: AttributeTable, row: Int) {
        storage = .table(table)
        self.row = row
    }

    public init(_ values: [FieldValue]) {
        storage = .values(ValueList(values))
        row = 0
    }

    public init(arrayLiteral elements: FieldValue...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .table(let table): table.columnCount
        case .values(let list): list.values.count
        }
    }

    public subscript(position: Int) -> FieldValue {
        switch storage {
        case .table(let table): table.value(row: row, column: position)
        case .values(let list): list.values[position]
        }
    }

    public static func += (row: inout AttributeRow, values: [FieldValue]) {
        row = AttributeRow(Array(row) + values)
    }
}

extension AttributeRow: Equatable {
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
