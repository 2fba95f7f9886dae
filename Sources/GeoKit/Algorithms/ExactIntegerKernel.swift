/// Orientation on integer coordinates, exact: for points on a grid (e.g. coordinates rounded
/// to 1e-7° and counted in grid units), where a 0 means collinear for certain.
///
/// Exact while every coordinate is below 2³⁰ in magnitude, so that no product overflows.
///
/// ```swift
/// let a = ExactIntegerKernel.Vertex(x: 0, y: 0), b = ExactIntegerKernel.Vertex(x: 4, y: 0)
/// ExactIntegerKernel.orientation(a, b, ExactIntegerKernel.Vertex(x: 8, y: 0))      // 0
/// ExactIntegerKernel.acceptsZeroTurn(a, b, ExactIntegerKernel.Vertex(x: 8, y: 0))  // true
/// ```
public enum ExactIntegerKernel: OrientationKernel {
    /// A point in grid units.
    @frozen
    public struct Vertex: PlanarPoint, Hashable, Sendable, BitwiseCopyable {
        /// x in grid units.
        public var x: Int64
        /// y in grid units.
        public var y: Int64

        /// A vertex at (x, y).
        @inlinable
        public init(x: Int64, y: Int64) {
            self.x = x
            self.y = y
        }
    }

    /// The sign of twice the area of a, b, c (1 when c lies left of a→b), exactly.
    @inlinable @inline(__always)
    public static func orientation(_ a: Vertex, _ b: Vertex, _ c: Vertex) -> Int {
        let determinant = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        return determinant > 0 ? 1 : determinant < 0 ? -1 : 0
    }

    /// Straight on (b→c continues in a→b's direction), never back along itself: a vertex in
    /// the middle of a straight edge is harmless, a spike is not.
    @inlinable
    public static func acceptsZeroTurn(_ a: Vertex, _ b: Vertex, _ c: Vertex) -> Bool {
        (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) > 0
    }
}
