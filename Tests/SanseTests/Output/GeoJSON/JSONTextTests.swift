import TestSupport
import Testing

@testable import SanseOutput

/// The hand-written JSON text gives what the plain ways give.
@Suite("JSON text")
struct JSONTextTests {
    @Test func numbersAreFormattedAsBefore() {
        func text(_ value: Double, _ decimals: Int) -> String {
            var out: [UInt8] = []
            JSONText.appendNumber(value, decimals: decimals, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(1.5, 2) == "1.5")
        #expect(text(-0.25, 7) == "-0.25")
        #expect(text(3, 0) == "3")
        #expect(text(121.0000001, 7) == "121.0000001")
        #expect(text(-0.00000004, 7) == "0")
        #expect(text(0.000001, 7) == "0.000001")
        #expect(text(1234567.891, 2) == "1234567.89")
        #expect(text(99.999, 2) == "100")
        #expect(text(.nan, 2) == "null")
        #expect(text(1e300, 2) == String(1e300))
        // Against the plain way: rounded units, whole part, fraction without trailing zeros.
        var generator = SplitMix64(seed: 20261101)
        for _ in 0..<2000 {
            let decimals = Int.random(in: 0...10, using: &generator)
            let value = Double.random(in: -200_000...200_000, using: &generator)
            let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
            let units = UInt64((abs(value) * scale).rounded())
            var expected = units == 0 ? "0" : (value < 0 ? "-" : "") + String(units / UInt64(scale))
            var fraction = String(units % UInt64(scale))
            if units != 0, decimals > 0, units % UInt64(scale) != 0 {
                fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
                while fraction.hasSuffix("0") { fraction.removeLast() }
                expected += "." + fraction
            }
            #expect(text(value, decimals) == expected, "\(value) with \(decimals) decimals")
        }
    }

    @Test func stringsAreEscapedAsBefore() {
        var out: [UInt8] = []
        JSONText.appendString("宗地 \"A\\B\"\n\t\u{1}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""宗地 \"A\\B\"\n\t\u0001""#)
    }
}
