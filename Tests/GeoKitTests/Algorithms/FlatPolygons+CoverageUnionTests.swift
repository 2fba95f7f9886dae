import Testing
@testable import GeoKit

@Suite("Coverage union on coordinates: shared edges cancelled, the rest chained")
struct FlatPolygonsCoverageUnionTests {
    private func shapes(_ wkts: [String]) throws -> [FlatPolygons] {
        try wkts.map { try FlatPolygons(try Geometry(wkt: $0)) }
    }

    /// The union as GEOS's own coverage union gives it, in normal form.
    private func geosUnion(_ wkts: [String]) throws -> Geometry {
        try Geometry.collection(.geometryCollection, wkts.map { try Geometry(wkt: $0) }).coverageUnion().normalized()
    }

    private func square(_ x: Int, _ y: Int, clockwise: Bool = false) -> String {
        let corners = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)]
        let ring = (clockwise ? corners.reversed() : corners).map { "\($0.0) \($0.1)" }
        return "POLYGON ((" + ring.joined(separator: ", ") + "))"
    }

    @Test func touchingSquaresBecomeOneRectangleWithTheSharedVertices() throws {
        let wkts = [square(0, 0), square(1, 0, clockwise: true)]
        let union = try #require(FlatPolygons.coverageUnion(try shapes(wkts)))
        #expect(!union.isMulti && union.polygonCount == 1)
        #expect(union.pointCount == 7, "six corners (the shared edge's ends stay) and the closing point")
        let geometry = try union.geometry()
        #expect(geometry.isValid)
        #expect(try geometry.area() == 2)
        let expected = try geosUnion(wkts).wkb()
        #expect(try geometry.normalized().wkb() == expected)
    }

    @Test func squaresApartStayTwoPolygons() throws {
        let wkts = [square(0, 0), square(3, 0)]
        let union = try #require(FlatPolygons.coverageUnion(try shapes(wkts)))
        #expect(union.isMulti && union.polygonCount == 2)
        let expected = try geosUnion(wkts).wkb()
        #expect(try union.geometry().normalized().wkb() == expected)
    }

    @Test func aRingOfLotsAroundAYardKeepsTheYardAsAHole() throws {
        var wkts: [String] = []
        for x in 0..<3 {
            for y in 0..<3 where !(x == 1 && y == 1) { wkts.append(square(x, y, clockwise: (x + y) % 2 == 0)) }
        }
        let union = try #require(FlatPolygons.coverageUnion(try shapes(wkts)))
        var rings = 0
        union.forEachRing { _, _, _ in rings += 1 }
        #expect(union.polygonCount == 1 && rings == 2)
        let geometry = try union.geometry()
        #expect(geometry.isValid)
        #expect(try geometry.area() == 8)
        let expected = try geosUnion(wkts).wkb()
        #expect(try geometry.normalized().wkb() == expected)
    }

    @Test func aGridOfLotsWithJitteredSharedCornersMatchesGEOS() throws {
        // Shared corners moved off the grid, identically for every lot that shares them.
        func corner(_ i: Int, _ j: Int) -> String {
            let dx = Double((i * 7 + j * 3) % 5) * 0.013, dy = Double((i * 2 + j * 5) % 7) * 0.011
            return "\(4_500_000.0 + Double(i) * 20 + dx) \(3_300_000.0 + Double(j) * 30 + dy)"
        }
        var wkts: [String] = []
        for i in 0..<6 {
            for j in 0..<4 where !(i == 2 && j == 3) {
                let ring = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1), corner(i, j)]
                wkts.append("POLYGON ((" + ring.joined(separator: ", ") + "))")
            }
        }
        let union = try #require(FlatPolygons.coverageUnion(try shapes(wkts)))
        let expected = try geosUnion(wkts).wkb()
        #expect(try union.geometry().normalized().wkb() == expected)
    }

    @Test func whatEdgeMatchingCannotSettleIsLeftToGEOS() throws {
        // Corners touching: the boundary passes the shared point twice.
        #expect(FlatPolygons.coverageUnion(try shapes([square(0, 0), square(1, 1)])) == nil)
        // The same lot twice: its edges twice the same way.
        #expect(FlatPolygons.coverageUnion(try shapes([square(0, 0), square(0, 0)])) == nil)
        // A T-junction: the big lot's edge is not split where the two small ones meet.
        let tee = [
            "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))",
            "POLYGON ((2 1, 3 1, 3 2, 2 2, 2 1))",
        ]
        #expect(FlatPolygons.coverageUnion(try shapes(tee)) == nil)
        // Two shells, one with a hole: which shell holds it is GEOS's to say.
        var yard: [String] = []
        for x in 0..<3 { for y in 0..<3 where !(x == 1 && y == 1) { yard.append(square(x, y)) } }
        #expect(FlatPolygons.coverageUnion(try shapes(yard + [square(5, 5)])) == nil)
    }

    @Test func overlappingLotsGiveRingsThatFailTheValidityTest() throws {
        // No shared edge, the lots cross: rings come back, and GEOS's validity test refuses them.
        let crossing = ["POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"]
        let union = try #require(FlatPolygons.coverageUnion(try shapes(crossing)))
        #expect(union.polygonCount == 2)
        #expect(!(try union.geometry().isValid))
    }
}
