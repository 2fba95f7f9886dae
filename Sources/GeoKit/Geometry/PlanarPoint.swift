/// A point with an x and a y of one comparable type: what `RingSimplicity` reads of the
/// vertices an `OrientationKernel` works on (`Point2D`, `ExactIntegerKernel.Vertex`).
public protocol PlanarPoint: Equatable {
    /// The type of one coordinate.
    associatedtype Scalar: Comparable

    /// Easting, longitude, or the first grid coordinate.
    var x: Scalar { get }
    /// Northing, latitude, or the second grid coordinate.
    var y: Scalar { get }
}

extension Point2D: PlanarPoint {}
