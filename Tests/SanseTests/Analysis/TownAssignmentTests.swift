import Testing

@testable import SanseAnalysis
@testable import SanseModel

@Suite("Town assignment")
struct TownAssignmentTests {
    typealias P = AnalysisFixtures.P

    @Test func blockTownAddsUpTheLandOfTownPolygonsWithTheSameName() throws {
        // 南镇 holds 30 % + 30 % of the block in two polygons, 北镇 40 % in one.
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "a", wkt: AnalysisFixtures.rectangle(0, 0, 300, 100)),
                P(id: "b", wkt: AnalysisFixtures.rectangle(300, 0, 300, 100)),
                P(id: "c", wkt: AnalysisFixtures.rectangle(600, 0, 400, 100)),
            ], control: [AnalysisFixtures.everywhere],
            towns: [
                ("南镇", .small, AnalysisFixtures.rectangle(-1000, -1000, 1300, 3000)),
                ("南镇", .small, AnalysisFixtures.rectangle(300, -1000, 300, 3000)),
                ("北镇", .large, AnalysisFixtures.rectangle(600, -1000, 1000, 3000)),
            ])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.blocks.count == 1)
        #expect(result.blocks[0].town == "南镇")
        #expect(result.parcels.map(\.town) == ["南镇", "南镇", "北镇"])
    }

    @Test func blockTownIsTheTownHoldingMostOfItsLand() throws {
        // Towns split at x = 250; the block spans 0…400: 250 in 西镇, 150 in 东镇.
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "w", wkt: AnalysisFixtures.rectangle(0, 0, 200, 100), town: "东镇"),
                P(id: "e", wkt: AnalysisFixtures.rectangle(200, 0, 200, 100), town: "东镇"),
            ], control: [AnalysisFixtures.everywhere],
            towns: [
                ("西镇", .large, AnalysisFixtures.rectangle(-1000, -1000, 1250, 3000)),
                ("东镇", .small, AnalysisFixtures.rectangle(250, -1000, 1250, 3000)),
            ])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.blocks.count == 1)
        #expect(result.blocks[0].town == "西镇", "by the towns layer, not the parcels' field")
        #expect(result.blocks[0].townClass == .large)
        #expect(result.parcels.map(\.town) == ["西镇", "东镇"], "parcel e lies mostly in 东镇")
        let table = result.towns
        #expect(table.map(\.town) == ["西镇", "东镇", TownStatistics.totalName])
        #expect(table[0].blocks == 1 && table[1].blocks == 0 && table[2].blocks == 1)
        #expect(abs(table[2].landMu - 40_000 / squareMetresPerMu) < 1e-9)
    }
}
