import Testing
@testable import GeoKit

@Suite("Prepared geometries")
struct PreparedGeometryTests {
    /// An L-shaped polygon and a grid of small squares around and inside it.
    @Test func preparedAndPlainPredicatesAgreeOnAGrid() throws {
        let shape = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 4, 4 4, 4 10, 0 10, 0 0))")
        let prepared = try PreparedGeometry(shape)
        var properlyInside = 0, touching = 0
        for i in -2...12 {
            for j in -2...12 {
                let cell = try Geometry.polygon(exterior: [
                    Point2D(Double(i), Double(j)), Point2D(Double(i) + 1, Double(j)),
                    Point2D(Double(i) + 1, Double(j) + 1), Point2D(Double(i), Double(j) + 1),
                ])
                #expect(try prepared.contains(cell) == shape.contains(cell))
                #expect(try prepared.intersects(cell) == shape.intersects(cell))
                #expect(try prepared.covers(cell) == shape.covers(cell))
                let distance = try shape.distance(to: cell)
                #expect(try prepared.isWithinDistance(1.5, of: cell) == (distance <= 1.5))
                #expect(try prepared.distance(to: cell) == distance, "cell \(i) \(j)")
                // Properly inside: contained and clear of the boundary.
                let clearOfBoundary = try shape.exteriorRing!.distance(to: cell) > 0
                let properly = try prepared.containsProperly(cell)
                #expect(properly == (try shape.contains(cell) && clearOfBoundary), "cell \(i) \(j)")
                if properly { properlyInside += 1 } else if try shape.contains(cell) { touching += 1 }
            }
        }
        // Foot: i 1...8, j 1...2 (16); j = 3 under the leg: i 1...2 (2); leg: i 1...2, j 4...8 (10).
        #expect(properlyInside == 28)
        #expect(touching == 64 - 28, "the L holds 64 cells")
    }
}
