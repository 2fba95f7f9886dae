import GeoKit
import SanseModel

/// A quick proof that a polygon ring rounded to the web grid (1e-7°) is still a valid polygon,
/// so the GeoJSON writer can skip building a GEOS geometry and validating it for nearly every
/// parcel.
///
/// The test is GeoKit's `RingSimplicity` on integer grid units (`ExactIntegerKernel`) and
/// answers true only when it is certain: every pair of segments that are not neighbours is
/// clearly apart (bounding boxes disjoint, or all four orientations non-zero and not
/// straddling), and neighbours meet at an angle or continue straight. Anything touching,
/// collinear-overlapping or larger than a few kilometres answers false, and the caller asks
/// GEOS. Integer orientations of magnitude ≥ 1 have the same sign as GEOS's on the doubles: the
/// doubles lie within 1e-7 units of the grid, which moves an orientation by far less than 1 at
/// these sizes.
enum GridRing {
    /// Rings with more points go to GEOS: the pairwise test is quadratic.
    static let maximumPoints = RingSimplicity.maximumPoints
    /// Half the allowed extent in grid units (0.05°, a few kilometres).
    static let maximumOffset = 500_000.0

    /// True only when the closed ring, as GEOS reads it, is certainly a valid polygon shell.
    static func isCertainlySimple(_ ring: [Point2D]) -> Bool {
        guard let origin = ring.first else { return false }
        return ring.withUnsafeBufferPointer { points in
            RingSimplicity.isCertainlySimple(points, kernel: ExactIntegerKernel.self) { point in
                // Exact: both doubles are close to each other (Sterbenz), and the error of each
                // against its grid value is tiny next to half a unit.
                let dx = ((point.x - origin.x) / WebPolygonEncoder.grid).rounded()
                let dy = ((point.y - origin.y) / WebPolygonEncoder.grid).rounded()
                guard abs(dx) < maximumOffset, abs(dy) < maximumOffset else { return nil }
                return ExactIntegerKernel.Vertex(x: Int64(dx), y: Int64(dy))
            }
        }
    }
}
