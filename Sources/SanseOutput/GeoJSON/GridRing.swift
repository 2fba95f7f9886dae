import GeoKit
import SanseModel

/// A quick proof that a polygon ring rounded to the web grid (1e-7°) is still a valid polygon,
/// so the GeoJSON writer can skip building a GEOS geometry and validating it for nearly every
/// parcel.
///
/// The test runs on integer grid units and answers true only when it is certain: every pair of
/// segments that are not neighbours is clearly apart (bounding boxes disjoint, or all four
/// orientations non-zero and not straddling), and neighbours meet at an angle or continue
/// straight. Anything touching, collinear-overlapping or larger than a few kilometres answers
/// false, and the caller asks GEOS. Integer orientations of magnitude ≥ 1 have the same sign
/// as GEOS's on the doubles: the doubles lie within 1e-7 units of the grid, which moves an
/// orientation by far less than 1 at these sizes.
enum GridRing {
    /// Rings with more points go to GEOS: the pairwise test is quadratic.
    static let maximumPoints = 256
    /// Half the allowed extent in grid units (0.05°, a few kilometres).
    static let maximumOffset = 500_000.0

    private struct Vertex: Equatable {
        var x: Int64
        var y: Int64
    }

    /// True only when the closed ring, as GEOS reads it, is certainly a valid polygon shell.
    static func isCertainlySimple(_ ring: [Point2D]) -> Bool {
        guard ring.count >= 4, ring.count <= maximumPoints, let origin = ring.first, ring.last == origin else { return false }
        // On the stack: this runs for every parcel written.
        return withUnsafeTemporaryAllocation(of: Vertex.self, capacity: ring.count) { vertices in
            isSimple(ring, origin: origin, vertices: vertices)
        }
    }

    private static func isSimple(_ ring: [Point2D], origin: Point2D, vertices: UnsafeMutableBufferPointer<Vertex>) -> Bool {
        var count = 0
        for point in ring {
            // Exact: both doubles are close to each other (Sterbenz), and the error of each
            // against its grid value is tiny next to half a unit.
            let dx = ((point.x - origin.x) / WebPolygonEncoder.grid).rounded()
            let dy = ((point.y - origin.y) / WebPolygonEncoder.grid).rounded()
            guard abs(dx) < maximumOffset, abs(dy) < maximumOffset else { return false }
            let vertex = Vertex(x: Int64(dx), y: Int64(dy))
            if count == 0 || vertices[count - 1] != vertex {
                vertices[count] = vertex
                count += 1
            }
        }
        // The closing point repeats the first.
        count -= 1
        guard count >= 3 else { return false }

        for i in 0..<count {
            let a = vertices[i], b = vertices[(i + 1) % count], c = vertices[(i + 2) % count]
            // Neighbouring segments a-b and b-c: a turn, or straight on; never back along itself.
            if orientation(a, b, c) == 0 && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) <= 0 { return false }
            // Every later segment that does not share a point with a-b.
            var j = i + 2
            while j < count {
                if i == 0 && j == count - 1 { break }
                let p = vertices[j], q = vertices[(j + 1) % count]
                j += 1
                if max(p.x, q.x) < min(a.x, b.x) || max(a.x, b.x) < min(p.x, q.x)
                    || max(p.y, q.y) < min(a.y, b.y) || max(a.y, b.y) < min(p.y, q.y) {
                    continue
                }
                let o1 = orientation(a, b, p), o2 = orientation(a, b, q)
                let o3 = orientation(p, q, a), o4 = orientation(p, q, b)
                if o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0 { return false }
                if (o1 > 0) != (o2 > 0) && (o3 > 0) != (o4 > 0) { return false }
            }
        }
        return true
    }

    /// Twice the signed area of a, b, c: positive when c lies left of a→b.
    @inline(__always)
    private static func orientation(_ a: Vertex, _ b: Vertex, _ c: Vertex) -> Int64 {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }
}
