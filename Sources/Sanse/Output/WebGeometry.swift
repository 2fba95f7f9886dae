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
        // Rounding can make a thin part self-intersect or collapse; GEOS's precision reduction
        // snaps to the same grid and keeps the result valid.
        let valid = rounded.isValid ? rounded : (try lonLat.snappedToGrid(Self.grid).polygonalPart() ?? Geometry.emptyPolygon())
        return try valid.polygonsAsRings().map { rings in
            rings.enumerated().map { index, ring in
                let counterClockwise = Self.signedArea(ring) > 0
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
            out += Array("null".utf8)
            return
        }
        let multi = polygons.count > 1
        out += Array((multi ? #"{"type":"MultiPolygon","coordinates":["# : #"{"type":"Polygon","coordinates":"#).utf8)
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
        out += Array((multi ? "]}" : "}").utf8)
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
        guard let file = FileOutput(path: path) else {
            throw OutputError(path: path, message: "cannot create the file")
        }
        defer { file.close() }
        try file.write(Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8))
        let batchSize = 20_000
        var written = 0
        for batchStart in stride(from: 0, to: count, by: batchSize) {
            let batchCount = min(batchSize, count - batchStart)
            let chunks = try Parallel.mapChunks(count: batchCount, workers: workers, minimumChunk: 500) { range in
                let encoder = WebPolygonEncoder(
                    transformer: try Transformer.forCurrentThread(from: analysisCRS, to: "EPSG:4326"), webCRS: webCRS)
                var out: [UInt8] = []
                out.reserveCapacity(range.count * 400)
                for offset in range {
                    let index = batchStart + offset
                    let (properties, geometry) = try feature(index)
                    if index > 0 { out += Array(",\n".utf8) }
                    out += Array(#"{"type":"Feature","properties":{"#.utf8)
                    for (position, (key, value)) in properties.enumerated() {
                        if position > 0 { out.append(UInt8(ascii: ",")) }
                        JSONText.appendString(key, to: &out)
                        out.append(UInt8(ascii: ":"))
                        value.append(to: &out)
                    }
                    out += Array(#"},"geometry":"#.utf8)
                    WebPolygonEncoder.appendGeometry(try geometry.map(encoder.encode) ?? [], to: &out)
                    out.append(UInt8(ascii: "}"))
                }
                return out
            }
            for chunk in chunks { try file.write(chunk) }
            written += batchCount
        }
        try file.write(Array("\n]}\n".utf8))
        try file.finish()
    }
}
