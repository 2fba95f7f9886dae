/// An axis-aligned bounding box.
///
/// ```swift
/// var box = Envelope(minX: 0, minY: 0, maxX: 10, maxY: 5)
/// box.expand(toInclude: Point2D(12, -1))
/// box.intersects(Envelope(minX: 11, minY: 4, maxX: 20, maxY: 9))  // true
/// ```
public struct Envelope: Hashable, Sendable, CustomStringConvertible {
    /// The smallest x inside.
    public var minX: Double
    /// The smallest y inside.
    public var minY: Double
    /// The largest x inside.
    public var maxX: Double
    /// The largest y inside.
    public var maxY: Double

    /// A box from its bounds; a box of one point has equal minimum and maximum.
    @inlinable
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The extent in x.
    public var width: Double { maxX - minX }
    /// The extent in y.
    public var height: Double { maxY - minY }
    /// `width × height`.
    public var area: Double { width * height }
    /// The middle of the box.
    public var center: Point2D { Point2D((minX + maxX) / 2, (minY + maxY) / 2) }

    /// Whether the boxes share at least one point (touching counts).
    @inlinable
    public func intersects(_ other: Envelope) -> Bool {
        other.minX <= maxX && other.maxX >= minX && other.minY <= maxY && other.maxY >= minY
    }

    /// Whether the point lies inside or on the boundary.
    @inlinable
    public func contains(_ point: Point2D) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether `other` lies wholly inside this box, boundary included.
    @inlinable
    public func contains(_ other: Envelope) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The envelope grown by `distance` on every side.
    @inlinable
    public func expanded(by distance: Double) -> Envelope {
        Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }

    /// Grows the box just enough to hold `p`.
    @inlinable
    public mutating func expand(toInclude p: Point2D) {
        minX = Swift.min(minX, p.x)
        minY = Swift.min(minY, p.y)
        maxX = Swift.max(maxX, p.x)
        maxY = Swift.max(maxY, p.y)
    }

    /// The smallest box holding both.
    @inlinable
    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// The shortest distance between the two boxes, 0 when they meet.
    @inlinable
    public func distance(to other: Envelope) -> Double {
        let dx = Swift.max(0, Swift.max(other.minX - maxX, minX - other.maxX))
        let dy = Swift.max(0, Swift.max(other.minY - maxY, minY - other.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// e.g. "Envelope(0.0 0.0, 10.0 5.0)".
    public var description: String { "Envelope(\(minX) \(minY), \(maxX) \(maxY))" }
}
