#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attribute values of a run of features, stored compactly: one tag byte and one 8-byte
/// payload per value, short text inline and longer text in one shared byte buffer. A survey of
/// a million parcels keeps its attributes in a fraction of the memory an array of `FieldValue`s
/// per feature would take (each of those is a heap object, and so is every longer string).
///
/// Immutable once built, so one table is shared by all the rows that view it.
public final class AttributeTable: Sendable {
    /// One column's values, in row order.
    public struct Column: Sendable {
        var tags: [UInt8] = []
        var payloads: [UInt64] = []
        /// Integers and booleans of a column GDAL would type as real read back as reals.
        var numbersAsReal = false

        public init() {}

        var count: Int { tags.count }
    }

    /// Tags below `inlineText` name the payload's kind; `inlineText + n` is n bytes of text in
    /// the payload itself.
    enum Tag {
        static let null: UInt8 = 0
        static let integer: UInt8 = 1
        static let real: UInt8 = 2
        static let boolean: UInt8 = 3
        /// Payload: offset << 32 | length into `text`.
        static let text: UInt8 = 4
        static let inlineText: UInt8 = 16
    }

    public let rowCount: Int
    /// nil for a column that is null in every row of this table.
    let columns: [Column?]
    let text: [UInt8]

    init(rowCount: Int, columns: [Column?], text: [UInt8]) {
        self.rowCount = rowCount
        self.columns = columns
        self.text = text
    }

    public var columnCount: Int { columns.count }

    public func value(row: Int, column: Int) -> FieldValue {
        guard let storage = columns[column] else { return .null }
        let payload = storage.payloads[row]
        switch storage.tags[row] {
        case Tag.null:
            return .null
        case Tag.integer:
            let number = Int64(bitPattern: payload)
            return storage.numbersAsReal ? .real(Double(number)) : .integer(number)
        case Tag.boolean:
            return storage.numbersAsReal ? .real(Double(payload)) : .integer(Int64(payload))
        case Tag.real:
            return .real(Double(bitPattern: payload))
        case Tag.text:
            let start = Int(payload >> 32), length = Int(payload & 0xFFFF_FFFF)
            return .string(text.withUnsafeBufferPointer { String(decoding: $0[start..<start + length], as: UTF8.self) })
        case let tag:
            let length = Int(tag - Tag.inlineText)
            return .string(withUnsafeBytes(of: payload.littleEndian) { String(decoding: $0.prefix(length), as: UTF8.self) })
        }
    }

    /// The same rows with the columns rearranged: `order[i]` is the index in this table of
    /// the new column i, nil for a column of nulls. The values are shared, not copied.
    public func reordered(_ order: [Int?], numbersAsReal: [Bool]) -> AttributeTable {
        let picked: [Column?] = order.enumerated().map { index, source in
            guard let source, var column = columns[source] else { return nil }
            column.numbersAsReal = numbersAsReal[index]
            return column
        }
        return AttributeTable(rowCount: rowCount, columns: picked, text: text)
    }
}

/// Builds an `AttributeTable` row by row.
public struct AttributeTableBuilder {
    private(set) var columns: [AttributeTable.Column]
    private var text: [UInt8] = []
    /// Where each column's previous long text went, so a repeated value (a town, a land use
    /// in sorted surveys) is stored once.
    private var previousText: [(start: Int, length: Int)?]
    public private(set) var rowCount = 0

    public init(columnCount: Int) {
        columns = Array(repeating: AttributeTable.Column(), count: columnCount)
        previousText = Array(repeating: nil, count: columnCount)
    }

    public var columnCount: Int { columns.count }

    /// Adds a column, null in every row so far.
    public mutating func addColumn() {
        var column = AttributeTable.Column()
        column.tags = Array(repeating: AttributeTable.Tag.null, count: rowCount)
        column.payloads = Array(repeating: 0, count: rowCount)
        columns.append(column)
        previousText.append(nil)
    }

    /// Starts the next row; every column must then get a value (or `appendNull`) before
    /// `finishRow`, or gets null there.
    public mutating func finishRow() {
        rowCount += 1
        for index in columns.indices where columns[index].count < rowCount {
            columns[index].tags.append(AttributeTable.Tag.null)
            columns[index].payloads.append(0)
        }
    }

