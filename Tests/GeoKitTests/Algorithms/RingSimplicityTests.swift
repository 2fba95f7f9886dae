import Testing
@testable import GeoKit

@Suite("Ring simplicity: certain answers only")
struct RingSimplicityTests {
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
