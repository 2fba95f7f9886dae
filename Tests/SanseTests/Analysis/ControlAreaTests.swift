import Testing

@testable import SanseAnalysis
@testable import SanseModel

/// The control area C and each parcel's and block's share of it and distance to it.
@Suite("Control area")
struct ControlAreaTests {
    typealias P = AnalysisFixtures.P

    @Test func sharesInsidePartialOutsideAndAlongTheLine() throws {
        let control = AnalysisFixtures.rectangle(0, 0, 1000, 1000)
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "in", wkt: AnalysisFixtures.square(100, 100)),
                P(id: "half", wkt: AnalysisFixtures.square(950, 500)),  // 50 m of 100 inside
                P(id: "along", wkt: AnalysisFixtures.square(1000, 200)),  // shares the line, outside
                P(id: "far", wkt: AnalysisFixtures.square(1300, 300)),  // 300 m out
                P(id: "edge", wkt: AnalysisFixtures.square(0, 800)),  // inside, on the line
                P(id: "out", wkt: AnalysisFixtures.square(1050, 500)),  // touches "half", outside
            ], control: [control])
        var config = Config.default
        config.contiguity.gapMetres = 0
        let result = try Analyzer.run(survey, config: config)
        let byID = Dictionary(
            uniqueKeysWithValues: survey.parcels.indices.map { (survey.parcels[$0].id, result.parcels[$0]) })
        #expect(byID["in"]!.insideShare == 1 && byID["in"]!.lineStatus == .inside && byID["in"]!.distanceToLineM == nil)
        #expect(abs(byID["half"]!.insideShare - 0.5) < 1e-12 && byID["half"]!.lineStatus == .partial)
        #expect(byID["half"]!.distanceToLineM == 0)
        #expect(byID["along"]!.insideShare == 0 && byID["along"]!.lineStatus == .outside)
        #expect(byID["along"]!.distanceToLineM == 0, "touching the line is distance 0")
        #expect(byID["far"]!.insideShare == 0 && byID["far"]!.distanceToLineM == 300)
        #expect(byID["edge"]!.insideShare == 1 && byID["edge"]!.lineStatus == .inside)
        // "half" and "out" touch: one block with 5 000 of its 20 000 m² inside → exit.
        let joint = try #require(result.blocks.first { $0.parcelIndices.count == 2 })
        #expect(abs(joint.insideShare - 0.25) < 1e-12)
        #expect(joint.category == .exit)
        #expect(joint.reasons == "腾挪退出：控制线内面积占比 25.0% < 50%")
    }

    @Test func blockShareCountsOverlapsOnceAndSeparateControlPolygonsAsOne() throws {
        // X and Y overlap by 50 × 100; C covers x < 100: 10 000 of the 15 000 m² of land.
        let overlapping = try AnalysisFixtures.survey(
            [
                P(id: "X", wkt: AnalysisFixtures.square(0, 0)),
                P(id: "Y", wkt: AnalysisFixtures.rectangle(50, 0, 100, 100)),
            ], control: [AnalysisFixtures.rectangle(-500, -500, 600, 1000)])
        let block = try Analyzer.run(overlapping, config: .default).blocks[0]
        #expect(abs(block.insideShare - 2.0 / 3.0) < 1e-12, "share \(block.insideShare)")

        // Two lots 20 m apart, each inside its own control polygon, the road between outside.
        let apart = try AnalysisFixtures.survey(
            [
                P(id: "west", wkt: AnalysisFixtures.square(0, 0)),
                P(id: "east", wkt: AnalysisFixtures.square(120, 0)),
            ],
            control: [AnalysisFixtures.rectangle(-10, -10, 120, 120), AnalysisFixtures.rectangle(115, -10, 120, 120)])
        let result = try Analyzer.run(apart, config: .default)
        #expect(result.blocks.count == 1)
        #expect(result.blocks[0].insideShare == 1 && result.blocks[0].lineStatus == .inside)
        #expect(result.controlArea.partCount == 2)
        #expect(abs(try result.controlArea.area() - 2 * 120 * 120) < 1e-6)
    }

    @Test func distanceIsToTheNearestPolygonNotTheNearestBox() throws {
        // An L whose box reaches to 5 m of the parcel while the L itself stays 300 m away, a
        // square 150 m away, and nothing else within 1 km of the second parcel.
        let ell = "POLYGON ((-400 -400, 1000 -400, 1000 -300, -300 -300, -300 1000, -400 1000, -400 -400))"
        let survey = try AnalysisFixtures.survey(
            [
                P(id: "near", wkt: AnalysisFixtures.square(5, 5, 10)),
                P(id: "lonely", wkt: AnalysisFixtures.square(5000, 5000, 10)),
            ], control: [ell, AnalysisFixtures.square(165, 0, 50)])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.parcels[0].distanceToLineM == 150)
        let lonely = try #require(result.parcels[1].distanceToLineM)
        // The L's arm ends (1000, -300) and (-300, 1000) are nearer than the square's corner (215, 50).
        #expect(abs(lonely - (4000.0 * 4000.0 + 5300.0 * 5300.0).squareRoot()) < 1e-9, "\(lonely)")
    }

    @Test func touchingControlPolygonsAreMergedSeparateOnesKept() throws {
        let parcels = [P(id: "a", wkt: AnalysisFixtures.square(0, 0))]
        let touching = try AnalysisFixtures.survey(
            parcels,
            control: [
                AnalysisFixtures.rectangle(-50, -50, 100, 200), AnalysisFixtures.rectangle(50, -50, 100, 200),
            ])
        let merged = try Analyzer.run(touching, config: .default)
        #expect(merged.controlArea.type == .polygon, "one polygon once the shared edge is dissolved")
        #expect(abs(try merged.controlArea.area() - 200 * 200) < 1e-6)
        #expect(merged.parcels[0].insideShare == 1, "inside C although across the dissolved edge")

        let separate = try AnalysisFixtures.survey(
            parcels,
            control: [
                AnalysisFixtures.rectangle(-50, -50, 100, 200), AnalysisFixtures.rectangle(60, -50, 100, 200),
            ])
        let kept = try Analyzer.run(separate, config: .default)
        #expect(kept.controlArea.partCount == 2)
        #expect(abs(kept.parcels[0].insideShare - 0.9) < 1e-12, "the 10 m strip between them is outside")
        #expect(kept.parcels[0].distanceToLineM == 0)
    }
}
