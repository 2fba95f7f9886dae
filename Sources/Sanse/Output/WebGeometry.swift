import GeoKit

/// Which lon/lat a web copy is in.
public enum WebCRS: String, Sendable {
    /// WGS 84 (RFC 7946), for Leaflet, MapLibre, OpenLayers, 天地图 (CGCS2000 differs from it by
    /// centimetres).
    case wgs84
    /// GCJ-02, for 高德 / 腾讯 base maps. Approximate.
    case gcj02
}

/// Turns analysis-CRS polygons into RFC 7946 rings: lon/lat rounded to 7 decimals, exterior
/// rings counter-clockwise and holes clockwise, and still valid after the rounding.
struct WebPolygonEncoder {
    static let decimals = 7
    static let grid = 1e-7

    let transformer: Transformer
    let webCRS: WebCRS

    /// Polygons as rings (exterior first); empty when nothing polygonal is left.
    func encode(_ geometry: Geometry) throws -> [[[Point2D]]] {
        guard let source = try Self.nonEmptyPolygons(geometry) else { return try encodeAnyGeometry(geometry) }
        let multi = geometry.type == .multiPolygon
        let lonLat = try project(source)
        let rounded = lonLat.map { rings in
            rings.map { ring in ring.map { Point2D(Self.round($0.x), Self.round($0.y)) } }
        }
        // Rounding can make a thin part self-intersect or collapse; GEOS's precision reduction
        // snaps to the same grid and keeps the result valid. Most parcels are one small ring
        // that a check on the integer grid proves valid without building a GEOS geometry.
        let valid: [[[Point2D]]]
        if rounded.count == 1, rounded[0].count == 1, GridRing.isCertainlySimple(rounded[0][0]) {
            valid = rounded
        } else if try Self.geometry(rounded, multi: multi).isValid {
            valid = rounded
        } else {
            valid = try Self.geometry(lonLat, multi: multi).snappedToGrid(Self.grid).polygonalPart()?.polygonsAsRings() ?? []
        }
        return Self.oriented(valid)
    }

    /// The rings of a polygon or multipolygon whose polygons are all non-empty; nil for
    /// anything else.
    private static func nonEmptyPolygons(_ geometry: Geometry) throws -> [[[Point2D]]]? {
        switch geometry.type {
        case .polygon:
            return geometry.isEmpty ? nil : [try geometry.polygonRings()]
        case .multiPolygon:
            let parts = geometry.parts
            guard !parts.isEmpty, !parts.contains(where: { $0.type != .polygon || $0.isEmpty }) else { return nil }
            return try parts.map { try $0.polygonRings() }
        default:
            return nil
        }
    }

    /// Every ring to lon/lat (and GCJ-02), in one call to PROJ.
    private func project(_ polygons: [[[Point2D]]]) throws -> [[[Point2D]]] {
        var flat: [Point2D] = []
        flat.reserveCapacity(polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        for rings in polygons { for ring in rings { flat.append(contentsOf: ring) } }
        if let failed = transformer.transform(&flat).first {
            // Named by its index in its own ring, as when rings were transformed one by one.
            var start = 0
            for rings in polygons {
                for ring in rings {
                    if failed < start + ring.count {
                        throw GEOSError(operation: "project to lon/lat", message: "point \(failed - start) cannot be transformed")
                    }
                    start += ring.count
                }
            }
        }
        if webCRS == .gcj02 {
            for index in flat.indices { flat[index] = GCJ02.fromWGS84(flat[index]) }
        }
        var position = 0
        return polygons.map { rings in
            rings.map { ring in
                defer { position += ring.count }
                return Array(flat[position..<position + ring.count])
            }
        }
    }

    /// The polygon or multipolygon the rings describe, built as `Geometry.mapPoints` builds it.
    private static func geometry(_ polygons: [[[Point2D]]], multi: Bool) throws -> Geometry {
        let built = try polygons.map { rings in try Geometry.polygon(exterior: rings[0], holes: Array(rings.dropFirst())) }
        return multi ? try Geometry.collection(.multiPolygon, built) : built[0]
    }

    /// Geometry collections, empty parts and the like: through GEOS all the way.
    private func encodeAnyGeometry(_ geometry: Geometry) throws -> [[[Point2D]]] {
        let lonLat = try geometry.mapPoints { points in
            let failed = transformer.transform(&points)
            if let first = failed.first {
                throw GEOSError(operation: "project to lon/lat", message: "point \(first) cannot be transformed")
            }
            if webCRS == .gcj02 {
                for index in points.indices { points[index] = GCJ02.fromWGS84(points[index]) }
            }
        }
        let rounded = try lonLat.mapPoints { points in
            for index in points.indices {
                points[index] = Point2D(Self.round(points[index].x), Self.round(points[index].y))
            }
        }
        let valid = rounded.isValid ? rounded : (try lonLat.snappedToGrid(Self.grid).polygonalPart() ?? Geometry.emptyPolygon())
        return Self.oriented(try valid.polygonsAsRings())
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
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: (multi ? "]}" : "}").utf8)
    }
}

/// Writes a GeoJSON FeatureCollection, one feature per line, serialising features on all
/// cores in batches so memory stays bounded and the file is identical for any worker count.
enum WebGeoJSONWriter {
    typealias Properties = [(String, JSONValue)]

    /// - Parameter feature: properties and analysis-CRS geometry of feature `index`; called
    ///   from worker threads, each index once, so it must only touch that feature's geometry.
    static func write(
        to path: String, count: Int, analysisCRS: String, webCRS: WebCRS, workers: Int,
        feature: @escaping @Sendable (Int) throws -> (Properties, Geometry?)
    ) throws {
        let head = Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
        try ChunkedFile.write(to: path, count: count, workers: workers, head: head, tail: Array("\n]}\n".utf8)) { indices, out in
            let encoder = WebPolygonEncoder(
                transformer: try Transformer.forCurrentThread(from: analysisCRS, to: "EPSG:4326"), webCRS: webCRS)
            for index in indices {
                let (properties, geometry) = try feature(index)
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: #"{"type":"Feature","properties":{"#.utf8)
                for (position, (key, value)) in properties.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.appendString(key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    value.append(to: &out)
                }
                out.append(contentsOf: #"},"geometry":"#.utf8)
                WebPolygonEncoder.appendGeometry(try geometry.map(encoder.encode) ?? [], to: &out)
                out.append(UInt8(ascii: "}"))
            }
        }
    }
}
