/// A planar coordinate: x is easting or longitude, y is northing or latitude.
///
/// Its memory layout is two consecutive `Double`s, so an array of points can be handed to
/// GEOS and PROJ as an interleaved x, y buffer without copying.
///
/// ```swift
/// let corner = Point2D(620_406.5, 3_339_618.7)
/// let lonLat = Point2D(x: 121.25, y: 30.17)
/// ```
@frozen
public struct Point2D: Hashable, Sendable, CustomStringConvertible {
    /// Easting or longitude.
    public var x: Double
    /// Northing or latitude.
    public var y: Double

    /// A point from x and y.
    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// A point from x and y, labelled.
    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite (PROJ marks the points it cannot transform with
    /// infinities).
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// e.g. "(121.25, 30.17)".
    public var description: String { "(\(x), \(y))" }
}

extension Array where Element == Point2D {
    /// Runs `body` over the points as an interleaved x, y buffer of `2 * count` doubles.
    @inlinable
    func withInterleavedBuffer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { points in
            try UnsafeRawBufferPointer(points).withMemoryRebound(to: Double.self) { try body($0) }
        }
    }

    @inlinable
    mutating func withMutableInterleavedBuffer<R>(
        _ body: (UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try withUnsafeMutableBufferPointer { points in
            try UnsafeMutableRawBufferPointer(points).withMemoryRebound(to: Double.self) { try body($0) }
        }
    }
}
