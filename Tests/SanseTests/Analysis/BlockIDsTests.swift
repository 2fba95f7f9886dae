import Foundation
import Testing

@testable import SanseAnalysis

@Suite("Block ids")
struct BlockIDsTests {
    typealias P = AnalysisFixtures.P

    @Test func blockIdsFollowTownThenAreaThenParcelId() throws {
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "k2", wkt: AnalysisFixtures.square(0, 0), town: "周巷镇"),
                P(id: "k1", wkt: AnalysisFixtures.square(1000, 0), town: "周巷镇"),  // same area: by id
                P(id: "big", wkt: AnalysisFixtures.rectangle(2000, 0, 300, 100), town: "周巷镇"),
                P(id: "z", wkt: AnalysisFixtures.square(3000, 0), town: "坎墩街道"),
            ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        let order = result.blocks.map { survey.parcels[$0.parcelIndices[0]].id }
        // "周" (U+5468) sorts before "坎" (U+574E).
        #expect(order == ["big", "k1", "k2", "z"])
        #expect(result.blocks.map(\.id) == ["B0001", "B0002", "B0003", "B0004"])
        #expect(result.parcels[0].blockIndex == 2, "k2's block is B0003")
    }

    @Test func tenThousandBlocksGetFiveDigitIdsThatSortAsText() throws {
        // 10 000 separate 10 m squares on a 100 m grid (gap 30 m): one block each.
        let parcels = (0..<10_000).map { index in
            AnalysisFixtures.P(
                id: String(format: "P%05d", index),
                wkt: AnalysisFixtures.square(Double(index % 100) * 100, Double(index / 100) * 100, 10))
        }
        let survey = try AnalysisFixtures.survey(parcels, control: [AnalysisFixtures.everywhere])
        let ids = try Analyzer.run(survey, config: .default).blocks.map(\.id)
        #expect(ids.count == 10_000)
        #expect(ids.first == "B00001" && ids.last == "B10000")
        #expect(ids == ids.sorted(), "numbered in order and sorted as text alike")
    }

    @Test func aSmallSurveyKeepsFourDigits() throws {
        let survey = try AnalysisFixtures.survey(
            [AnalysisFixtures.P(id: "A", wkt: AnalysisFixtures.square(0, 0))],
            control: [AnalysisFixtures.everywhere])
        #expect(try Analyzer.run(survey, config: .default).blocks.map(\.id) == ["B0001"])
    }
}
