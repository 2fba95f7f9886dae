import Foundation
import GeoKit
import Testing

@testable import SanseOutput

@Suite("Map frame")
struct MapFrameTests {
    @Test func simplificationStaysBelowHalfAPixelAndShrinksBigRings() throws {
        // A circle of 2000 points, 40 px across on the map.
        let circle = (0..<2000).map { k -> Point2D in
            let angle = Double(k) / 2000 * 2 * Double.pi
            return Point2D(5000 + 200 * cos(angle), 5000 + 200 * sin(angle))
        }
        let polygon = try Geometry.polygon(exterior: circle)
        let frame = MapFrame(content: Envelope(minX: 0, minY: 0, maxX: 10_000, maxY: 10_000), widthPixels: 1000)
        let simplified = try polygon.simplifiedPreservingTopology(tolerance: frame.simplifyTolerance)
        #expect(simplified.pointCount < 100)
        #expect(
            try polygon.difference(simplified).union(simplified.difference(polygon)).area() < 0.5 * 2 * Double.pi * 200
                / frame.scale)
    }
}
