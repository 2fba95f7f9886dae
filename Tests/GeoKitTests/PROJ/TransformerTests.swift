import Testing
@testable import GeoKit

@Suite("PROJ transformers")
struct TransformerTests {
    @Test func cgcs2000ToGaussKrugerCM120() throws {
        let forward = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        let projected = try forward.transform(Point2D(121.25, 30.17))
        #expect(abs(projected.x - 620406.516) < 0.01, "easting \(projected.x)")
        #expect(abs(projected.y - 3339618.711) < 0.01, "northing \(projected.y)")

        let inverse = try Transformer(from: "EPSG:4549", to: "EPSG:4490")
        let back = try inverse.transform(projected)
        #expect(abs(back.x - 121.25) < 1e-9)
        #expect(abs(back.y - 30.17) < 1e-9)
    }

    @Test func batchTransformMatchesSinglePoints() throws {
        let transformer = try Transformer(from: "EPSG:4326", to: "EPSG:32651")
        var points = (0..<1000).map { Point2D(121 + Double($0) * 1e-4, 30 + Double($0) * 1e-4) }
        let singles = try points.map { try transformer.transform($0) }
        let failures = transformer.transform(&points)
        #expect(failures.isEmpty)
        #expect(points == singles)
    }

    @Test func pointOutsideTheDomainIsReportedNotReturned() throws {
        let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        var points = [Point2D(121, 30), Point2D(121, 95), Point2D(121.5, 30.5)]
        let failed = transformer.transform(&points)
        #expect(failed == [1])
        #expect(points[0].isFinite && points[2].isFinite)
        #expect(throws: Transformer.PointFailure.self) { _ = try transformer.transform(Point2D(121, 95)) }
    }

    @Test func transformsGeometries() throws {
        let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        // About 0.001° × 0.001° near 慈溪: ~96 m × 111 m.
        let cell = try Geometry.polygon(exterior: [
            Point2D(121.25, 30.17), Point2D(121.251, 30.17), Point2D(121.251, 30.171), Point2D(121.25, 30.171),
        ])
        let projected = try transformer.transform(cell)
        let area = try projected.area()
        #expect(area > 10_000 && area < 11_500, "area \(area)")
        let first = try projected.exteriorRing!.points()[0]
        #expect(abs(first.x - 620406.516) < 0.01)
    }
}
