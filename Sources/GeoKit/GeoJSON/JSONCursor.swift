#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A position in strict JSON (RFC 8259) bytes. Every read is bounds-checked against `end`;
/// anything that is not strict JSON, or that GDAL would read differently (NUL characters,
/// lone surrogates, over-long numbers), is `GeoJSONUnsupported`.
struct JSONCursor {
    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int

    /// How deep values may nest; far below GDAL's own limit (1024), so GDAL never fails where
    /// this reader succeeds.
    static let maximumDepth = 64

    init(_ base: UnsafePointer<UInt8>, end: Int, position: Int) {
        self.base = base
        self.end = end
        self.position = position
    }

    func unsupported(_ reason: String) -> GeoJSONUnsupported {
        GeoJSONUnsupported(reason, at: position)
    }

    @inline(__always)
    var atEnd: Bool { position >= end }

    /// The current byte; 0 at the end (0 is never valid JSON outside strings, so it fails
    /// whatever expects something else).
    @inline(__always)
    var peek: UInt8 { position < end ? base[position] : 0 }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: StaticString) throws(GeoJSONUnsupported) {
        guard peek == byte else { throw unsupported("expected \(what)") }
        position += 1
    }

    /// Whitespace, then the given byte if it is there.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        if peek == byte {
            position += 1
            return true
        }
        return false
    }

    // MARK: Strings

    /// A string's bytes: a range of the input when it has no escapes, else decoded into
    /// `scratch`. The cursor must be on the opening quote.
    enum StringBytes {
        case raw(Range<Int>)
        case decoded
    }

    @inline(__always)
    mutating func string(_ scratch: inout [UInt8]) throws(GeoJSONUnsupported) -> StringBytes {
        try expect(0x22, "a string")
        let start = position
        while position < end {
            let byte = base[position]
            if byte == 0x22 {
                position += 1
                return .raw(start..<position - 1)
            }
            if byte == 0x5C {
                position = start
                try decodeEscaped(&scratch)
                return .decoded
            }
            // Raw control characters are not JSON; a NUL would also cut GDAL's copy short.
            if byte < 0x20 { throw unsupported("control character in a string") }
            position += 1
        }
        throw unsupported("unterminated string")
    }

    private mutating func decodeEscaped(_ out: inout [UInt8]) throws(GeoJSONUnsupported) {
        out.removeAll(keepingCapacity: true)
        while position < end {
            let byte = base[position]
            position += 1
            switch byte {
            case 0x22:
                return
            case 0x5C:
                guard position < end else { break }
                let escaped = base[position]
                position += 1
                switch escaped {
                case 0x22, 0x5C, 0x2F: out.append(escaped)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    let unit = try hex4()
                    var scalar = UInt32(unit)
                    if (0xD800..<0xDC00).contains(unit) {
                        guard peek == 0x5C, position + 1 < end, base[position + 1] == 0x75 else {
                            throw unsupported("lone surrogate")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw unsupported("lone surrogate") }
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(unit) {
                        throw unsupported("lone surrogate")
                    }
                    // GDAL's C strings would end at a NUL.
                    guard scalar != 0, let decoded = Unicode.Scalar(scalar) else {
                        throw unsupported("NUL or invalid escape")
                    }
                    out.append(contentsOf: UTF8.encode(decoded)!)
                default:
                    throw unsupported("invalid escape")
                }
            default:
                if byte < 0x20 { throw unsupported("control character in a string") }
                out.append(byte)
            }
        }
        throw unsupported("unterminated string")
    }

    private mutating func hex4() throws(GeoJSONUnsupported) -> UInt16 {
        guard position + 4 <= end else { throw unsupported("truncated \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw unsupported("invalid \\u escape")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// Whether the string just read equals `literal` (ASCII).
    @inline(__always)
    func equals(_ bytes: StringBytes, _ scratch: [UInt8], _ literal: StaticString) -> Bool {
        let literalBytes = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        switch bytes {
        case .raw(let range):
            return sameBytes(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count), literalBytes)
        case .decoded:
            return scratch.withUnsafeBytes { sameBytes($0, literalBytes) }
        }
    }

    func withBytes<R>(
        _ bytes: StringBytes, _ scratch: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        switch bytes {
        case .raw(let range):
            return try body(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
        case .decoded:
            return try scratch.withUnsafeBytes(body)
        }
    }

    // MARK: Numbers

    /// A number token, checked against strict JSON grammar and followed by a delimiter; its
    /// value as GDAL's GeoJSON reader gives it.
    @inline(__always)
    mutating func number() throws(GeoJSONUnsupported) -> JSONNumber {
        let start = position
        guard let (value, length) = JSONNumber.parse(base + start, available: end - start) else {
            throw unsupported("number GDAL would read differently, or not a JSON number")
        }
        position += length
        switch peek {
        case 0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09: return value
        default: throw unsupported("unexpected character after a number")
        }
    }

    // MARK: Skipping

    /// Skips one value of any kind, checking it is strict JSON; at most `objectBudget`
    /// objects (decremented) so a skipped value cannot make GDAL's per-feature memory
    /// estimate overflow where this reader succeeded.
    mutating func skipValue(depth: Int, objectBudget: inout Int, _ scratch: inout [UInt8]) throws(GeoJSONUnsupported) {
        guard depth < Self.maximumDepth else { throw unsupported("nested too deeply") }
        skipWhitespace()
        switch peek {
        case 0x22:
            _ = try string(&scratch)
        case 0x7B:
            objectBudget -= 1
            guard objectBudget >= 0 else { throw unsupported("too many objects in one feature") }
            position += 1
            if consume(0x7D) { return }
            repeat {
                skipWhitespace()
                _ = try string(&scratch)
                skipWhitespace()
                try expect(0x3A, "':'")
                try skipValue(depth: depth + 1, objectBudget: &objectBudget, &scratch)
            } while consume(0x2C)
            skipWhitespace()
            try expect(0x7D, "'}'")
        case 0x5B:
            position += 1
            if consume(0x5D) { return }
            repeat {
                try skipValue(depth: depth + 1, objectBudget: &objectBudget, &scratch)
            } while consume(0x2C)
            skipWhitespace()
            try expect(0x5D, "']'")
        case 0x74:
            try literal("true")
        case 0x66:
            try literal("false")
        case 0x6E:
            try literal("null")
        default:
            _ = try number()
        }
    }

    /// `true`, `false` or `null`, followed by a delimiter.
    mutating func literal(_ word: StaticString) throws(GeoJSONUnsupported) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end,
              sameBytes(
                  UnsafeRawBufferPointer(start: base + position, count: count),
                  UnsafeRawBufferPointer(start: word.utf8Start, count: count))
        else { throw unsupported("invalid literal") }
        position += count
        switch peek {
        case 0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09: return
        default: throw unsupported("unexpected character after a literal")
        }
    }
}

/// Byte equality by memcmp, which compares a word at a time where the generic `elementsEqual`
/// goes byte by byte.
@inline(__always)
func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
}
