/// Orientation on doubles as they are, trusted only when certain: a sign is given when
/// Shewchuk's first-stage error bound for orient2d shows that rounding cannot have decided it,
/// and 0 otherwise. Answers are never wrong, only sometimes missing; an algorithm on this
/// kernel leaves the undecided cases to an exact library (GEOS).
///
/// ```swift
/// FilteredDoubleKernel.orientation(Point2D(0, 0), Point2D(1, 1), Point2D(0, 1))  // 1
/// FilteredDoubleKernel.orientation(Point2D(0, 0), Point2D(1, 1), Point2D(2, 2))  // 0
/// ```
public enum FilteredDoubleKernel: OrientationKernel {
    /// Points as they are.
    public typealias Vertex = Point2D

    /// The sign of twice the area of a, b, c (1 when c lies left of a→b), or 0 when rounding
    /// could have decided it.
    @inlinable @inline(__always)
    public static func orientation(_ a: Point2D, _ b: Point2D, _ c: Point2D) -> Int {
        let left = (a.x - c.x) * (b.y - c.y)
        let right = (a.y - c.y) * (b.x - c.x)
        let determinant = left - right
        let bound = errorBound * (abs(left) + abs(right))
        if determinant > bound { return 1 }
        if determinant < -bound { return -1 }
        return 0
    }

    /// Never: a 0 here may be a slight turn either way, so collinear neighbours are left to
    /// GEOS.
    @inlinable
    public static func acceptsZeroTurn(_ a: Point2D, _ b: Point2D, _ c: Point2D) -> Bool { false }

    /// (3 + 16ε)ε with ε = 2⁻⁵³, as in Shewchuk's predicates.
    @inlinable
    static var errorBound: Double { (3.0 + 16.0 * 0x1p-53) * 0x1p-53 }
}
