import GeoKit
import SanseModel

/// Turns analysis-CRS polygons into RFC 7946 rings: lon/lat rounded to 7 decimals, exterior
/// rings counter-clockwise and holes clockwise, and still valid after the rounding.
struct WebPolygonEncoder {
    static let decimals = 7
    static let grid = 1e-7

    let transformer: InterpolatingTransformer
    let webCRS: WebCRS

    init(transformer: InterpolatingTransformer, webCRS: WebCRS) {
        self.transformer = transformer
        self.webCRS = webCRS
    }

    /// Polygons as rings (exterior first); empty when nothing polygonal is left.
    func encode(_ shape: FlatPolygons) throws -> [[[Point2D]]] {
        guard !shape.isEmpty else { return [] }
        return try encode(lonLat: try project(shape), multi: shape.isMulti)
    }

    /// `encode` from polygons already in lon/lat.
    private func encode(lonLat: [[[Point2D]]], multi: Bool) throws -> [[[Point2D]]] {
        let rounded = lonLat.map { rings in
            rings.map { ring in ring.map { Point2D(Self.round($0.x), Self.round($0.y)) } }
        }
        // Rounding can make a thin part self-intersect or collapse; GEOS's precision reduction
        // snaps to the same grid and keeps the result valid. Most parcels are one small ring
        // that a check on the integer grid proves valid without building a GEOS geometry.
        let valid: [[[Point2D]]]
        if rounded.count == 1, rounded[0].count == 1, GridRing.isCertainlySimple(rounded[0][0]) {
            valid = rounded
        } else if try FlatPolygons(polygons: rounded, multi: multi).geometry().isValid {
            valid = rounded
        } else {
            let snapped = try FlatPolygons(polygons: lonLat, multi: multi).geometry().snappedToGrid(Self.grid)
            valid = try snapped.polygonalPart()?.polygonsAsRings() ?? []
        }
        return Self.oriented(valid)
    }

    /// Appends the `geometry` member's value, as `appendGeometry(encode(shape))`, with the
    /// common case — a polygon of one ring small enough for the grid check, most parcels —
    /// done in two reused buffers instead of nested arrays.
    mutating func appendEncoded(_ shape: FlatPolygons, to out: inout [UInt8]) throws {
        var isSingle = false
        if shape.polygonCount == 1 {
            lonLat.removeAll(keepingCapacity: true)
            shape.forEachRing { _, ring, points in
                isSingle = ring == 0 && points.count <= GridRing.maximumPoints
                if isSingle { lonLat.append(contentsOf: points) }
            }
        }
        guard isSingle else {
            Self.appendGeometry(try encode(shape), to: &out)
            return
        }
        if let failed = toWeb(&lonLat) {
            throw GEOSError(operation: "project to lon/lat", message: "point \(failed) cannot be transformed")
        }
        rounded.removeAll(keepingCapacity: true)
        for point in lonLat { rounded.append(Point2D(Self.round(point.x), Self.round(point.y))) }
        guard GridRing.isCertainlySimple(rounded) else {
            Self.appendGeometry(try encode(lonLat: [[lonLat]], multi: shape.isMulti), to: &out)
            return
        }
        if Self.signedArea(rounded) <= 0 { rounded.reverse() }
        out.append(contentsOf: #"{"type":"Polygon","coordinates":["#.utf8)
        Self.appendRing(rounded, to: &out)
        out.append(contentsOf: "]}".utf8)
    }

    /// The one-ring path's buffers, reused from feature to feature.
    private var lonLat: [Point2D] = []
    private var rounded: [Point2D] = []

    /// To lon/lat (and GCJ-02) in place, in one call to PROJ; the first point PROJ could not
    /// transform, if any.
    private func toWeb(_ points: inout [Point2D]) -> Int? {
        if let failed = transformer.transform(&points).first { return failed }
        if webCRS == .gcj02 {
            for index in points.indices { points[index] = GCJ02.fromWGS84(points[index]) }
        }
        return nil
    }

    /// Every ring to lon/lat (and GCJ-02), in one call to PROJ.
    private func project(_ shape: FlatPolygons) throws -> [[[Point2D]]] {
        var flat: [Point2D] = []
        flat.reserveCapacity(shape.pointCount)
        shape.forEachRing { _, _, points in flat.append(contentsOf: points) }
        if let failed = toWeb(&flat) {
            // Named by its index in its own ring: that is the number a user finds in a GIS.
            var start = 0, message = ""
            shape.forEachRing { _, _, ring in
                if message.isEmpty, failed < start + ring.count { message = "point \(failed - start) cannot be transformed" }
                start += ring.count
            }
            throw GEOSError(operation: "project to lon/lat", message: message)
        }
        var result: [[[Point2D]]] = []
        var position = 0
        shape.forEachRing { _, ring, points in
            if ring == 0 { result.append([]) }
            result[result.count - 1].append(Array(flat[position..<position + points.count]))
            position += points.count
        }
        return result
    }

    /// Exterior rings counter-clockwise, holes clockwise.
    private static func oriented(_ polygons: [[[Point2D]]]) -> [[[Point2D]]] {
        polygons.map { rings in
            rings.enumerated().map { index, ring in
                let counterClockwise = signedArea(ring) > 0
                return counterClockwise == (index == 0) ? ring : ring.reversed()
            }
        }
    }

    static func round(_ value: Double) -> Double {
        (value * 1e7).rounded() / 1e7
    }

    /// Twice the signed area: positive for counter-clockwise rings.
    static func signedArea(_ ring: [Point2D]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            sum += ring[index].x * ring[index + 1].y - ring[index + 1].x * ring[index].y
        }
        return sum
    }

    /// `{"type":"Polygon","coordinates":…}` or MultiPolygon, or `null`.
    static func appendGeometry(_ polygons: [[[Point2D]]], to out: inout [UInt8]) {
        guard !polygons.isEmpty else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let multi = polygons.count > 1
        out.append(contentsOf: (multi ? #"{"type":"MultiPolygon","coordinates":["# : #"{"type":"Polygon","coordinates":"#).utf8)
        for (polygonIndex, rings) in polygons.enumerated() {
            if polygonIndex > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (ringIndex, ring) in rings.enumerated() {
                if ringIndex > 0 { out.append(UInt8(ascii: ",")) }
                appendRing(ring, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: (multi ? "]}" : "}").utf8)
    }

    /// `[[x,y],…]`.
    static func appendRing(_ ring: [Point2D], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (pointIndex, point) in ring.enumerated() {
            if pointIndex > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONText.appendNumber(point.x, decimals: decimals, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendNumber(point.y, decimals: decimals, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }
}
