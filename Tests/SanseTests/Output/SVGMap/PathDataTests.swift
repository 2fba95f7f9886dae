import Foundation
import GeoKit
import Testing

@testable import SanseOutput

/// The SVG path data: relative, rounded to 0.1 px and simplified below the rounding.
@Suite("SVG path data")
struct PathDataTests {
    @Test func pathDataIsCompactAndRelative() throws {
        let frame = MapFrame(content: Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000), widthPixels: 1060)
        // 1 px per metre: the 3 % margin is 30 m on each side.
        #expect(abs(frame.scale - 1) < 1e-12)
        var path = PathData()
        path.appendRing(
            [Point2D(0, 0), Point2D(10.04, 0), Point2D(10.04, 10.56), Point2D(0, 10.56), Point2D(0, 0)], frame: frame)
        #expect(path.string == "M30 1030l10 0 0-10.6-10 0z")
        var tiny = PathData()
        tiny.appendRing([Point2D(0, 0), Point2D(0.01, 0), Point2D(0.01, 0.01), Point2D(0, 0)], frame: frame)
        #expect(tiny.isEmpty, "a ring that rounds to a point is left out")
        var fractions = PathData()
        fractions.appendLine([Point2D(0.26, 0), Point2D(0.5, -0.36), Point2D(0.8, -0.06)], frame: frame)
        #expect(fractions.string == "M30.3 1030l.2 .4 .3-.3")
    }

    @Test func ringSimplificationStaysWithinTheToleranceAndKeepsATriangle() {
        // A circle of 2000 points, 400 tenths (40 px) across.
        let circle = (0..<2000).map { k -> PathData.Tenths in
            let angle = Double(k) / 2000 * 2 * Double.pi
            return PathData.Tenths(
                x: Int((2000 + 200 * cos(angle)).rounded()), y: Int((2000 + 200 * sin(angle)).rounded()))
        }
        var ring: [PathData.Tenths] = []
        for point in circle where ring.last != point { ring.append(point) }
        let simplified = PathData.simplifiedRing(ring, tolerance: PathData.toleranceTenths)
        #expect(simplified.count < 100 && simplified.count > 8)
        // Every original point lies within the tolerance of the simplified ring.
        for point in ring {
            let nearest = simplified.indices.map { index in
                PathData.squaredSegmentDistance(point, simplified[index], simplified[(index + 1) % simplified.count])
            }.min()!
            #expect(nearest <= PathData.toleranceTenths * PathData.toleranceTenths + 1e-9)
        }
        // A sliver thinner than the tolerance stays a triangle.
        let sliver = [PathData.Tenths(x: 0, y: 0), .init(x: 50, y: 1), .init(x: 100, y: 0), .init(x: 50, y: -1)]
        #expect(PathData.simplifiedRing(sliver, tolerance: PathData.toleranceTenths).count == 3)
    }
}
