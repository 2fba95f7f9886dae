import Testing
import TestSupport
@testable import GeoKit

@Suite("Clean polygons recognised without GEOS, and only when GEOS agrees")
struct RingSimplicityTests {
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
        withUnsafeBytes(of: 1.0) { for (offset, byte) in $0.enumerated() { unclosed[unclosed.count - 16 + offset] = byte } }
        #expect(unclosed.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
        withUnsafeBytes(of: Double.nan) { for (offset, byte) in $0.enumerated() { bytes[29 + offset] = byte } }
        #expect(bytes.withUnsafeBytes { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: 1e9) } == nil)
    }

    @Test func orientationIsOnlyTrustedWhenRoundingCannotHaveDecidedIt() {
        let a = Point2D(0, 0), b = Point2D(1, 1)
        #expect(RingSimplicity.orientation(a, b, Point2D(0, 1)) == 1)
        #expect(RingSimplicity.orientation(a, b, Point2D(1, 0)) == -1)
        #expect(RingSimplicity.orientation(a, b, Point2D(2, 2)) == 0)
        // Shewchuk's example: points within a few ulps of (0.5, 0.5) against (12, 12) and
        // (24, 24), where the plain double determinant gets signs wrong. A sign given must be
        // the exact one (integers in units of 2^-53); the rest must be left undecided.
        let unit = 0x1p-53
        var undecided = 0
        for i in 0..<64 {
            for j in 0..<64 {
                let a = Point2D(0.5 + Double(i) * unit, 0.5 + Double(j) * unit)
                let b = Point2D(12, 12), c = Point2D(24, 24)
                let ax = Int128(1 << 52 + i), ay = Int128(1 << 52 + j), bx = Int128(12) << 53, cx = Int128(24) << 53
                let exact = (ax - cx) * (bx - cx) - (ay - cx) * (bx - cx)
                let sign = RingSimplicity.orientation(a, b, c)
                if sign == 0 { undecided += 1 } else { #expect(Int128(sign) == exact.signum(), "i \(i) j \(j)") }
            }
        }
        #expect(undecided > 0)
    }

    /// Random small rings in Gauss–Krüger-sized coordinates, many of them self-crossing:
    /// whenever the quick test says valid, GEOS must say so too, and it should recognise most
    /// of the valid ones.
    @Test func neverCallsValidWhatGEOSCallsInvalid() throws {
        var generator = SplitMix64(seed: 20261202)
        var acceptedValid = 0, validSeen = 0
        for _ in 0..<3000 {
            let count = 3 + Int(generator.next() % 8)
            let cx = 40_500_000.0 + Double(generator.next() % 1000), cy = 3_300_000.0 + Double(generator.next() % 1000)
            var ring = (0..<count).map { _ in
                Point2D(cx + Double(generator.next() % 10_000) / 100, cy + Double(generator.next() % 10_000) / 100)
            }
            ring.append(ring[0])
            let wkt = "POLYGON ((" + ring.map { "\($0.x) \($0.y)" }.joined(separator: ", ") + "))"
            let geometry = try Geometry(wkt: wkt)
            let geosValid = geometry.isValid
            let quick = ring.withUnsafeBufferPointer { RingSimplicity.isCertainlyValidShell($0) }
            if quick { #expect(geosValid, "\(wkt)") }
            if geosValid { validSeen += 1 }
            if geosValid && quick { acceptedValid += 1 }
        }
        #expect(validSeen > 300)
        #expect(Double(acceptedValid) >= 0.95 * Double(validSeen), "\(acceptedValid) of \(validSeen)")
    }
}
