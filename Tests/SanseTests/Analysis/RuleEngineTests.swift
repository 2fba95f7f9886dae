import Testing

@testable import SanseAnalysis
@testable import SanseModel

@Suite("Rules")
struct RuleEngineTests {
    typealias P = AnalysisFixtures.P

    @Test func missingFiguresNeverMatchAndFallbackNamesTheFigures() throws {
        let survey = try AnalysisFixtures.survey(
            [P(id: "only", wkt: AnalysisFixtures.square(0, 0))],
            control: [AnalysisFixtures.everywhere])
        let block = try Analyzer.run(survey, config: .default).blocks[0]
        #expect(block.cdShare == nil && block.far == nil && block.taxPerMu == nil)
        #expect(block.category == .retain)
        #expect(block.reasons == "保留提升：未满足前述规则条件（控制线内面积占比 100.0%，C/D类用地占比 缺失，容积率 缺失）")
    }

    @Test func customRulesCanUseTaxPerMu() throws {
        let config = try ConfigReader.parse(
            """
            rules:
              - category: exit
                all:
                  - {metric: tax_per_mu, op: "<", value: 10}
                  - {metric: is_cluster_10ha, op: "==", value: false}
              - category: retain
            """)
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "poor", wkt: AnalysisFixtures.square(0, 0), tax: 4.5),
                P(id: "rich", wkt: AnalysisFixtures.square(5000, 0), tax: 60),
            ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: config)
        let poor = try #require(result.blocks.first { survey.parcels[$0.parcelIndices[0]].id == "poor" })
        let rich = try #require(result.blocks.first { survey.parcels[$0.parcelIndices[0]].id == "rich" })
        #expect(poor.category == .exit)
        #expect(poor.reasons == "腾挪退出：亩均税收(万元/亩) 4.5 < 10，10公顷以上集聚区块 否 == 否")
        #expect(rich.category == .retain)
    }
}
