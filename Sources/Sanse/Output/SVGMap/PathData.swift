import GeoKit

/// Compact SVG path data: each ring or line starts with an absolute `M x y` and continues with
/// relative `l dx dy …`, in pixels with at most one decimal. Coordinates are rounded to tenths
/// of a pixel first and the differences taken between rounded integers, so the path never
/// drifts and the text is the same on every machine. Points that round onto the previous one
/// are dropped; rings that collapse to fewer than three points are left out.
struct PathData: Sendable {
    private(set) var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    init() {}

    /// Every polygon ring of a polygonal geometry, closed with `z`.
    mutating func appendPolygons(_ geometry: Geometry, frame: MapFrame) throws {
        for polygon in try geometry.polygonsAsRings() {
            for ring in polygon { appendRing(ring, frame: frame) }
        }
    }

    /// A closed ring.
    mutating func appendRing(_ points: [Point2D], frame: MapFrame) {
        var rounded = Self.rounded(points, frame: frame)
        if rounded.count > 1, rounded.first! == rounded.last! { rounded.removeLast() }
        guard rounded.count >= 3 else { return }
        write(rounded)
        bytes.append(UInt8(ascii: "z"))
    }

    /// An open line.
    mutating func appendLine(_ points: [Point2D], frame: MapFrame) {
        let rounded = Self.rounded(points, frame: frame)
        guard rounded.count >= 2 else { return }
        write(rounded)
    }

    /// A line already in tenths of a pixel.
    mutating func appendLine(tenths points: [Tenths]) {
        guard points.count >= 2 else { return }
        write(points)
    }

    mutating func append(_ other: PathData) {
        bytes.append(contentsOf: other.bytes)
    }

    struct Tenths: Hashable, Comparable, Sendable {
        var x: Int
        var y: Int

        static func < (a: Tenths, b: Tenths) -> Bool { (a.x, a.y) < (b.x, b.y) }
    }

    static func rounded(_ points: [Point2D], frame: MapFrame) -> [Tenths] {
        var out: [Tenths] = []
        out.reserveCapacity(points.count)
        for point in points {
            let (x, y) = frame.tenths(point)
            let next = Tenths(x: x, y: y)
            if out.last != next { out.append(next) }
        }
        return out
    }

    private mutating func write(_ points: [Tenths]) {
        bytes.append(UInt8(ascii: "M"))
        number(points[0].x)
        number(points[0].y)
        bytes.append(UInt8(ascii: "l"))
        for index in 1..<points.count {
            number(points[index].x - points[index - 1].x)
            number(points[index].y - points[index - 1].y)
        }
    }

    /// A number of tenths as pixels: `12`, `1.5`, `-.5`, `.3`. A separating space is written
    /// only where the previous number would otherwise run on (a minus sign separates by itself).
    private mutating func number(_ tenths: Int) {
        var magnitude = tenths
        if magnitude < 0 {
            bytes.append(UInt8(ascii: "-"))
            magnitude = -magnitude
        } else if let last = bytes.last, last == UInt8(ascii: ".") || (last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9")) {
            bytes.append(UInt8(ascii: " "))
        }
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole != 0 || fraction == 0 { digits(whole) }
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }

    private mutating func digits(_ value: Int) {
        if value >= 10 { digits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