    public func hasValue(inColumn column: Int) -> Bool { columns[column].count > rowCount }

    public mutating func appendNull(column: Int) {
        append(column, AttributeTable.Tag.null, 0)
    }

    public mutating func appendInteger(_ value: Int64, column: Int) {
        append(column, AttributeTable.Tag.integer, UInt64(bitPattern: value))
    }

    public mutating func appendReal(_ value: Double, column: Int) {
        append(column, AttributeTable.Tag.real, value.bitPattern)
    }

    public mutating func appendBoolean(_ value: Bool, column: Int) {
        append(column, AttributeTable.Tag.boolean, value ? 1 : 0)
    }

    /// UTF-8 bytes, taken as they are (decoded, with any invalid sequence repaired, on reading).
    public mutating func appendText(_ bytes: UnsafeRawBufferPointer, column: Int) {
        if bytes.count <= 8 {
            var payload: UInt64 = 0
            withUnsafeMutableBytes(of: &payload) { $0.copyMemory(from: bytes) }
            append(column, AttributeTable.Tag.inlineText + UInt8(bytes.count), UInt64(littleEndian: payload))
            return
        }
        if let previous = previousText[column], previous.length == bytes.count,
           text.withUnsafeBytes({ memcmp($0.baseAddress! + previous.start, bytes.baseAddress!, bytes.count) == 0 }) {
            append(column, AttributeTable.Tag.text, UInt64(previous.start) << 32 | UInt64(previous.length))
            return
        }
        let start = text.count
        text.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count))
        previousText[column] = (start, bytes.count)
        append(column, AttributeTable.Tag.text, UInt64(start) << 32 | UInt64(bytes.count))
    }

    public mutating func appendText(_ string: String, column: Int) {
        var string = string
        string.withUTF8 { appendText(UnsafeRawBufferPointer($0), column: column) }
    }

    public mutating func append(_ value: FieldValue, column: Int) {
        switch value {
        case .null: appendNull(column: column)
        case .integer(let number): appendInteger(number, column: column)
        case .real(let number): appendReal(number, column: column)
        case .string(let string): appendText(string, column: column)
        }
    }

    /// The text buffer holds offsets in 32 bits: a table's text stays below 4 GiB.
    public var textByteCount: Int { text.count }

    private mutating func append(_ column: Int, _ tag: UInt8, _ payload: UInt64) {
        columns[column].tags.append(tag)
        columns[column].payloads.append(payload)
    }

    public func build() -> AttributeTable {
        let compact = columns.map { column in
            var column = column
            column.tags = column.tags.compacted()
            column.payloads = column.payloads.compacted()
            return column
        }
        return AttributeTable(rowCount: rowCount, columns: compact, text: text.compacted())
    }
}

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

/// An attribute value seen where it is stored: text as UTF-8 bytes that are valid only during
/// the call that hands them over. Lets writers copy a million rows' text without making a
/// `String` of each value.
public enum FieldValueView {
    case null
    case integer(Int64)
    case real(Double)
    case text(UnsafeBufferPointer<UInt8>)
}

extension AttributeTable {
    func withValue<R>(row: Int, column: Int, _ body: (FieldValueView) throws -> R) rethrows -> R {
        guard let storage = columns[column] else { return try body(.null) }
        let payload = storage.payloads[row]
        switch storage.tags[row] {
        case Tag.null:
            return try body(.null)
        case Tag.integer:
            let number = Int64(bitPattern: payload)
            return try body(storage.numbersAsReal ? .real(Double(number)) : .integer(number))
        case Tag.boolean:
            return try body(storage.numbersAsReal ? .real(Double(payload)) : .integer(Int64(payload)))
        case Tag.real:
            return try body(.real(Double(bitPattern: payload)))
        case Tag.text:
            let start = Int(payload >> 32), length = Int(payload & 0xFFFF_FFFF)
            return try text.withUnsafeBufferPointer { try body(.text(UnsafeBufferPointer(rebasing: $0[start..<start + length]))) }
        case let tag:
            let length = Int(tag - Tag.inlineText)
            return try withUnsafeBytes(of: payload.littleEndian) { raw in
                try body(.text(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<length])))
            }
        }
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
