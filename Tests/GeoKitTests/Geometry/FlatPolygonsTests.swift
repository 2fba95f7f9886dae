import Testing
@testable import GeoKit

@Suite("Flat polygons: coordinates without GEOS objects")
struct FlatPolygonsTests {
    static let withHole = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"
    static let twoParts = "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 8 5, 8 9, 5 9, 5 5), (6 6, 6 7, 7 7, 6 6)))"

    @Test func aPolygonWithAHoleComesBackVertexForVertex() throws {
        let original = try Geometry(wkt: Self.withHole)
        let flat = try FlatPolygons(original)
        #expect(!flat.isMulti)
        #expect(flat.polygonCount == 1)
        #expect(flat.pointCount == 10)
        let rebuilt = try flat.geometry()
        #expect(rebuilt.type == .polygon)
        #expect(try rebuilt.wkb() == original.wkb(), "same type, rings, order and start points")
        #expect(try rebuilt.area() == 96)
        #expect(flat.polygons == [
            [[Point2D(0, 0), Point2D(10, 0), Point2D(10, 10), Point2D(0, 10), Point2D(0, 0)],
             [Point2D(2, 2), Point2D(2, 4), Point2D(4, 4), Point2D(4, 2), Point2D(2, 2)]],
        ])
    }

    @Test func aMultiPolygonStaysAMultiPolygonEvenWithOnePart() throws {
        let two = try Geometry(wkt: Self.twoParts)
        let flat = try FlatPolygons(two)
        #expect(flat.isMulti && flat.polygonCount == 2)
        #expect(try flat.geometry().wkb() == two.wkb())
        let one = try Geometry(wkt: "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")
        let rebuilt = try FlatPolygons(one).geometry()
        #expect(rebuilt.type == .multiPolygon && rebuilt.partCount == 1)
    }

    @Test func emptyPartsAreLeftOutAndAnEmptyShapeBuildsAnEmptyGeometry() throws {
        let empty = try FlatPolygons(try Geometry(wkt: "POLYGON EMPTY"))
        #expect(empty.isEmpty && empty.envelope == nil && empty.pointCount == 0)
        #expect(try empty.geometry().isEmpty)
        let fromRings = FlatPolygons(polygons: [[], [[Point2D(0, 0), Point2D(2, 0), Point2D(2, 2), Point2D(0, 0)]]])
        #expect(fromRings.polygonCount == 1 && !fromRings.isMulti)
        #expect(try fromRings.geometry().area() == 2)
    }

    @Test func linesAndPointsAreRefused() throws {
        #expect(throws: GEOSError.self) { try FlatPolygons(try Geometry(wkt: "LINESTRING (0 0, 1 1)")) }
        #expect(throws: GEOSError.self) {
            try FlatPolygons(try Geometry(wkt: "GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)), POINT (3 3))"))
        }
    }

    @Test func theWKBIsWhatGEOSWrites() throws {
        for wkt in [Self.withHole, Self.twoParts, "MULTIPOLYGON EMPTY"] {
            let geometry = try Geometry(wkt: wkt)
            #expect(try FlatPolygons(geometry).wkb() == geometry.wkb(), "\(wkt)")
        }
        let asMulti = try FlatPolygons(try Geometry(wkt: Self.withHole)).wkb(asMultiPolygon: true)
        let expected = try Geometry.collection(.multiPolygon, [try Geometry(wkt: Self.withHole)]).wkb()
        #expect(asMulti == expected)
    }

    @Test func envelopeAndRingWalk() throws {
        let flat = try FlatPolygons(try Geometry(wkt: Self.twoParts))
        #expect(flat.envelope == Envelope(minX: 0, minY: 0, maxX: 8, maxY: 9))
        var seen: [(Int, Int, Int)] = []
        flat.forEachRing { polygon, ring, points in seen.append((polygon, ring, points.count)) }
        #expect(seen.map(\.0) == [0, 1, 1] && seen.map(\.1) == [0, 0, 1] && seen.map(\.2) == [4, 5, 4])
    }

    @Test func geometriesBuiltOnManyThreadsAreIndependent() throws {
        let flat = try FlatPolygons(try Geometry(wkt: Self.withHole))
        let areas = try Parallel.mapChunks(count: 2000, workers: 4, minimumChunk: 100) { range in
            try range.map { _ in try flat.geometry().buffer(1, quadrantSegments: 8).area() }
        }.flatMap { $0 }
        #expect(Set(areas).count == 1)
    }
}
