import GeoKit
import TestSupport
import Testing

@testable import SanseOutput

/// The quick simplicity check of rings rounded to the web grid, against GEOS.
@Suite("Rounded rings")
struct GridRingTests {
    /// A closed ring of grid points (1e-7° apart) near 慈溪.
    static func gridRing(_ units: [(Int, Int)]) -> [Point2D] {
        let points = units.map {
            Point2D(
                WebPolygonEncoder.round(121.25 + Double($0.0) * 1e-7),
                WebPolygonEncoder.round(30.17 + Double($0.1) * 1e-7))
        }
        return points + [points[0]]
    }

    @Test func theGridCheckNeverCallsAnInvalidRingValid() throws {
        // Small coordinates on a coarse lattice: plenty of touching, collinear and crossing rings.
        var generator = SplitMix64(seed: 20261102)
        var provedValid = 0, geosValid = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 3...9, using: &generator)
            let units = (0..<count).map { _ in
                (Int.random(in: 0...4, using: &generator) * 3, Int.random(in: 0...4, using: &generator) * 3)
            }
            let ring = Self.gridRing(units)
            let valid = try Geometry.polygon(exterior: ring).isValid
            if valid { geosValid += 1 }
            if GridRing.isCertainlySimple(ring) {
                provedValid += 1
                #expect(valid, "the grid check called \(units) valid; GEOS does not")
            }
        }
        #expect(provedValid > 100, "the check proves common rings valid (\(provedValid) of \(geosValid))")
    }

    @Test func theGridCheckRejectsTheClassicBadShapes() {
        #expect(GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 80), (0, 80)])))
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 100), (100, 0), (0, 100)])), "bow tie")
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (50, 0)])), "collapsed")
        #expect(
            !GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 100), (50, 0), (0, 100)])),
            "touches itself")
        #expect(
            !GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 100), (100, 0), (0, 100)])), "spike back"
        )
    }
}
