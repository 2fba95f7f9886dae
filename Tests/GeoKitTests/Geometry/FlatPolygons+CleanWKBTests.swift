import Testing
import TestSupport
@testable import GeoKit

@Suite("Clean polygons recognised without GEOS, and only when GEOS agrees")
struct FlatPolygonsCleanWKBTests {
    private func wkb(_ wkt: String) throws -> [UInt8] { try Geometry(wkt: wkt).wkb() }

    private func clean(_ wkt: String) throws -> FlatPolygons? {
        try wkb(wkt).withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) }
    }

    @Test func aCleanSquareIsTheShapeGEOSWouldKeepPointForPoint() throws {
        let wkt = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"
        let flat = try #require(try clean(wkt))
        let expected = try FlatPolygons(try Geometry(wkt: wkt))
        #expect(flat == expected)
        #expect(!flat.isMulti)
        let multi = "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0)))"
        let one = try #require(try clean(multi))
        let expectedMulti = try FlatPolygons(try Geometry(wkt: multi))
        #expect(one.isMulti && one == expectedMulti)
    }

    @Test func repeatedPointsAreAcceptedAsGEOSAcceptsThem() throws {
        let repeated = try clean("POLYGON ((0 0, 10 0, 10 0, 10 10, 0 10, 0 0, 0 0))")
        #expect(repeated != nil)
    }

    @Test func invalidOrDoubtfulRingsAreLeftToGEOS() throws {
        let refused = [
            "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",                      // bow-tie
            "POLYGON ((0 0, 10 0, 10 10, 10 20, 10 10, 0 10, 0 0))",        // spike back along itself
            "POLYGON ((0 0, 5 0, 10 0, 10 10, 0 10, 0 0))",                 // collinear neighbours: GEOS decides
            "POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))",            // touches itself at a vertex
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 5 0, 0 0))",                 // a vertex on another segment
            "POLYGON ((0 0, 10 0, 0 0, 0 0))",                              // too few distinct points
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))", // a hole
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", // two parts
            "LINESTRING (0 0, 1 1)",
        ]
        for wkt in refused {
            let answer = try clean(wkt)
            #expect(answer == nil, "\(wkt)")
        }
        let far = try clean("POLYGON ((0 0, 2e9 0, 2e9 10, 0 0))")
        #expect(far == nil, "beyond the limit")
    }

    @Test func unclosedTruncatedBigEndianAndNonFiniteBytesAreRefused() throws {
        var bytes = try wkb("POLYGON ((0 0, 10 0, 10 10, 0 0))")
        #expect(bytes.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } != nil)
        let truncated = Array(bytes.dropLast(8))
        #expect(truncated.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
        var withZ = bytes
        withZ[1] = 0xEB; withZ[2] = 0x03  // type 1003, Polygon Z
        #expect(withZ.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
        var bigEndian = bytes
        bigEndian[0] = 0
        #expect(bigEndian.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
        // The last point's x (bytes 57...64) moved: the ring no longer closes.
        var unclosed = bytes
        withUnsafeBytes(of: 1.0) {
            for (offset, byte) in $0.enumerated() { unclosed[unclosed.count - 16 + offset] = byte }
        }
        #expect(unclosed.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
        withUnsafeBytes(of: Double.nan) { for (offset, byte) in $0.enumerated() { bytes[29 + offset] = byte } }
        #expect(bytes.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
    }
}
