import TestSupport
import Testing

@testable import SanseSurvey

@Suite("Selection of a rank without sorting")
struct SurveyChecksTests {
    @Test func everyRankIsTheSortedValueWithRepeatsAndExtremes() {
        var random = SplitMix64(seed: 99)
        for size in [1, 2, 3, 10, 101, 1000] {
            // Few distinct values (many repeats), negative and huge ones among them.
            let values = (0..<size).map { _ in
                [-1e300, -5, 0, 0, 3.25, 7, 1e300][Int(random.next() % 7)] + Double(random.next() % 3)
            }
            let sorted = values.sorted()
            for rank in 0..<size {
                #expect(SurveyChecks.smallest(rank, of: values) == sorted[rank], "size \(size) rank \(rank)")
            }
        }
        let ascending = (0..<500).map(Double.init), descending = Array(ascending.reversed())
        #expect(SurveyChecks.smallest(250, of: ascending) == 250)
        #expect(SurveyChecks.smallest(0, of: descending) == 0 && SurveyChecks.smallest(499, of: descending) == 499)
    }
}
