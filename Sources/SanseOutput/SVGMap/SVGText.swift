import SanseModel

/// Text for the SVG: XML escaping, locale-free number formatting, and a width estimate good
/// enough to keep labels apart (no font metrics are available when the file is written).
enum SVGText {
    /// The font stack every text element inherits.
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif"

    /// Escaped for element content and for attribute values in double quotes. Characters XML
    /// 1.0 forbids (controls other than tab, line feed and carriage return, U+FFFE, U+FFFF)
    /// become spaces; line breaks become spaces too, as SVG text is one line.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `value` rounded to `decimals` places, with thousands separators: `1,234.5`.
    static func grouped(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals, grouping: true)
    }

    /// `value` rounded to `decimals` places, no separators: `1234.50`.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int64((abs(value) * factor).rounded())
        let unit = Int64(factor)
        let whole = scaled / unit, fraction = scaled % unit
        var digits = String(whole)
        if grouping && digits.count > 3 {
            var parts: [Substring] = []
            var end = digits.endIndex
            while end > digits.startIndex {
                let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
                parts.insert(digits[start..<end], at: 0)
                end = start
            }
            digits = parts.joined(separator: ",")
        }
        var text = (value < 0 && scaled != 0 ? "-" : "") + digits
        if decimals > 0 {
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return text
    }

    /// A pixel coordinate or length with at most one decimal: `12`, `12.5`, `-0.3`.
    static func px(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Estimated advance width of `text` in pixels: CJK characters one em, Latin letters and
    /// digits a little over half. Errs on the wide side so that estimated boxes do not overlap
    /// where real glyphs would.
    static func width(_ text: String, fontSize: Double, letterSpacing: Double = 0) -> Double {
        var ems = 0.0
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            switch scalar.value {
            case 0x20: ems += 0.3
            case 0x30...0x39: ems += 0.58
            case 0x41...0x5A: ems += 0.68
            case 0x61...0x7A: ems += 0.56
            case 0x21...0x7E: ems += 0.4
            case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x3000...0x303F: ems += 1.0
            default: ems += 0.7
            }
        }
        return ems * fontSize + Double(max(0, count - 1)) * letterSpacing
    }

    /// Greedy line breaking to `maxWidth`: Latin words stay whole, CJK text breaks anywhere.
    static func wrapped(_ text: String, fontSize: Double, maxWidth: Double) -> [String] {
        // Tokens: a run of Latin non-space characters, one space, or one other character.
        var tokens: [String] = []
        var word = ""
        for character in text {
            let isLatin = character.unicodeScalars.allSatisfy { $0.value < 0x2E80 } && character != " "
            if isLatin {
                word.append(character)
            } else {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(character))
            }
        }
        if !word.isEmpty { tokens.append(word) }

        var lines: [String] = []
        var line = ""
        for token in tokens {
            let candidate = line + token
            if line.isEmpty || width(candidate, fontSize: fontSize) <= maxWidth {
                line = candidate
            } else {
                lines.append(line.trimmingTrailingSpaces)
                line = token == " " ? "" : token
            }
        }
        if !line.isEmpty { lines.append(line.trimmingTrailingSpaces) }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
