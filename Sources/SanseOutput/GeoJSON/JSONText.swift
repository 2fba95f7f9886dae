import GeoKit
import SanseModel

/// Small, fast JSON text building blocks for the streaming writers (Foundation's
/// JSONSerialization is far too slow for a million features and does not keep key order).
enum JSONText {
    /// Appends `"text"` with JSON escapes. Text without anything to escape (nearly all of it)
    /// is copied in one piece.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// `appendString` for text given as UTF-8 bytes.
    static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        guard bytes.contains(where: needsEscape) else {
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A source attribute as GeoJSON writes it: reals to 10 decimals, text escaped.
    static func appendField(_ value: FieldValueView, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let number): JSONValue.integer(number).append(to: &out)
        case .real(let number): appendNumber(number, decimals: 10, to: &out)
        case .text(let bytes): appendString(utf8: bytes, to: &out)
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Appends a number rounded to `decimals` places without trailing zeros (`1.5`, `-0.25`,
    /// `3`). Non-finite numbers, which JSON cannot hold, become null.
    static func appendNumber(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let scale = powersOfTen[decimals]
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 the fixed-point route loses digits; fall back to Swift's shortest form.
        guard scaled < 9.0e15 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        let units = UInt64(scaled)
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        appendFixedPoint(units, decimals: decimals, negative: value < 0, to: &out)
    }

    /// `units` / 10^decimals in decimal, trailing fraction zeros dropped, written right to
    /// left into a small buffer and appended at once (one capacity check per number).
    private static func appendFixedPoint(_ units: UInt64, decimals: Int, negative: Bool, to out: inout [UInt8]) {
        var fraction = units % integerPowersOfTen[decimals], whole = units / integerPowersOfTen[decimals]
        var fractionDigits = fraction == 0 ? 0 : decimals
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var position = 48
            if fractionDigits > 0 {
                for _ in 0..<fractionDigits {
                    position -= 1
                    buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
                    fraction /= 10
                }
                position -= 1
                buffer[position] = UInt8(ascii: ".")
            }
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10)
                whole /= 10
            } while whole > 0
            if negative {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<48]))
        }
    }

    /// 10^0 … 10^19.
    private static let integerPowersOfTen: [UInt64] = (0...19).map { (0..<$0).reduce(1) { product, _ in product * 10 } }


    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        let start = out.count
        var rest = value
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    static let powersOfTen: [Double] = (0...15).map { pow10($0) }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

/// A JSON property value.
package enum JSONValue: Sendable {
    case null
    case string(String)
    case number(Double, decimals: Int)
    case integer(Int64)
    case bool(Bool)

    func append(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .string(let text): JSONText.appendString(text, to: &out)
        case .number(let value, let decimals): JSONText.appendNumber(value, decimals: decimals, to: &out)
        case .integer(let value):
            if value < 0 { out.append(UInt8(ascii: "-")) }
            JSONText.appendInteger(value.magnitude, to: &out)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        }
    }

    static func optional(_ value: Double?, decimals: Int) -> JSONValue {
        value.map { .number($0, decimals: decimals) } ?? .null
    }
}
