/// A polygon or multipolygon kept as plain coordinates in one array, far smaller than the GEOS
/// geometry of the same small polygon (GEOS keeps an object per ring and per polygon, three
/// ordinates per point and cached envelopes). Large surveys keep their parcels and blocks in
/// this form and build a GEOS geometry only for the operation at hand, on the thread doing it,
/// so no GEOS object is ever shared between threads.
///
/// The value is immutable and holds exactly the coordinates it was made from: a geometry built
/// from it is the one it was made of, vertex for vertex. Empty polygons are not kept.
///
/// ```swift
/// let square = [Point2D(0, 0), Point2D(10, 0), Point2D(10, 10), Point2D(0, 10), Point2D(0, 0)]
/// let shape = FlatPolygons(polygons: [[square]])
/// let area = try shape.geometry().area()       // 100, on this thread's GEOS context
/// let back = try FlatPolygons(shape.geometry())  // == shape
/// let bytes = shape.wkb()                      // little-endian ISO WKB
/// ```
public struct FlatPolygons: Sendable, Equatable {
    /// `[kind, polygon count, (ring count, (point count, x, y, x, y …) per ring) per polygon]`,
    /// counts stored as doubles (exact far beyond any real count).
    @usableFromInline let storage: [Double]

    /// Whether it came from (and makes) a MultiPolygon rather than a Polygon.
    public var isMulti: Bool { storage[0] == Self.multiKind }

    static let polygonKind = 3.0, multiKind = 6.0

    /// The polygons given as rings; empty polygons are left out.
    /// - Parameters:
    ///   - polygons: each polygon's rings, exterior first, each closed.
    ///   - multi: whether it makes a MultiPolygon; by default when there is not exactly one
    ///     polygon.
    public init(polygons: [[[Point2D]]], multi: Bool? = nil) {
        let kept = polygons.filter { !$0.isEmpty && !$0[0].isEmpty }
        var storage: [Double] = [(multi ?? (kept.count != 1)) ? Self.multiKind : Self.polygonKind, Double(kept.count)]
        storage.reserveCapacity(2 + kept.reduce(0) { $0 + 1 + $1.reduce(0) { $0 + 1 + 2 * $1.count } })
        for rings in kept {
            storage.append(Double(rings.count))
            for ring in rings {
                storage.append(Double(ring.count))
                for point in ring {
                    storage.append(point.x)
                    storage.append(point.y)
                }
            }
        }
        self.storage = storage
    }

    init(storage: [Double]) {
        self.storage = storage
    }

    /// Twice the ring's signed area, positive when clockwise, summed as GEOS's
    /// `Area::ofRingSigned` does, so that a zero area or an orientation is decided as GEOS would.
    static func twiceClockwiseArea(_ ring: UnsafeBufferPointer<Point2D>) -> Double {
        let x0 = ring[0].x
        var sum = 0.0
        for i in 1..<(ring.count - 1) {
            sum += (ring[i].x - x0) * (ring[i - 1].y - ring[i + 1].y)
        }
        return sum
    }

    /// The number of (non-empty) polygons.
    public var polygonCount: Int { Int(storage[1]) }
    /// Whether there is no polygon at all.
    public var isEmpty: Bool { storage[1] == 0 }

    /// Every point, closing points included.
    public var pointCount: Int {
        var count = 0
        forEachRing { _, _, points in count += points.count }
        return count
    }

    /// Walks the rings in order: the polygon's index, the ring's index within its polygon
    /// (0 is the exterior), and its points (valid only during the call).
    @inlinable
    public func forEachRing(
        _ body: (_ polygon: Int, _ ring: Int, UnsafeBufferPointer<Point2D>) throws -> Void
    ) rethrows {
        try walk(polygon: { _ in }, ring: body)
    }

    /// The one reading of the layout: `polygon` at the start of each polygon with its number
    /// of rings, then `ring` for each of its rings.
    @inlinable
    func walk(
        polygon: (_ ringCount: Int) throws -> Void,
        ring body: (_ polygon: Int, _ ring: Int, UnsafeBufferPointer<Point2D>) throws -> Void
    ) rethrows {
        try storage.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var position = 2
            for index in 0..<Int(buffer[1]) {
                let rings = Int(buffer[position])
                position += 1
                try polygon(rings)
                for ring in 0..<rings {
                    let count = Int(buffer[position])
                    position += 1
                    let points = (base + position * MemoryLayout<Double>.stride).assumingMemoryBound(to: Point2D.self)
                    try body(index, ring, UnsafeBufferPointer(start: points, count: count))
                    position += 2 * count
                }
            }
        }
    }

    /// Each polygon's rings, exterior first.
    public var polygons: [[[Point2D]]] {
        var result: [[[Point2D]]] = []
        result.reserveCapacity(polygonCount)
        forEachRing { polygon, ring, points in
            if ring == 0 { result.append([]) }
            result[polygon].append(Array(points))
        }
        return result
    }

    /// The bounding box, nil when empty.
    public var envelope: Envelope? {
        var box: Envelope?
        forEachRing { _, _, points in
            for point in points {
                if box == nil {
                    box = Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
                } else {
                    box!.expand(toInclude: point)
                }
            }
        }
        return box
    }
}

extension FlatPolygons {
    /// Appends the polygons as little-endian ISO WKB: a Polygon, or a MultiPolygon when it is
    /// one or `asMultiPolygon` is set (as GIS layers declared MultiPolygon want every row).
    public func appendWKB(to bytes: inout [UInt8], asMultiPolygon: Bool = false) {
        func append(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        let multi = asMultiPolygon || isMulti
        if multi {
            bytes.append(1)
            append(6)
            append(UInt32(polygonCount))
        } else if isEmpty {
            bytes.append(1)
            append(3)
            append(0)
            return
        }
        walk(polygon: { rings in
            bytes.append(1)
            append(3)
            append(UInt32(rings))
        }, ring: { _, _, points in
            append(UInt32(points.count))
            for point in points {
                withUnsafeBytes(of: point.x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
                withUnsafeBytes(of: point.y.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        })
    }

    /// Little-endian ISO WKB (see `appendWKB`).
    public func wkb(asMultiPolygon: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9 + 9 * polygonCount + 8 * storage.count)
        appendWKB(to: &bytes, asMultiPolygon: asMultiPolygon)
        return bytes
    }
}
