import Testing

@testable import SanseAnalysis

@Suite("Efficiency figures")
struct EfficiencyFiguresTests {
    typealias P = AnalysisFixtures.P

    @Test func efficiencyFiguresAndTheRenewRule() throws {
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "a", wkt: AnalysisFixtures.square(0, 0), grade: .c, far: 0.8, tax: 10),
                P(id: "b", wkt: AnalysisFixtures.square(100, 0), grade: .a, far: 2.0, tax: 40),
                P(id: "c", wkt: AnalysisFixtures.rectangle(200, 0, 200, 100), grade: .d),
                P(id: "d", wkt: AnalysisFixtures.square(400, 0)),
            ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        let block = result.blocks[0]
        #expect(abs(block.cdShare! - 3.0 / 4.0) < 1e-12, "C+D 30 000 of 40 000 graded m²")
        #expect(abs(block.far! - 1.4) < 1e-12)
        #expect(abs(block.taxPerMu! - 25) < 1e-12)
        #expect(block.category == .renew)
        #expect(block.reasons == "更新转型：C/D类用地占比 75.0% >= 50%")
    }
}
