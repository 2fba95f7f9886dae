/// A quick, conservative answer to "is this closed ring a valid polygon shell?" on the
/// doubles as they are, so that the common case (a small parcel drawn cleanly) need not be
/// built as a GEOS geometry only to be told it is valid.
///
/// `true` means GEOS's validity test would accept the ring as the only ring of a polygon: it
/// is closed, has at least three distinct points, and no two of its segments meet except
/// neighbours at their shared point. Each orientation is decided by Shewchuk's error bound,
/// so a sign is only trusted when it is certain; anything near-degenerate (a point on another
/// segment, collinear neighbours, a ring touching itself) gives `false`, and the caller asks
/// GEOS, which decides exactly. `false` therefore says nothing about validity.
public enum RingSimplicity {
    /// Longer rings go to GEOS: the pairwise test is quadratic.
    public static let maximumPoints = 256

    public static func isCertainlyValidShell(_ ring: UnsafeBufferPointer<Point2D>) -> Bool {
        guard ring.count >= 4, ring.count <= maximumPoints, ring[0] == ring[ring.count - 1] else { return false }
        // Distinct consecutive points (GEOS accepts repeated points), on the stack: this runs
        // for every parcel loaded.
        return withUnsafeTemporaryAllocation(of: Point2D.self, capacity: ring.count) { check(ring, into: $0) }
    }

    private static func check(_ ring: UnsafeBufferPointer<Point2D>, into vertices: UnsafeMutableBufferPointer<Point2D>) -> Bool {
        var count = 0
        for point in ring.dropLast() {
            guard point.x.isFinite, point.y.isFinite else { return false }
            if count == 0 || vertices[count - 1] != point {
                vertices[count] = point
                count += 1
            }
        }
        if count > 1 && vertices[count - 1] == vertices[0] { count -= 1 }
        guard count >= 3 else { return false }

        for i in 0..<count {
            let a = vertices[i], b = vertices[(i + 1) % count], c = vertices[(i + 2) % count]
            // Neighbours a-b and b-c must turn, certainly: straight on or back along itself is
            // left to GEOS.
            guard orientation(a, b, c) != 0 else { return false }
            let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
            // Every later segment that shares no point with a-b.
            var j = i + 2
            while j < count {
                if i == 0 && j == count - 1 { break }
                let p = vertices[j], q = vertices[(j + 1) % count]
                j += 1
                if max(p.x, q.x) < minX || maxX < min(p.x, q.x) || max(p.y, q.y) < minY || maxY < min(p.y, q.y) {
                    continue
                }
                let o1 = orientation(a, b, p), o2 = orientation(a, b, q)
                let o3 = orientation(p, q, a), o4 = orientation(p, q, b)
                if o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0 { return false }
                if o1 != o2 && o3 != o4 { return false }
            }
        }
        return true
    }

    /// The sign of twice the area of a, b, c (1 when c lies left of a→b), or 0 when rounding
    /// could have decided it: Shewchuk's first-stage bound for orient2d.
    @inline(__always)
    static func orientation(_ a: Point2D, _ b: Point2D, _ c: Point2D) -> Int {
        let left = (a.x - c.x) * (b.y - c.y)
        let right = (a.y - c.y) * (b.x - c.x)
        let determinant = left - right
        let bound = errorBound * (abs(left) + abs(right))
        if determinant > bound { return 1 }
        if determinant < -bound { return -1 }
        return 0
    }

    /// (3 + 16ε)ε with ε = 2⁻⁵³, as in Shewchuk's predicates.
    static let errorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53
}
