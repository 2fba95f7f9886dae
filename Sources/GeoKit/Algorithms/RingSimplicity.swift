/// A quick, conservative answer to "is this closed ring simple?", written once over an
/// `OrientationKernel`: no two segments meet except neighbours at their shared point, and the
/// ring has at least three distinct points. Used to accept clean rings without building a GEOS
/// geometry only to be told they are valid.
///
/// `true` is certain; `false` means "not certain" (a point on another segment, a ring touching
/// itself, a turn the kernel cannot decide, a ring longer than `maximumPoints`), and the caller
/// asks GEOS, which decides exactly.
///
/// ```swift
/// let square = [Point2D(0, 0), Point2D(10, 0), Point2D(10, 10), Point2D(0, 10), Point2D(0, 0)]
/// square.withUnsafeBufferPointer { RingSimplicity.isCertainlyValidShell($0) }  // true
/// ```
public enum RingSimplicity {
    /// Longer rings are refused: the pairwise test is quadratic.
    public static let maximumPoints = 256

    /// True only when GEOS's validity test would certainly accept the closed ring as the only
    /// ring of a polygon, decided on the doubles as they are (`FilteredDoubleKernel`); collinear
    /// neighbours and non-finite coordinates are left to GEOS.
    public static func isCertainlyValidShell(_ ring: UnsafeBufferPointer<Point2D>) -> Bool {
        isCertainlySimple(ring, kernel: FilteredDoubleKernel.self) { $0.isFinite ? $0 : nil }
    }

    /// True only when the closed ring is certainly simple under `kernel`.
    ///
    /// - Parameters:
    ///   - ring: first point equal to the last, at most `maximumPoints` points.
    ///   - vertex: the kernel's vertex for a point of the ring; nil refuses the ring (e.g. a
    ///     coordinate outside the kernel's range). Repeated consecutive vertices count once, as
    ///     GEOS counts repeated points.
    @inlinable
    public static func isCertainlySimple<Kernel: OrientationKernel>(
        _ ring: UnsafeBufferPointer<Point2D>, kernel: Kernel.Type, vertex: (Point2D) -> Kernel.Vertex?
    ) -> Bool {
        guard ring.count >= 4, ring.count <= maximumPoints, ring[0] == ring[ring.count - 1] else { return false }
        // On the stack: this runs for every polygon read and every polygon written.
        return withUnsafeTemporaryAllocation(of: Kernel.Vertex.self, capacity: ring.count) { vertices in
            var count = 0
            for point in ring {
                guard let next = vertex(point) else { return false }
                if count == 0 || vertices[count - 1] != next {
                    vertices[count] = next
                    count += 1
                }
            }
            // The closing point repeats the first.
            if count > 1 && vertices[count - 1] == vertices[0] { count -= 1 }
            guard count >= 3 else { return false }
            return segmentsMeetOnlyAsNeighbours(UnsafeBufferPointer(start: vertices.baseAddress, count: count), kernel)
        }
    }

    /// The segment-pair test on distinct consecutive vertices of a ring (not repeated at the
    /// end): neighbours turn, or meet at a zero turn the kernel accepts; every other pair of
    /// segments is certainly apart (bounding boxes disjoint, or all four orientations non-zero
    /// and not straddling).
    @inlinable
    static func segmentsMeetOnlyAsNeighbours<Kernel: OrientationKernel>(
        _ vertices: UnsafeBufferPointer<Kernel.Vertex>, _: Kernel.Type
    ) -> Bool {
        let count = vertices.count
        for i in 0..<count {
            let a = vertices[i], b = vertices[(i + 1) % count], c = vertices[(i + 2) % count]
            if Kernel.orientation(a, b, c) == 0 && !Kernel.acceptsZeroTurn(a, b, c) { return false }
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
                let o1 = Kernel.orientation(a, b, p), o2 = Kernel.orientation(a, b, q)
                let o3 = Kernel.orientation(p, q, a), o4 = Kernel.orientation(p, q, b)
                if o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0 { return false }
                if o1 != o2 && o3 != o4 { return false }
            }
        }
        return true
    }
}
