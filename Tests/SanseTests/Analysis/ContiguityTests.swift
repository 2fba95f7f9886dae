import Testing

@testable import SanseAnalysis
@testable import SanseModel

@Suite("Contiguity")
struct ContiguityTests {
    typealias P = AnalysisFixtures.P

    func blockMembers(_ result: AnalysisResult, _ survey: Survey) -> Set<Set<String>> {
        Set(result.blocks.map { Set($0.parcelIndices.map { survey.parcels[$0].id }) })
    }

    @Test func gapsOfExactlyJustUnderAndJustOverTheTolerance() throws {
        // A—B 30 m apart (= gap), B—C 29.99 m, C—D 30.01 m.
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "A", wkt: AnalysisFixtures.square(0, 0)),
                P(id: "B", wkt: AnalysisFixtures.square(130, 0)),
                P(id: "C", wkt: AnalysisFixtures.square(259.99, 0)),
                P(id: "D", wkt: AnalysisFixtures.square(390, 0)),
            ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        #expect(blockMembers(result, survey) == [["A", "B", "C"], ["D"]])
        let abc = try #require(result.blocks.first { $0.parcelIndices.count == 3 })
        #expect(abc.gapJoins == 2 && abc.touchingJoins == 0)
        #expect(abs(abc.widestGapM - 30) < 1e-9)

        var touching = Config.default
        touching.contiguity.gapMetres = 0
        #expect(blockMembers(try Analyzer.run(survey, config: touching), survey) == [["A"], ["B"], ["C"], ["D"]])
    }
}
