#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds an `AttributeTable` row by row: a value (or none) for each column, then
/// `finishRow()`. See `AttributeTable` for an example.
public struct AttributeTableBuilder {
    private(set) var columns: [AttributeTable.Column]
    private var text: [UInt8] = []
    /// Where each column's previous long text went, so a repeated value (a town, a land use
    /// in sorted surveys) is stored once.
    private var previousText: [(start: Int, length: Int)?]
    /// The rows finished so far.
    public private(set) var rowCount = 0

    /// An empty table of `columnCount` columns.
    public init(columnCount: Int) {
        columns = Array(repeating: AttributeTable.Column(), count: columnCount)
        previousText = Array(repeating: nil, count: columnCount)
    }

    /// The number of columns.
    public var columnCount: Int { columns.count }

    /// Adds a column, null in every row so far.
    public mutating func addColumn() {
        var column = AttributeTable.Column()
        column.tags = Array(repeating: AttributeTable.Tag.null, count: rowCount)
        column.payloads = Array(repeating: 0, count: rowCount)
        columns.append(column)
        previousText.append(nil)
    }

    /// Ends the current row: a column that got no value since the last `finishRow()` is null
    /// in it. Each column takes at most one value per row.
    public mutating func finishRow() {
        rowCount += 1
        for index in columns.indices where columns[index].count < rowCount {
            columns[index].tags.append(AttributeTable.Tag.null)
            columns[index].payloads.append(0)
        }
    }

    /// Whether `column` already has its value in the current row.
    public func hasValue(inColumn column: Int) -> Bool { columns[column].count > rowCount }

    /// Sets `column` of the current row to null.
    public mutating func appendNull(column: Int) {
        append(column, AttributeTable.Tag.null, 0)
    }

    /// Sets `column` of the current row to an integer.
    public mutating func appendInteger(_ value: Int64, column: Int) {
        append(column, AttributeTable.Tag.integer, UInt64(bitPattern: value))
    }

    /// Sets `column` of the current row to a double.
    public mutating func appendReal(_ value: Double, column: Int) {
        append(column, AttributeTable.Tag.real, value.bitPattern)
    }

    /// Sets `column` of the current row to a boolean, read back as the integer 0 or 1.
    public mutating func appendBoolean(_ value: Bool, column: Int) {
        append(column, AttributeTable.Tag.boolean, value ? 1 : 0)
    }

    /// Sets `column` of the current row to text: UTF-8 bytes, taken as they are (decoded, with
    /// any invalid sequence repaired, on reading).
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
        text.append(contentsOf: UnsafeBufferPointer(
            start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count))
        previousText[column] = (start, bytes.count)
        append(column, AttributeTable.Tag.text, UInt64(start) << 32 | UInt64(bytes.count))
    }

    /// Sets `column` of the current row to a string's text.
    public mutating func appendText(_ string: String, column: Int) {
        var string = string
        string.withUTF8 { appendText(UnsafeRawBufferPointer($0), column: column) }
    }

    /// Sets `column` of the current row to `value`.
    public mutating func append(_ value: FieldValue, column: Int) {
        switch value {
        case .null: appendNull(column: column)
        case .integer(let number): appendInteger(number, column: column)
        case .real(let number): appendReal(number, column: column)
        case .string(let string): appendText(string, column: column)
        }
    }

    /// The bytes of longer text held so far. Offsets into it are 32 bits: a table's text must
    /// stay below 4 GiB, so readers start a new table well before.
    public var textByteCount: Int { text.count }

    private mutating func append(_ column: Int, _ tag: UInt8, _ payload: UInt64) {
        columns[column].tags.append(tag)
        columns[column].payloads.append(payload)
    }

    /// The table of the finished rows, each array in storage of exactly its size.
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
