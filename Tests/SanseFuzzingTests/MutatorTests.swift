@testable import SanseFuzzing
import Testing
import TestSupport

@Suite("Mutator")
struct MutatorTests {
    private let seed = Array(#"{"type":"Feature","geometry":{"coordinates":[[-12.5e3,30.25]]}}"#.utf8)

    /// A finding is replayed from its seed: the same seed must give the same inputs.
    @Test func sameSeedSameInputs() {
        let mutator = Mutator(grammar: .geoJSON)
        func inputs(_ seed: UInt64) -> [[UInt8]] {
            var random = SplitMix64(seed: seed)
            return (0..<200).map { _ in mutator.mutate(self.seed, corpus: [self.seed], random: &random) }
        }
        #expect(inputs(7) == inputs(7))
        #expect(inputs(7) != inputs(8))
        #expect(Set(inputs(7)).count > 150, "mutations should rarely repeat")
    }

    @Test func inputsStayWithinTheLengthLimit() {
        let mutator = Mutator(grammar: .yaml, maxLength: 4096)
        var random = SplitMix64(seed: 1)
        var input = Array("rules: [a]".utf8)
        for _ in 0..<2000 {
            input = mutator.mutate(input, corpus: [], random: &random)
            #expect(input.count <= 4096)
            if input.isEmpty { input = Array("rules: [a]".utf8) }
        }
    }

    @Test func spansFoundAroundAPosition() {
        let text = String(decoding: seed, as: UTF8.self)
        func span(_ range: Range<Int>?) -> String? { range.map { String(decoding: seed[$0], as: UTF8.self) } }
        let numberStart = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "-12")!.lowerBound)
        #expect(span(Mutator.number(in: seed, at: numberStart + 3)) == "-12.5e3")
        #expect(span(Mutator.number(in: seed, at: 0)) == "-12.5e3", "the first number after the position")
        #expect(span(Mutator.word(in: seed, at: 3)) == "type")
        #expect(Mutator.number(in: Array("no digits".utf8), at: 2) == nil)
        let lines = Array("a: 1\nbb: 2\nc".utf8)
        #expect(Mutator.line(in: lines, at: 6) == 5..<11)
        #expect(Mutator.line(in: lines, at: 11) == 11..<12)
        #expect(Mutator.repeated(Array("ab".utf8), 3) == Array("ababab".utf8))
    }
}
