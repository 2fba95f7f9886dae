import Foundation
import GeoKit
import SanseModel

/// Turns analysis-CRS polygons into the viewer's geometry text: lon/lat (or GCJ-02) rounded to
/// whole microdegrees (6 decimals, ~0.1 m), rings simplified below half a pixel at the
/// viewer's deepest zoom, closing points dropped, and everything as base64 VLQ integers.
///
/// A feature is its ring count, then per ring its point count and its points, the first as
/// the difference from the layer's origin, the others from the point before. Features never
/// refer to each other, so they are encoded on any worker in any order.
struct ViewerGeometryEncoder {
    /// The viewer's deepest zoom level: a pixel is ~0.5 m at 30° N.
    static let deepestZoom = 18

    let transformer: InterpolatingTransformer
    let webCRS: WebCRS
    let origin: MicrodegreePoint
    /// Douglas–Peucker tolerance in microdegrees.
    let tolerance: Double

    init(analysisCRS: String, webCRS: WebCRS, origin: MicrodegreePoint) throws {
        transformer = try InterpolatingTransformer.forCurrentThread(from: analysisCRS, to: "EPSG:4326")
        self.webCRS = webCRS
        self.origin = origin
        tolerance = Self.tolerance(latitude: Double(origin.y) / 1e6)
    }

    /// Half a pixel at the deepest zoom, as microdegrees of latitude (the longer of the two:
    /// a microdegree of longitude is shorter, so no point moves by more than half a pixel).
    static func tolerance(latitude: Double) -> Double {
        let metresPerPixel = 2 * Double.pi * 6_378_137 * cos(latitude * .pi / 180) / (256 * pow(2, Double(deepestZoom)))
        let metresPerMicrodegree = 2 * Double.pi * 6_378_137 / 360 / 1e6
        return 0.5 * metresPerPixel / metresPerMicrodegree
    }

    /// What one feature wrote.
    struct Written {
        var rings = 0
        var points = 0
        /// Of the points written, in microdegrees; nil when nothing was.
        var extent: Envelope?
    }

    /// Appends one feature (no rings for nil or for a shape too small for the grid).
    func append(_ shape: FlatPolygons?, to out: inout [UInt8]) throws -> Written {
        let rings = try shape.map(microdegreeRings) ?? []
        var written = Written(rings: rings.count)
        VLQText.appendUnsigned(rings.count, to: &out)
        var previous = origin
        for ring in rings {
            VLQText.appendUnsigned(ring.count, to: &out)
            for point in ring {
                VLQText.appendSigned(point.x - previous.x, to: &out)
                VLQText.appendSigned(point.y - previous.y, to: &out)
                previous = point
            }
            written.points += ring.count
            let box = Self.envelope(ring)
            written.extent = written.extent.map { $0.union(box) } ?? box
        }
        return written
    }

    /// Every ring on the microdegree grid, simplified; rings that collapse below a triangle
    /// are left out.
    func microdegreeRings(_ shape: FlatPolygons) throws -> [[MicrodegreePoint]] {
        var lonLat: [Point2D] = []
        lonLat.reserveCapacity(shape.pointCount)
        var counts: [Int] = []
        shape.forEachRing { _, _, points in
            lonLat.append(contentsOf: points)
            counts.append(points.count)
        }
        if let failed = transformer.transform(&lonLat).first {
            throw GEOSError(operation: "project to lon/lat", message: "point \(failed) cannot be transformed")
        }
        if webCRS == .gcj02 {
            for index in lonLat.indices { lonLat[index] = GCJ02.fromWGS84(lonLat[index]) }
        }
        var rings: [[MicrodegreePoint]] = []
        var start = 0
        for count in counts {
            var ring: [MicrodegreePoint] = []
            ring.reserveCapacity(count)
            for point in lonLat[start..<(start + count)] {
                let rounded = MicrodegreePoint(x: Int((point.x * 1e6).rounded()), y: Int((point.y * 1e6).rounded()))
                if ring.last != rounded { ring.append(rounded) }
            }
            start += count
            if ring.count > 1, ring.first == ring.last { ring.removeLast() }
            guard ring.count >= 3 else { continue }
            rings.append(MicrodegreeRing.simplified(ring, tolerance: tolerance))
        }
        return rings
    }

    static func envelope(_ ring: [MicrodegreePoint]) -> Envelope {
        var box = Envelope(
            minX: Double(ring[0].x), minY: Double(ring[0].y), maxX: Double(ring[0].x), maxY: Double(ring[0].y))
        for point in ring.dropFirst() {
            box.minX = min(box.minX, Double(point.x))
            box.maxX = max(box.maxX, Double(point.x))
            box.minY = min(box.minY, Double(point.y))
            box.maxY = max(box.maxY, Double(point.y))
        }
        return box
    }
}
