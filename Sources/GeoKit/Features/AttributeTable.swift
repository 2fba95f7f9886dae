/// The attribute values of a run of features, stored compactly: one tag byte and one 8-byte
/// payload per value, short text inline and longer text in one shared byte buffer. A survey of
/// a million parcels keeps its attributes in a fraction of the memory an array of `FieldValue`s
/// per feature would take (each of those is a heap object, and so is every longer string).
///
/// Immutable once built, so one table is shared by all the rows that view it.
///
/// ```swift
/// var builder = AttributeTableBuilder(columnCount: 2)
/// builder.appendText("慈溪市甲电器有限公司", column: 0)
/// builder.appendReal(12.5, column: 1)
/// builder.finishRow()
/// let table = builder.build()
/// table.value(row: 0, column: 1)  // .real(12.5)
/// ```
public final class AttributeTable: Sendable {
    /// One column's values, in row order.
    public struct Column: Sendable {
        var tags: [UInt8] = []
        var payloads: [UInt64] = []
        /// Integers and booleans of a column GDAL would type as real read back as reals.
        var numbersAsReal = false

        /// An empty column.
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

    /// The number of rows.
    public let rowCount: Int
    /// nil for a column that is null in every row of this table.
    let columns: [Column?]
    let text: [UInt8]

    init(rowCount: Int, columns: [Column?], text: [UInt8]) {
        self.rowCount = rowCount
        self.columns = columns
        self.text = text
    }

    /// The number of columns.
    public var columnCount: Int { columns.count }

    /// The value at `row`, `column`; text is decoded from UTF-8, invalid sequences repaired.
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
            return .string(text.withUnsafeBufferPointer {
                String(decoding: $0[start..<start + length], as: UTF8.self)
            })
        case let tag:
            let length = Int(tag - Tag.inlineText)
            return .string(withUnsafeBytes(of: payload.littleEndian) {
                String(decoding: $0.prefix(length), as: UTF8.self)
            })
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

extension AttributeTable {
    /// The value at `row`, `column` where it is stored (see `FieldValueView`).
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
            return try text.withUnsafeBufferPointer {
                try body(.text(UnsafeBufferPointer(rebasing: $0[start..<start + length])))
            }
        case let tag:
            let length = Int(tag - Tag.inlineText)
            return try withUnsafeBytes(of: payload.littleEndian) { raw in
                try body(.text(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<length])))
            }
        }
    }
}
