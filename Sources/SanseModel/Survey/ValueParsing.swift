import Foundation
import GeoKit

/// Reading the messy values real surveys carry: `A类`, `ａ`, `"1,234.5"`, `" 2.1 "`, ``.
package enum ValueParsing {
    package enum Parsed<Value> {
        case missing
        case value(Value)
        /// Present but unreadable; the original text, for the report.
        case invalid(String)
    }

    /// Text with full-width forms folded (ＡＢ１２ → AB12) and outer spaces trimmed; nil when
    /// empty.
    package static func text(_ value: FieldValue) -> String? {
        guard let raw = value.text else { return nil }
        // Compatibility folding is slow; only full-width forms and the ideographic space need it.
        let needsFolding = raw.utf8.contains { $0 >= 0xE3 } && raw.unicodeScalars.contains { (0xFF00...0xFFEF).contains($0.value) || $0.value == 0x3000 }
        let folded = trimmed(needsFolding ? raw.precomposedStringWithCompatibilityMapping : raw)
        return folded.isEmpty ? nil : folded
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's detour through
    /// UTF-16, which was most of the time spent preparing parcels.
    static func trimmed(_ text: String, _ isSpace: (Unicode.Scalar) -> Bool = isWhitespaceOrNewline) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines`: Unicode Z* (as Foundation's tables
    /// have it, with U+200B), tab, line feed to carriage return, and next line.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Foundation's `CharacterSet.whitespaces`: as above without the line breaks.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    package static func number(_ value: FieldValue) -> Parsed<Double> {
        switch value {
        case .null: return .missing
        case .integer(let number): return .value(Double(number))
        case .real(let number): return number.isFinite ? .value(number) : .invalid(String(number))
        case .string:
            guard let folded = text(value), !missingPlaceholders.contains(folded.uppercased()) else { return .missing }
            let cleaned = String(folded.filter { $0 != "," && $0 != " " })
            guard let number = Double(cleaned), number.isFinite else { return .invalid(folded) }
            return .value(number)
        }
    }

    /// What surveys write in a cell that has no value.
    static let missingPlaceholders: Set<String> = ["/", "-", "--", "—", "——", "无", "空", "N/A", "NA", "NULL", "NONE", "#N/A"]

    /// A/B/C/D, also written `A类`, `A级`, `a`, `Ａ`, `A档`.
    package static func grade(_ value: FieldValue) -> Parsed<Grade> {
        guard let folded = text(value) else { return .missing }
        // Most grades are one letter: no need for the general path's new strings.
        if folded.utf8.count == 1, let grade = Grade(rawValue: String(Character(Unicode.Scalar(folded.utf8.first! & ~0x20)))) {
            return .value(grade)
        }
        guard !missingPlaceholders.contains(folded.uppercased()) else { return .missing }
        var letters = folded.uppercased()
        for suffix in ["类", "级", "档", "等"] where letters.hasSuffix(suffix) {
            letters.removeLast(suffix.count)
        }
        letters = trimmed(letters, isWhitespace)
        if let grade = Grade(rawValue: letters) { return .value(grade) }
        return .invalid(folded)
    }

    /// The index of the first candidate name present among `fields`, case-insensitively.
    package static func fieldIndex(_ fields: [FieldDefinition], candidates: [String]) -> Int? {
        let lowered = fields.map { $0.name.lowercased() }
        for candidate in candidates {
            if let index = lowered.firstIndex(of: candidate.lowercased()) { return index }
        }
        return nil
    }
}
