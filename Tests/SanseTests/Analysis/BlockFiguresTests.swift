import Testing

@testable import SanseAnalysis
@testable import SanseModel

/// The figures a block gets before the rules: here its scale, against the 10 ha and the
/// town-class thresholds.
@Suite("Block figures")
struct BlockFiguresTests {
    typealias P = AnalysisFixtures.P

    @Test func tenHectaresSplitsBlocksOf149Point9And150Point1Mu() throws {
        let mu = squareMetresPerMu
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "small", wkt: AnalysisFixtures.rectangle(0, 0, 100, 149.9 * mu / 100), town: "坎墩街道"),
                P(id: "big", wkt: AnalysisFixtures.rectangle(5000, 0, 100, 150.1 * mu / 100), town: "周巷镇"),
            ], control: [AnalysisFixtures.everywhere], towns: [("坎墩街道", .small, nil), ("周巷镇", .large, nil)])
        let result = try Analyzer.run(survey, config: .default)
        let small = try #require(result.blocks.first { survey.parcels[$0.parcelIndices[0]].id == "small" })
        let big = try #require(result.blocks.first { survey.parcels[$0.parcelIndices[0]].id == "big" })
        #expect(abs(small.landMu - 149.9) < 1e-9 && !small.isCluster10ha)
        #expect(abs(big.landMu - 150.1) < 1e-9 && big.isCluster10ha)
        // 小镇 needs 100 亩, 大镇 200 亩.
        #expect(small.townClass == .small && small.renovationCandidate)
        #expect(big.townClass == .large && !big.renovationCandidate)
    }
}
