import GeoKit
import SanseModel

/// Compact SVG path data: each ring or line starts with an absolute `M x y` and continues with
/// relative `l dx dy …`, in pixels with at most one decimal. Coordinates are rounded to tenths
/// of a pixel first and the differences taken between rounded integers, so the path never
/// drifts and the text is the same on every machine. Points that round onto the previous one
/// are dropped; rings that collapse to fewer than three points are left out.
///
/// Map geometry is simplified here too, on the rounded points (`simplified: true`): Douglas–
/// Peucker with the frame's tolerance of 0.4 px, so nothing visible moves, and a ring keeps at
/// least a triangle so that the smallest parcel still shows.
struct PathData: Sendable {
    private(set) var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    init() {}

    /// Every polygon ring of a polygonal geometry, closed with `z`.
    mutating func appendPolygons(_ geometry: Geometry, frame: MapFrame, simplified: Bool = false) throws {
        for polygon in try geometry.polygonsAsRings() {
            for ring in polygon { appendRing(ring, frame: frame, simplified: simplified) }
        }
    }

    /// Every ring of `shape`, closed with `z`.
    mutating func appendPolygons(_ shape: FlatPolygons, frame: MapFrame, simplified: Bool = false) {
        shape.forEachRing { _, _, points in appendRing(points, frame: frame, simplified: simplified) }
    }

    /// A closed ring.
    mutating func appendRing<Points: Collection<Point2D>>(_ points: Points, frame: MapFrame, simplified: Bool = false) {
        var rounded = Self.rounded(points, frame: frame)
        if rounded.count > 1, rounded.first! == rounded.last! { rounded.removeLast() }
        guard rounded.count >= 3 else { return }
        write(simplified ? Self.simplifiedRing(rounded, tolerance: Self.toleranceTenths) : rounded)
        bytes.append(UInt8(ascii: "z"))
    }

    /// The simplification tolerance in tenths of a pixel: `MapFrame.simplifyTolerance`.
    static let toleranceTenths = 4.0

    /// Douglas–Peucker on a closed ring (first point not repeated at the end): the first point
    /// and the one farthest from it always stay, and so does the point farthest from the line
    /// between them, so a ring never falls below a triangle.
    static func simplifiedRing(_ ring: [Tenths], tolerance: Double) -> [Tenths] {
        guard ring.count > 3 else { return ring }
        func squaredDistance(_ a: Tenths, _ b: Tenths) -> Double {
            let dx = Double(a.x - b.x), dy = Double(a.y - b.y)
            return dx * dx + dy * dy
        }
        var far = 1
        for index in 2..<ring.count where squaredDistance(ring[index], ring[0]) > squaredDistance(ring[far], ring[0]) { far = index }
        // The ring as a line from the first point round and back to it, so both halves are
        // simplified between fixed ends. Work space on the stack: this runs for every ring drawn.
        let count = ring.count
        var result: [Tenths] = []
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count + 1) { keep in
            keep.initialize(repeating: false)
            keep[0] = true
            keep[far] = true
            keep[count] = true
            withUnsafeTemporaryAllocation(of: (Int, Int).self, capacity: 2 * count + 2) { sections in
                sections[0] = (far, count)
                sections[1] = (0, far)
                var depth = 2
                let limit = tolerance * tolerance
                while depth > 0 {
                    depth -= 1
                    let (start, end) = sections[depth]
                    guard end - start > 1 else { continue }
                    var widest = -1, widestDistance = limit
                    for index in (start + 1)..<end {
                        let distance = squaredSegmentDistance(ring[index], ring[start], ring[end == count ? 0 : end])
                        if distance > widestDistance {
                            widest = index
                            widestDistance = distance
                        }
                    }
                    guard widest >= 0 else { continue }
                    keep[widest] = true
                    sections[depth] = (widest, end)
                    sections[depth + 1] = (start, widest)
                    depth += 2
                }
            }
            var kept = 0
            for index in 0..<count where keep[index] { kept += 1 }
            result.reserveCapacity(kept)
            for index in 0..<count where keep[index] { result.append(ring[index]) }
        }
        if result.count < 3 {
            // A sliver thinner than the tolerance: keep its widest point as a triangle.
            let third = (1..<ring.count).filter { $0 != far }
                .max { squaredSegmentDistance(ring[$0], ring[0], ring[far]) < squaredSegmentDistance(ring[$1], ring[0], ring[far]) }
            if let third { result = [0, far, third].sorted().map { ring[$0] } }
        }
        return result
    }

    /// Squared distance from `p` to the segment a–b.
    static func squaredSegmentDistance(_ p: Tenths, _ a: Tenths, _ b: Tenths) -> Double {
        let (px, py) = (Double(p.x), Double(p.y)), (ax, ay) = (Double(a.x), Double(a.y)), (bx, by) = (Double(b.x), Double(b.y))
        let (dx, dy) = (bx - ax, by - ay)
        let length = dx * dx + dy * dy
        var t = length > 0 ? ((px - ax) * dx + (py - ay) * dy) / length : 0
        t = min(1, max(0, t))
        let (ex, ey) = (ax + t * dx - px, ay + t * dy - py)
        return ex * ex + ey * ey
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

    static func rounded<Points: Collection<Point2D>>(_ points: Points, frame: MapFrame) -> [Tenths] {
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
