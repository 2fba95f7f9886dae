/// Integers as base64 VLQ text (as in JavaScript source maps): 5 bits a character, least
/// significant first, with a continuation bit; signed values zigzag-coded first. The text is
/// plain ASCII that needs no escaping inside a JavaScript string, and the viewer decodes it
/// with one table lookup a character.
enum VLQText {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func appendUnsigned(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "VLQ counts are never negative")
        var rest = UInt64(value)
        repeat {
            var digit = rest & 31
            rest >>= 5
            if rest > 0 { digit |= 32 }
            out.append(alphabet[Int(digit)])
        } while rest > 0
    }

    /// Zigzag: 0, -1, 1, -2, 2 … become 0, 1, 2, 3, 4 …, so small differences of either sign
    /// take one or two characters.
    static func appendSigned(_ value: Int, to out: inout [UInt8]) {
        appendUnsigned(value >= 0 ? value << 1 : ((-value) << 1) - 1, to: &out)
    }
}
