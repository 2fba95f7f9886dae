import GeoKit
import SanseModel

/// One CSV row after another as bytes, cell by cell: the same text as `Tables.csvRow`
/// without a String per cell.
struct CSVRow {
    var out: [UInt8]
    private var first = true

    init(out: [UInt8]) { self.out = out }

    private mutating func separate() {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
    }

    mutating func text(_ cell: String) {
        separate()
        // Only a cell holding one of these bytes can need quotes; `csvRow` decides those.
        if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            out.append(contentsOf: Tables.csvRow([cell]).utf8.dropLast(2))
        } else {
            out.append(contentsOf: cell.utf8)
        }
    }

    /// Shortest text that reads back as the same double; empty for nil.
    mutating func exact(_ value: Double?) {
        separate()
        if let value { out.append(contentsOf: value.description.utf8) }
    }

    mutating func integer(_ value: Int) {
        separate()
        if value < 0 { out.append(UInt8(ascii: "-")) }
        JSONText.appendInteger(UInt64(value.magnitude), to: &out)
    }

    mutating func flag(_ value: Bool) {
        separate()
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func end() {
        out.append(13)
        out.append(10)
        first = true
    }
}
