import Testing
@testable import GeoKit

private func square(_ x: Double, _ y: Double, side: Double = 1) throws -> Geometry {
    try Geometry.polygon(exterior: [
        Point2D(x, y), Point2D(x + side, y), Point2D(x + side, y + side), Point2D(x, y + side),
    ])
}

@Suite("GEOS geometry")
struct GeometryTests {
    @Test func unitSquareArea() throws {
        let unit = try square(0, 0)
        #expect(try unit.area() == 1)
        #expect(try unit.length() == 4)
        #expect(unit.type == .polygon)
        #expect(unit.envelope == Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))
    }

    @Test func polygonWithHoleArea() throws {
        let framed = try Geometry.polygon(
            exterior: [Point2D(0, 0), Point2D(10, 0), Point2D(10, 10), Point2D(0, 10)],
            holes: [[Point2D(4, 4), Point2D(4, 6), Point2D(6, 6), Point2D(6, 4)]])
        #expect(try framed.area() == 96)
        #expect(framed.interiorRings.count == 1)
        let rings = try framed.polygonRings()
        #expect(rings.count == 2)
        #expect(rings[0].count == 5, "rings are closed")
    }

    @Test func wktRoundTrip() throws {
        let text = "POLYGON ((0 0, 3 0, 3 2, 0 2, 0 0), (1 1, 2 1, 2 1.5, 1 1))"
        let geometry = try Geometry(wkt: text)
        #expect(try geometry.wkt() == text)
        #expect(try geometry.area() == 6 - 0.25)
    }

    @Test func wkbRoundTrip() throws {
        let original = try Geometry(wkt: "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))")
        let bytes = try original.wkb()
        #expect(bytes.first == 1, "little-endian")
        let decoded = try Geometry(wkb: bytes)
        #expect(try decoded.equalsTopologically(original))
        #expect(try decoded.wkb() == bytes)
        #expect(decoded.partCount == 2)
    }

    @Test func malformedWKTThrowsWithGEOSMessage() throws {
        do {
            _ = try Geometry(wkt: "POLYGON ((0 0, 1 1")
            Issue.record("malformed WKT was accepted")
        } catch let error as GEOSError {
            #expect(error.operation == "read WKT")
            #expect(error.message.contains("ParseException"), "GEOS's own text: \(error.message)")
        }
    }

    @Test func ringWithTooFewPointsThrowsWithGEOSMessage() throws {
        do {
            _ = try Geometry.polygon(exterior: [Point2D(0, 0)])
            Issue.record("a one-point ring was accepted")
        } catch let error as GEOSError {
            #expect(error.message == "IllegalArgumentException: point array must contain 0 or >1 elements")
        }
    }

    @Test func bowTieIsRepairedIntoTwoTriangles() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(!bowTie.isValid)
        #expect(try bowTie.validityReason().contains("Self-intersection"))
        let repaired = try bowTie.makeValid()
        #expect(repaired.isValid)
        #expect(repaired.type == .multiPolygon)
        #expect(repaired.partCount == 2)
        #expect(abs(try repaired.area() - 2) < 1e-12)
        for triangle in repaired.parts {
            #expect(abs(try triangle.area() - 1) < 1e-12)
        }
    }

    @Test func polygonalPartDropsLinesAndPoints() throws {
        let mixed = try Geometry(wkt: "GEOMETRYCOLLECTION (POINT (9 9), LINESTRING (0 0, 5 5), "
            + "POLYGON ((0 0, 1 0, 1 1, 0 0)), MULTIPOLYGON (((3 3, 4 3, 4 4, 3 3))))")
        let polygons = try #require(try mixed.polygonalPart())
        #expect(polygons.type == .multiPolygon)
        #expect(polygons.partCount == 2)
        #expect(try polygons.area() == 1)
        #expect(try Geometry(wkt: "LINESTRING (0 0, 1 1)").polygonalPart() == nil)
    }

    @Test func distanceWithinJustUnderAndOver() throws {
        let a = try square(0, 0, side: 10)
        let b = try square(40, 0, side: 10)  // 30 m gap
        #expect(try a.distance(to: b) == 30)
        #expect(try a.isWithinDistance(30, of: b))
        #expect(try a.isWithinDistance(30.01, of: b))
        #expect(!(try a.isWithinDistance(29.99, of: b)))
    }

    @Test func unionOfTouchingSquaresIsOnePolygon() throws {
        let union = try Geometry.union(of: [square(0, 0), square(1, 0), square(0.5, 0.5)])
        #expect(union.type == .polygon)
        #expect(abs(try union.area() - 2.5) < 1e-12)
    }

    @Test func coverageUnionMatchesUnaryUnionOnACoverage() throws {
        let tiles = try (0..<4).map { try square(Double($0), 0) }
        let coverage = try Geometry.collection(.multiPolygon, tiles)
        let fast = try coverage.coverageUnion()
        #expect(try fast.equalsTopologically(coverage.unaryUnion()))
        #expect(try fast.area() == 4)
    }

    @Test func intersectionDifferenceAndBuffer() throws {
        let a = try square(0, 0, side: 2), b = try square(1, 1, side: 2)
        #expect(try a.intersection(b).area() == 1)
        #expect(try a.difference(b).area() == 3)
        let disc = try Geometry.point(Point2D(0, 0)).buffer(10, quadrantSegments: 64)
        #expect(abs(try disc.area() - Double.pi * 100) / (Double.pi * 100) < 1e-3)
    }

    @Test func maximumInscribedCircleOfARectangle() throws {
        let rectangle = try Geometry.polygon(exterior: [Point2D(0, 0), Point2D(10, 0), Point2D(10, 4), Point2D(0, 4)])
        let circle = try rectangle.maximumInscribedCircle(tolerance: 0.001)
        #expect(abs(circle.radius - 2) < 0.01)
        #expect(abs(circle.center.y - 2) < 0.01)
        let inside = try rectangle.pointOnSurface()
        #expect(try rectangle.contains(inside))
    }

    @Test func topologyPreservingSimplifyDropsNearlyStraightVertices() throws {
        var ring: [Point2D] = []
        for i in 0...100 { ring.append(Point2D(Double(i), i % 2 == 0 ? 0 : 0.001)) }
        ring += [Point2D(100, 50), Point2D(0, 50)]
        let wiggly = try Geometry.polygon(exterior: ring)
        let simple = try wiggly.simplifiedPreservingTopology(tolerance: 0.01)
        #expect(simple.pointCount == 5)
        #expect(simple.isValid)
    }

    @Test func closedLinesArePolygonized() throws {
        let line = try Geometry(wkt: "LINESTRING (0 0, 4 0, 4 3, 0 3, 0 0)")
        let polygons = try Geometry.polygonize([line])
        #expect(abs(try polygons.area() - 12) < 1e-12)
    }

    @Test func borrowedPartsKeepTheirParentAlive() throws {
        var parts: [Geometry] = []
        do {
            let parent = try Geometry(wkt: "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 7, 5 7, 5 5)))")
            parts = parent.parts
        }
        #expect(try parts[0].area() == 0.5)
        #expect(try parts[1].area() == 4)
        let hole = try Geometry(wkt: "POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 2 1, 2 2, 1 1))").interiorRings[0]
        #expect(try hole.points().count == 4)
    }

    @Test func mapPointsRebuildsEveryRing() throws {
        let framed = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")
        let doubled = try framed.mapPoints { points in
            for i in points.indices { points[i] = Point2D(points[i].x * 2, points[i].y * 2) }
        }
        #expect(try doubled.area() == 4 * (try framed.area()))
    }
}
