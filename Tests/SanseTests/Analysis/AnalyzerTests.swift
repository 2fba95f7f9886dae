import Foundation
import TestSupport
import Testing

@testable import SanseAnalysis
@testable import SanseModel

/// The analysis stage as a whole: its results do not depend on the number of workers.
@Suite("Analysis")
struct AnalyzerTests {
    typealias P = AnalysisFixtures.P

    @Test func parallelResultsEqualSerialResults() throws {
        // 900 lots in 30 clusters with jittered gaps, some straddling the control line.
        var generator = SplitMix64(seed: 7)
        var lots: [P] = []
        for cluster in 0..<30 {
            let cx = Double(cluster % 6) * 1500, cy = Double(cluster / 6) * 1500
            for k in 0..<30 {
                let x = cx + Double(k % 6) * (80 + generator.unit() * 40),
                    y = cy + Double(k / 6) * (80 + generator.unit() * 40)
                let grade: Grade? = [.a, .b, .c, .d, nil][Int(generator.unit() * 5)]
                lots.append(
                    P(
                        id: "P\(cluster)-\(k)",
                        wkt: AnalysisFixtures.rectangle(x, y, 60 + generator.unit() * 30, 60 + generator.unit() * 30),
                        grade: grade, far: generator.unit() * 3, town: cluster % 2 == 0 ? "甲镇" : "乙镇"))
            }
        }
        let survey = try AnalysisFixtures.survey(lots, control: [AnalysisFixtures.rectangle(0, 0, 4000, 5000)])
        let serial = try Analyzer.run(survey, config: .default, workers: 1)
        let parallel = try Analyzer.run(survey, config: .default, workers: 2)
        #expect(serial.blocks.count > 30)
        #expect(serial.blocks.map(\.id) == parallel.blocks.map(\.id))
        #expect(serial.blocks.map(\.parcelIndices) == parallel.blocks.map(\.parcelIndices))
        #expect(serial.blocks.map(\.landM2) == parallel.blocks.map(\.landM2))
        #expect(serial.blocks.map(\.outlineM2) == parallel.blocks.map(\.outlineM2))
        #expect(serial.blocks.map(\.insideShare) == parallel.blocks.map(\.insideShare))
        #expect(serial.blocks.map(\.reasons) == parallel.blocks.map(\.reasons))
        #expect(serial.parcels.map(\.insideShare) == parallel.parcels.map(\.insideShare))
        #expect(serial.parcels.map(\.distanceToLineM) == parallel.parcels.map(\.distanceToLineM))
        #expect(serial.blocks.map { $0.land.wkb() } == parallel.blocks.map { $0.land.wkb() })
        #expect(Set(serial.blocks.map(\.category)).count == 3, "the fixture exercises all three colours")
    }
}
