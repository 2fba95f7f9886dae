/// Small, fast JSON text building blocks for the streaming writers (Foundation's
/// JSONSerialization is far too slow for a million features and does not keep key order).
enum JSONText {
    /// Appends `"text"` with JSON escapes.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a number rounded to `decimals` places without trailing zeros (`1.5`, `-0.25`,
    /// `3`). Non-finite numbers, which JSON cannot hold, become null.
    static func appendNumber(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out += Array("null".utf8)
            return
        }
        let scale = powersOfTen[decimals]
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 the fixed-point route loses digits; fall back to Swift's shortest form.
        guard scaled < 9.0e15 else {
            out += Array(String(value).utf8)
            return
        }
        var units = UInt64(scaled)
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let whole = units / UInt64(scale)
        units %= UInt64(scale)
        appendInteger(whole, to: &out)
        guard units > 0 else { return }
        var digits = decimals
        while units % 10 == 0 {
            units /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        var fraction = [UInt8](repeating: UInt8(ascii: "0"), count: digits)
        var position = digits - 1
        while units > 0 {
            fraction[position] = UInt8(ascii: "0") + UInt8(units % 10)
            units /= 10
            position -= 1
        }
        out += fraction
    }

    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        out += digits.reversed()
    }

    static let powersOfTen: [Double] = (0...15).map { pow10($0) }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

/// A JSON property value.
enum JSONValue: Sendable {
    case null
    case string(String)
    case number(Double, decimals: Int)
    case integer(Int64)
    case bool(Bool)

    func append(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .string(let text): JSONText.appendString(text, to: &out)
        case .number(let value, let decimals): JSONText.appendNumber(value, decimals: decimals, to: &out)
        case .integer(let value):
            if value < 0 { out.append(UInt8(ascii: "-")) }
            JSONText.appendInteger(value.magnitude, to: &out)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        }
    }

    static func optional(_ value: Double?, decimals: Int) -> JSONValue {
        value.map { .number($0, decimals: decimals) } ?? .null
    }
}
