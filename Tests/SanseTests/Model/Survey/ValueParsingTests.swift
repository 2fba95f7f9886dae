import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("Value parsing")
struct ValueParsingTests {
    @Test(arguments: [("A", Grade.a), ("A类", .a), ("a", .a), ("Ａ", .a), (" c ", .c), ("D级", .d), ("ｂ类", .b)])
    func gradesAreNormalised(text: String, grade: Grade) {
        guard case .value(let parsed) = ValueParsing.grade(.string(text)) else {
            Issue.record("\(text) not read as a grade")
            return
        }
        #expect(parsed == grade)
    }

    @Test func unknownAndMissingGrades() {
        guard case .invalid(let text) = ValueParsing.grade(.string("E")) else { Issue.record("E accepted"); return }
        #expect(text == "E")
        guard case .missing = ValueParsing.grade(.string("  ")) else { Issue.record("blank not missing"); return }
        guard case .missing = ValueParsing.grade(.null) else { Issue.record("null not missing"); return }
    }

    @Test(arguments: [("1,234.5", 1234.5), (" 2.1 ", 2.1), ("１２", 12.0), ("3，000", 3000.0), ("-0.5", -0.5)])
    func numbersFromText(text: String, number: Double) {
        guard case .value(let parsed) = ValueParsing.number(.string(text)) else {
            Issue.record("\(text) not read as a number")
            return
        }
        #expect(parsed == number)
    }

    @Test func nonNumbers() {
        guard case .invalid = ValueParsing.number(.string("二点一")) else { Issue.record("accepted"); return }
        guard case .missing = ValueParsing.number(.string("")) else { Issue.record("empty not missing"); return }
        for placeholder in ["/", "—", "无", "n/a", " - "] {
            guard case .missing = ValueParsing.number(.string(placeholder)) else { Issue.record("\(placeholder) not missing"); return }
        }
        guard case .missing = ValueParsing.grade(.string("/")) else { Issue.record("grade / not missing"); return }
        guard case .value(7) = ValueParsing.number(.integer(7)) else { Issue.record("integer"); return }
    }

    /// The hand-written trimming is Foundation's, for every scalar at either end and inside.
    @Test func trimmingMatchesFoundationForEveryScalar() {
        for value in stride(from: 0, through: 0x10FFFF, by: 1) {
            guard let scalar = Unicode.Scalar(value), value % 97 == 0 || value < 0x3100 || (0xFE00...0xFFFF).contains(value) else { continue }
            let s = String(Character(scalar))
            for text in [s, s + "a" + s, " " + s + "中" + s + "\n", s + s, "a" + s + "b"] {
                #expect(ValueParsing.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
                #expect(ValueParsing.trimmed(text, ValueParsing.isWhitespace) == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            }
        }
        for text in [" \u{0301}a ", "a\u{0301} ", "\u{1F600} ", "\r\n", "\u{3000}Ａ\u{3000}", "\u{200B}x\u{200B}", "\u{FEFF}x"] {
            #expect(ValueParsing.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func oneLetterGradesTakeTheShortWayToTheSameAnswers() {
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let text = String(UnicodeScalar(byte))
            let folded = text.uppercased().trimmingCharacters(in: .whitespaces)
            let placeholder = ValueParsing.missingPlaceholders.contains(text.uppercased())
            switch ValueParsing.grade(.string(text)) {
            case .value(let grade): #expect(grade.rawValue == folded && !placeholder, "\(text)")
            case .missing: #expect(placeholder || folded.isEmpty, "\(text)")
            case .invalid(let original): #expect(original == text && Grade(rawValue: folded) == nil && !placeholder, "\(text)")
            }
        }
    }

    @Test func fieldsMatchCaseInsensitivelyInCandidateOrder() {
        let fields = ["OBJECTID", "zddm", "宗地编号"].map { FieldDefinition(name: $0, type: .string) }
        #expect(ValueParsing.fieldIndex(fields, candidates: Config.default.fields.parcelID) == 2, "宗地编号 comes before ZDDM in the list")
        #expect(ValueParsing.fieldIndex(fields, candidates: ["ZDDM"]) == 1)
        #expect(ValueParsing.fieldIndex(fields, candidates: ["nope"]) == nil)
    }
}
