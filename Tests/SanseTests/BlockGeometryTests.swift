import GeoKit
import Testing
@testable import Sanse

/// A block's land by coverage union is taken only where it is exactly the overlay's union.
@Suite("Block land by coverage union")
struct CoverageUnionTests {
    func geometries(_ wkts: [String]) throws -> [Geometry] { try wkts.map { try Geometry(wkt: $0) } }
    func summedArea(_ parts: [Geometry]) throws -> Double { try parts.reduce(0) { $0 + (try $1.area()) } }

    @Test func lotsWithSharedEdgesAreUnitedByMatchingThem() throws {
        // Three 100 m lots in a row, each shared edge with the same two vertices on both sides.
        let lots = try geometries([AnalysisFixtures.square(0, 0), AnalysisFixtures.square(100, 0), AnalysisFixtures.square(200, 0)])
        let union = try #require(BlockGeometry.coverageUnion(lots, summedArea: try summedArea(lots)))
        #expect(union.type == .polygon)
        #expect(abs(try union.area() - 30_000) < 1e-6)
        #expect(try union.equalsTopologically(try Geometry.union(of: lots)))
    }

    @Test func parcelsApartAcrossARoadStaySeparateParts() throws {
        let parcels = try geometries([AnalysisFixtures.square(0, 0), AnalysisFixtures.square(120, 0)])
        let union = try #require(BlockGeometry.coverageUnion(parcels, summedArea: try summedArea(parcels)))
        #expect(union.type == .multiPolygon && union.parts.count == 2)
        #expect(abs(try union.area() - 20_000) < 1e-6)
    }

    @Test func anEdgeSharedOnlyInPartIsLeftToTheOverlay() throws {
        // B's west edge runs along half of A's east edge: a T-junction, no vertex in common there.
        let parcels = try geometries([AnalysisFixtures.square(0, 0), AnalysisFixtures.rectangle(100, 50, 100, 50)])
        #expect(BlockGeometry.coverageUnion(parcels, summedArea: try summedArea(parcels)) == nil)
    }

    @Test func overlappingParcelsAreLeftToTheOverlay() throws {
        let parcels = try geometries([AnalysisFixtures.square(0, 0), AnalysisFixtures.square(50, 50)])
        #expect(BlockGeometry.coverageUnion(parcels, summedArea: try summedArea(parcels)) == nil)
    }

    @Test func theBlockFiguresAreTheSameEitherWay() throws {
        // A T-junction block and a clean one, side by side: areas as the overlay gives them.
        let survey = try AnalysisFixtures.survey([
            AnalysisFixtures.P(id: "A", wkt: AnalysisFixtures.square(0, 0)),
            AnalysisFixtures.P(id: "B", wkt: AnalysisFixtures.rectangle(100, 50, 100, 50)),
            AnalysisFixtures.P(id: "C", wkt: AnalysisFixtures.square(1000, 0)),
            AnalysisFixtures.P(id: "D", wkt: AnalysisFixtures.square(1100, 0)),
        ], control: [AnalysisFixtures.everywhere])
        let result = try Analyzer.run(survey, config: .default)
        let lands = result.blocks.map(\.landM2).sorted()
        #expect(lands.count == 2)
        #expect(abs(lands[0] - 15_000) < 1e-6 && abs(lands[1] - 20_000) < 1e-6)
        for block in result.blocks {
            let parcels = try block.parcelIndices.map { try survey.parcels[$0].geometry() }
            #expect(try block.land.geometry().equalsTopologically(try Geometry.union(of: parcels)))
        }
    }
}

@Suite("Block ids")
struct BlockIDTests {
    @Test func tenThousandBlocksGetFiveDigitIdsThatSortAsText() throws {
        // 10 000 separate 10 m squares on a 100 m grid (gap 30 m): one block each.
        let parcels = (0..<10_000).map { index in
            AnalysisFixtures.P(id: String(format: "P%05d", index),
                               wkt: AnalysisFixtures.square(Double(index % 100) * 100, Double(index / 100) * 100, 10))
        }
        let survey = try AnalysisFixtures.survey(parcels, control: [AnalysisFixtures.everywhere])
        let ids = try Analyzer.run(survey, config: .default).blocks.map(\.id)
        #expect(ids.count == 10_000)
        #expect(ids.first == "B00001" && ids.last == "B10000")
        #expect(ids == ids.sorted(), "numbered in order and sorted as text alike")
    }

    @Test func aSmallSurveyKeepsFourDigits() throws {
        let survey = try AnalysisFixtures.survey([AnalysisFixtures.P(id: "A", wkt: AnalysisFixtures.square(0, 0))],
                                                 control: [AnalysisFixtures.everywhere])
        #expect(try Analyzer.run(survey, config: .default).blocks.map(\.id) == ["B0001"])
    }
}
