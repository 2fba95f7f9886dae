import GeoKit
import Testing

@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// A block's land (its parcels' union, overlaps counted once) and its outline (the land
/// closed over its internal roads).
@Suite("Block land and outline")
struct BlockGeometryTests {
    typealias P = AnalysisFixtures.P

    @Test func outlineClosesInternalRoadsButNotTheCourtyard() throws {
        // Eight 100 m lots around a courtyard, 20 m roads between them (gap 30).
        var lots: [P] = []
        for row in 0..<3 {
            for column in 0..<3 where !(row == 1 && column == 1) {
                lots.append(
                    P(id: "L\(row)\(column)", wkt: AnalysisFixtures.square(Double(column) * 120, Double(row) * 120)))
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
        let survey = try AnalysisFixtures.survey(
            [
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

    // MARK: Land by coverage union, taken only where it is exactly the overlay's union

    func geometries(_ wkts: [String]) throws -> [Geometry] { try wkts.map { try Geometry(wkt: $0) } }
    func summedArea(_ parts: [Geometry]) throws -> Double { try parts.reduce(0) { $0 + (try $1.area()) } }

    @Test func lotsWithSharedEdgesAreUnitedByMatchingThem() throws {
        // Three 100 m lots in a row, each shared edge with the same two vertices on both sides.
        let lots = try geometries([
            AnalysisFixtures.square(0, 0), AnalysisFixtures.square(100, 0), AnalysisFixtures.square(200, 0),
        ])
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
        let survey = try AnalysisFixtures.survey(
            [
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
