/// A planar coordinate: x is easting or longitude, y is northing or latitude.
///
/// Its memory layout is two consecutive `Double`s, so an array of points can be handed to
/// GEOS and PROJ as an interleaved x, y buffer without copying.
@frozen
public struct Point2D: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }

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
