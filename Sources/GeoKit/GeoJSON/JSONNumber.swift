/// A JSON number as GDAL's GeoJSON reader holds it: a token without `.`, `e` or `E` is a
/// 64-bit integer, any other a double, correctly rounded.
enum JSONNumber: Equatable {
    case integer(Int64)
    case real(Double)

    var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        }
    }

    /// Longest token accepted; GDAL stops at 1024 characters, real data never comes close.
    static let maximumLength = 64

    /// Parses a strict JSON number at `start` (RFC 8259 grammar: no `+`, no leading zeros, no
    /// `NaN`/`Infinity`). Returns nil for anything else, and for the tokens GDAL reads in
    /// its own peculiar ways: integers of 19 digits or more (saturated), and exponents of more
    /// than three characters that overflow (GDAL then takes the leading integer).
    static func parse(_ start: UnsafePointer<UInt8>, available: Int) -> (JSONNumber, Int)? {
        var index = 0
        @inline(__always) func byte(_ i: Int) -> UInt8 { i < available ? start[i] : 0 }
        @inline(__always) func digit(_ i: Int) -> UInt64? {
            let d = byte(i) &- 0x30
            return d < 10 ? UInt64(d) : nil
        }

        let negative = byte(0) == 0x2D
        if negative { index = 1 }
        // The significant digits go into `mantissa` (up to 19 of them) as they are scanned.
        var mantissa: UInt64 = 0, significant = 0
        @inline(__always) func take(_ d: UInt64) {
            if significant > 0 || d != 0 {
                significant += 1
                if significant <= 19 { mantissa = mantissa &* 10 &+ d }
            }
        }
        // Integer part: 0, or digits not starting with 0.
        let integerStart = index
        if byte(index) == 0x30 {
            index += 1
            if digit(index) != nil { return nil }
        } else {
            while let d = digit(index) {
                take(d)
                index += 1
            }
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        // Fraction.
        var fractionDigits = 0, hasFraction = false
        if byte(index) == 0x2E {
            hasFraction = true
            index += 1
            while let d = digit(index) {
                take(d)
                index += 1
                fractionDigits += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        // Exponent.
        var exponent = 0, exponentCharacters = 0, hasExponent = false
        if byte(index) == 0x65 || byte(index) == 0x45 {
            hasExponent = true
            index += 1
            let afterE = index
            var exponentNegative = false
            if byte(index) == 0x2B || byte(index) == 0x2D {
                exponentNegative = byte(index) == 0x2D
                index += 1
            }
            let digitsStart = index
            while let d = digit(index) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
                index += 1
            }
            guard index > digitsStart else { return nil }
            if exponentNegative { exponent = -exponent }
            exponentCharacters = index - afterE
        }
        guard index <= maximumLength else { return nil }

        if !hasFraction && !hasExponent {
            // GDAL: atoll, which saturates; keep to what fits without question.
            guard integerDigits <= 18 else { return nil }
            let value = Int64(mantissa)
            return (.integer(negative ? -value : value), index)
        }

        // Clinger's fast path: a mantissa of at most 2^53 and a power of ten up to 10^22 are
        // both exact doubles, so one multiplication or division rounds correctly. The value
        // is mantissa × 10^(exponent − fraction digits) when every significant digit fitted.
        let scale = exponent - fractionDigits
        var magnitude: Double
        if significant == 0 {
            magnitude = 0
        } else if significant <= 19, mantissa <= 1 << 53, (-22...22).contains(scale) {
            let m = Double(mantissa)
            magnitude = scale >= 0 ? m * powersOfTen[scale] : m / powersOfTen[-scale]
        } else {
            guard let parsed = strtodToken(start, length: index) else { return nil }
            magnitude = parsed
        }
        // Round-to-nearest is symmetric, so the sign can be applied afterwards (−0.0 too).
        let result = negative ? -magnitude : magnitude
        // GDAL types a token with a long exponent that overflows as text and reads its
        // leading integer: not worth imitating.
        if hasExponent, exponentCharacters > 3, result.isInfinite { return nil }
        return (.real(result), index)
    }

    private static let powersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// The standard library's parser rounds correctly and ignores the C locale. The sign is
    /// applied by the caller.
    private static func strtodToken(_ start: UnsafePointer<UInt8>, length: Int) -> Double? {
        let from = start[0] == 0x2D ? 1 : 0
        let text = String(decoding: UnsafeBufferPointer(start: start + from, count: length - from), as: UTF8.self)
        return Double(text)
    }
}
