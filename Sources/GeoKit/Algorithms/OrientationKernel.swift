/// The orientation test a geometric algorithm is written against, so that one algorithm serves
/// several number types, as georust/geo puts its predicates behind a `Kernel` trait: exact
/// integers on a grid (`ExactIntegerKernel`), or doubles behind an error bound
/// (`FilteredDoubleKernel`).
///
/// ```swift
/// let a = ExactIntegerKernel.Vertex(x: 0, y: 0), b = ExactIntegerKernel.Vertex(x: 10, y: 0)
/// ExactIntegerKernel.orientation(a, b, ExactIntegerKernel.Vertex(x: 5, y: 3))  // 1: left of a→b
/// ```
public protocol OrientationKernel {
    /// A point as the kernel reads it; plain data, so algorithms keep vertices in raw memory.
    associatedtype Vertex: PlanarPoint & BitwiseCopyable

    /// The sign of twice the area of the triangle a, b, c: 1 when `c` lies left of a→b, -1
    /// when right, 0 when the three are collinear or the kernel cannot be certain which.
    static func orientation(_ a: Vertex, _ b: Vertex, _ c: Vertex) -> Int

    /// Whether a ring may go from a→b on to b→c where `orientation(a, b, c)` is 0: the one
    /// rule in which kernels differ. An exact kernel knows the three points are collinear and
    /// can accept a ring that goes straight on; a filtered one only knows it is unsure.
    static func acceptsZeroTurn(_ a: Vertex, _ b: Vertex, _ c: Vertex) -> Bool
}
