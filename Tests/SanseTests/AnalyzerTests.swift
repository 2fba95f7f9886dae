import Foundation
import GeoKit
import Testing
import TestSupport
@testable import Sanse

@Suite("Analysis")
struct AnalysisTests {
    typealias P = AnalysisFixtures.P

    func blockMembers(_ result: AnalysisResult, _ survey: Survey) -> Set<Set<String>> {
        Set(result.blocks.map { Set($0.parcelIndices.map { survey.parcels[$0].id }) })
    }

    @Test func gapsOfExactlyJustUnderAndJustOverTheTolerance() throws {
        // A—B 30 m apart (= gap), B—C 29.99 m, C—D 30.01 m.
        let survey = try AnalysisFixtures.survey([
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

    @Test func outlineClosesInternalRoadsButNotTheCourtyard() throws {
        // Eight 100 m lots around a courtyard, 20 m roads between them (gap 30).
        var lots: [P] = []
        for row in 0..<3 {
            for column in 0..<3 where !(row == 1 && column == 1) {
                lots.append(P(id: "L\(row)\(column)", wkt: AnalysisFixtures.square(Double(column) * 120, Double(row) * 120)))
            }
        }
        let survey = try AnalysisFixtures.survey(lots, control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.blocks.count == 1)
        let block = result.blocks[0]
        #expect(abs(block.landM2 - 80_000) < 1e-6)
        #expect(block.land.polygonCount == 8, "the land is eight separate lots")
        #expect(try block.outline.geometry().type == .polygon, "the roads are closed into one outline")
        // The 140 m courtyard stays a hole; only its corners round off and the road mouths
        // dent it by a few metres, so both figures stay within 1 % of the plain squares.
        let holes = try block.outline.geometry().interiorRings
        #expect(holes.count == 1)
        let hole = try Geometry.polygon(exterior: try holes[0].points())
        #expect(abs(try hole.area() - 140 * 140) / (140 * 140) < 0.01)
        let roadsClosed = 340.0 * 340 - 140 * 140  // lots + roads, without the courtyard
        #expect(abs(block.outlineM2 - roadsClosed) / roadsClosed < 0.01, "outline \(block.outlineM2)")
        #expect(block.outlineM2 > block.landM2 + 15_000, "the 16 000 m² of internal roads are inside the outline")
    }

    @Test func overlappingParcelsCountOnceAndAreReported() throws {
        let survey = try AnalysisFixtures.survey([
            P(id: "X", wkt: AnalysisFixtures.square(0, 0)),
            P(id: "Y", wkt: AnalysisFixtures.rectangle(50, 0, 100, 100)),
            P(id: "Z", wkt: AnalysisFixtures.square(150, 0)),  // touches Y only
        ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.blocks.count == 1)
        #expect(abs(result.blocks[0].landM2 - 25_000) < 1e-6)
        let overlaps = result.issues.issues.filter { $0.kind == .overlap }
        #expect(overlaps.count == 1)
        #expect(overlaps[0].featureID == "X" && overlaps[0].messageEN.contains("parcel Y by 5000.0 m²"))
    }

    @Test func sharesInsidePartialOutsideAndAlongTheLine() throws {
        let control = AnalysisFixtures.rectangle(0, 0, 1000, 1000)
        let survey = try AnalysisFixtures.survey([
            P(id: "in", wkt: AnalysisFixtures.square(100, 100)),
            P(id: "half", wkt: AnalysisFixtures.square(950, 500)),        // 50 m of 100 inside
            P(id: "along", wkt: AnalysisFixtures.square(1000, 200)),      // shares the line, outside
            P(id: "far", wkt: AnalysisFixtures.square(1300, 300)),        // 300 m out
            P(id: "edge", wkt: AnalysisFixtures.square(0, 800)),          // inside, on the line
            P(id: "out", wkt: AnalysisFixtures.square(1050, 500)),        // touches "half", outside
        ], control: [control])
        var config = Config.default
        config.contiguity.gapMetres = 0
        let result = try Analyzer.run(survey, config: config)
        let byID = Dictionary(uniqueKeysWithValues: survey.parcels.indices.map { (survey.parcels[$0].id, result.parcels[$0]) })
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
        let overlapping = try AnalysisFixtures.survey([
            P(id: "X", wkt: AnalysisFixtures.square(0, 0)),
            P(id: "Y", wkt: AnalysisFixtures.rectangle(50, 0, 100, 100)),
        ], control: [AnalysisFixtures.rectangle(-500, -500, 600, 1000)])
        let block = try Analyzer.run(overlapping, config: .default).blocks[0]
        #expect(abs(block.insideShare - 2.0 / 3.0) < 1e-12, "share \(block.insideShare)")

        // Two lots 20 m apart, each inside its own control polygon, the road between outside.
        let apart = try AnalysisFixtures.survey([
            P(id: "west", wkt: AnalysisFixtures.square(0, 0)),
            P(id: "east", wkt: AnalysisFixtures.square(120, 0)),
        ], control: [AnalysisFixtures.rectangle(-10, -10, 120, 120), AnalysisFixtures.rectangle(115, -10, 120, 120)])
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
        let survey = try AnalysisFixtures.survey([
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
        let touching = try AnalysisFixtures.survey(parcels, control: [
            AnalysisFixtures.rectangle(-50, -50, 100, 200), AnalysisFixtures.rectangle(50, -50, 100, 200),
        ])
        let merged = try Analyzer.run(touching, config: .default)
        #expect(merged.controlArea.type == .polygon, "one polygon once the shared edge is dissolved")
        #expect(abs(try merged.controlArea.area() - 200 * 200) < 1e-6)
        #expect(merged.parcels[0].insideShare == 1, "inside C although across the dissolved edge")

        let separate = try AnalysisFixtures.survey(parcels, control: [
            AnalysisFixtures.rectangle(-50, -50, 100, 200), AnalysisFixtures.rectangle(60, -50, 100, 200),
        ])
        let kept = try Analyzer.run(separate, config: .default)
        #expect(kept.controlArea.partCount == 2)
        #expect(abs(kept.parcels[0].insideShare - 0.9) < 1e-12, "the 10 m strip between them is outside")
        #expect(kept.parcels[0].distanceToLineM == 0)
    }

    @Test func blockTownAddsUpTheLandOfTownPolygonsWithTheSameName() throws {
        // 南镇 holds 30 % + 30 % of the block in two polygons, 北镇 40 % in one.
        let survey = try AnalysisFixtures.survey([
            P(id: "a", wkt: AnalysisFixtures.rectangle(0, 0, 300, 100)),
            P(id: "b", wkt: AnalysisFixtures.rectangle(300, 0, 300, 100)),
            P(id: "c", wkt: AnalysisFixtures.rectangle(600, 0, 400, 100)),
        ], control: [AnalysisFixtures.everywhere], towns: [
            ("南镇", .small, AnalysisFixtures.rectangle(-1000, -1000, 1300, 3000)),
            ("南镇", .small, AnalysisFixtures.rectangle(300, -1000, 300, 3000)),
            ("北镇", .large, AnalysisFixtures.rectangle(600, -1000, 1000, 3000)),
        ])
        let result = try Analyzer.run(survey, config: .default)
        #expect(result.blocks.count == 1)
        #expect(result.blocks[0].town == "南镇")
        #expect(result.parcels.map(\.town) == ["南镇", "南镇", "北镇"])
    }

    @Test func tenHectaresSplitsBlocksOf149Point9And150Point1Mu() throws {
        let mu = squareMetresPerMu
        let survey = try AnalysisFixtures.survey([
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

    @Test func efficiencyFiguresAndTheRenewRule() throws {
        let survey = try AnalysisFixtures.survey([
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

    @Test func missingFiguresNeverMatchAndFallbackNamesTheFigures() throws {
        let survey = try AnalysisFixtures.survey([P(id: "only", wkt: AnalysisFixtures.square(0, 0))],
                                                 control: [AnalysisFixtures.everywhere])
        let block = try Analyzer.run(survey, config: .default).blocks[0]
        #expect(block.cdShare == nil && block.far == nil && block.taxPerMu == nil)
        #expect(block.category == .retain)
        #expect(block.reasons == "保留提升：未满足前述规则条件（控制线内面积占比 100.0%，C/D类用地占比 缺失，容积率 缺失）")
    }

    @Test func customRulesCanUseTaxPerMu() throws {
        let config = try ConfigReader.parse("""
        rules:
          - category: exit
            all:
              - {metric: tax_per_mu, op: "<", value: 10}
              - {metric: is_cluster_10ha, op: "==", value: false}
          - category: retain
        """)
        let survey = try AnalysisFixtures.survey([
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

    @Test func blockIdsFollowTownThenAreaThenParcelId() throws {
        let survey = try AnalysisFixtures.survey([
            P(id: "k2", wkt: AnalysisFixtures.square(0, 0), town: "周巷镇"),
            P(id: "k1", wkt: AnalysisFixtures.square(1000, 0), town: "周巷镇"),              // same area: by id
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

    @Test func blockTownIsTheTownHoldingMostOfItsLand() throws {
        // Towns split at x = 250; the block spans 0…400: 250 in 西镇, 150 in 东镇.
        let survey = try AnalysisFixtures.survey([
            P(id: "w", wkt: AnalysisFixtures.rectangle(0, 0, 200, 100), town: "东镇"),
            P(id: "e", wkt: AnalysisFixtures.rectangle(200, 0, 200, 100), town: "东镇"),
        ], control: [AnalysisFixtures.everywhere], towns: [
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

    @Test func enterprisesAreCountedOncePerTownAndOnceInAll() throws {
        // 300 lots in 2 towns, far apart (one block each); names repeat within and across
        // towns, and two differ only in Unicode normalisation (distinct bytes, distinct names).
        var lots: [P] = []
        for k in 0..<300 {
            let town = k < 150 ? "甲镇" : "乙镇"
            let x = Double(k % 150) * 100 + (k < 150 ? 0 : 50_000)
            let names = ["宁波甲机械有限公司", "宁波乙电子有限公司", "Café \(k % 7)", "Cafe\u{301} \(k % 7)"]
            lots.append(P(id: "L\(k)", wkt: AnalysisFixtures.square(x, 0, 100), town: town,
                          enterprise: k % 10 == 0 ? nil : names[k % 4]))
        }
        let survey = try AnalysisFixtures.survey(lots, control: [AnalysisFixtures.everywhere])
        // What a plain count gives.
        var perTown: [String: Set<[UInt8]>] = [:], all = Set<[UInt8]>()
        for lot in lots {
            guard let name = lot.enterprise else { continue }
            perTown[lot.town!, default: []].insert(Array(name.utf8))
            all.insert(Array(name.utf8))
        }
        for workers in [1, 2] {
            let table = try Analyzer.run(survey, config: .default, workers: workers).towns
            let byName = Dictionary(uniqueKeysWithValues: table.map { ($0.town, $0.enterprises) })
            #expect(byName["甲镇"] == perTown["甲镇"]!.count, "workers \(workers)")
            #expect(byName["乙镇"] == perTown["乙镇"]!.count, "workers \(workers)")
            #expect(byName[TownStatistics.totalName] == all.count, "workers \(workers)")
        }
        #expect(all.count == 2 + 7 + 7, "the two spellings of Café count apart")
    }

    @Test func parallelResultsEqualSerialResults() throws {
        // 900 lots in 30 clusters with jittered gaps, some straddling the control line.
        var generator = SplitMix64(seed: 7)
        var lots: [P] = []
        for cluster in 0..<30 {
            let cx = Double(cluster % 6) * 1500, cy = Double(cluster / 6) * 1500
            for k in 0..<30 {
                let x = cx + Double(k % 6) * (80 + generator.unit() * 40), y = cy + Double(k / 6) * (80 + generator.unit() * 40)
                let grade: Grade? = [.a, .b, .c, .d, nil][Int(generator.unit() * 5)]
                lots.append(P(id: "P\(cluster)-\(k)", wkt: AnalysisFixtures.rectangle(x, y, 60 + generator.unit() * 30, 60 + generator.unit() * 30),
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
