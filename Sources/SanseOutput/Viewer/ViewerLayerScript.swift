import GeoKit
import SanseModel

/// One data script of the viewer, `sanseViewer.receive("name",{…});`: the features' properties
/// as columns (one JSON array per property) and their geometry as one VLQ string. A script,
/// not JSON, because browsers refuse fetch/XHR from a page opened as a file but run scripts.
///
/// Features are encoded in chunks on every worker and joined in feature order, so the bytes
/// never depend on the number of workers.
enum ViewerLayerScript {
    /// One property: appends feature `position`'s value as JSON.
    struct Column: Sendable {
        let key: String
        let append: @Sendable (_ position: Int, _ out: inout [UInt8]) -> Void
    }

    /// Where the geometry goes: the analysis CRS, the web system and the layer's origin.
    struct Projection: Sendable {
        let analysisCRS: String
        let webCRS: WebCRS
        let origin: MicrodegreePoint
    }

    /// The script's bytes and the extent (microdegrees) of what was drawn.
    struct Script {
        var bytes: [UInt8]
        var extent: Envelope?
    }

    private struct Chunk: Sendable {
        var geometry: [UInt8] = []
        var columns: [[UInt8]]
        var rings = 0
        var points = 0
        var extent: Envelope?
    }

    /// - Parameters:
    ///   - tables: lists a column's numbers point into (e.g. the distinct reasons), by name.
    ///   - geometry: feature `position`'s polygons in the analysis CRS; called from workers.
    static func make(
        name: String, count: Int, columns: [Column], tables: [(String, [String])] = [], projection: Projection,
        workers: Int, geometry: @escaping @Sendable (_ position: Int) -> FlatPolygons?
    ) throws -> Script {
        let chunks = try Parallel.mapChunks(count: count, workers: workers, minimumChunk: 256) { range -> Chunk in
            let encoder = try ViewerGeometryEncoder(
                analysisCRS: projection.analysisCRS, webCRS: projection.webCRS, origin: projection.origin)
            var chunk = Chunk(columns: Array(repeating: [], count: columns.count))
            for position in range {
                let written = try encoder.append(geometry(position), to: &chunk.geometry)
                chunk.rings += written.rings
                chunk.points += written.points
                if let box = written.extent { chunk.extent = chunk.extent.map { $0.union(box) } ?? box }
                for (column, property) in columns.enumerated() {
                    if position > range.lowerBound { chunk.columns[column].append(UInt8(ascii: ",")) }
                    property.append(position, &chunk.columns[column])
                }
            }
            return chunk
        }
        let extent = chunks.compactMap(\.extent).reduce(nil) { (sum: Envelope?, box) in sum.map { $0.union(box) } ?? box
        }
        var out: [UInt8] = []
        out.reserveCapacity(chunks.reduce(1024) { $0 + $1.geometry.count + $1.columns.reduce(0) { $0 + $1.count + 1 } })
        out.append(contentsOf: "sanseViewer.receive(".utf8)
        JSONText.appendString(name, to: &out)
        out.append(contentsOf: ",{\"count\":\(count),\"rings\":\(chunks.reduce(0) { $0 + $1.rings })".utf8)
        out.append(contentsOf: ",\"points\":\(chunks.reduce(0) { $0 + $1.points })".utf8)
        out.append(contentsOf: ",\"origin\":[\(projection.origin.x),\(projection.origin.y)]".utf8)
        out.append(contentsOf: ",\n\"columns\":{".utf8)
        for (column, property) in columns.enumerated() {
            if column > 0 { out.append(contentsOf: ",\n".utf8) }
            JSONText.appendString(property.key, to: &out)
            out.append(contentsOf: ":[".utf8)
            var first = true
            for chunk in chunks where !chunk.columns[column].isEmpty {
                if !first { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: chunk.columns[column])
                first = false
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "},\n\"tables\":{".utf8)
        for (number, (table, values)) in tables.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(table, to: &out)
            out.append(contentsOf: ":[".utf8)
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONText.appendString(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "},\n\"geometry\":\"".utf8)
        for chunk in chunks { out.append(contentsOf: chunk.geometry) }
        out.append(contentsOf: "\"});\n".utf8)
        return Script(bytes: out, extent: extent)
    }
}

extension ViewerLayerScript.Column {
    static func text(_ key: String, _ value: @escaping @Sendable (Int) -> String?) -> Self {
        Self(key: key) { position, out in
            if let text = value(position) {
                JSONText.appendString(text, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
    }

    static func number(_ key: String, decimals: Int, _ value: @escaping @Sendable (Int) -> Double?) -> Self {
        Self(key: key) { position, out in
            if let number = value(position), number.isFinite {
                JSONText.appendNumber(number, decimals: decimals, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
    }

    /// An index into a list (the towns, the categories, a table); -1 for none.
    static func index(_ key: String, _ value: @escaping @Sendable (Int) -> Int) -> Self {
        Self(key: key) { position, out in
            let index = value(position)
            if index < 0 { out.append(UInt8(ascii: "-")) }
            JSONText.appendInteger(UInt64(abs(index)), to: &out)
        }
    }

    static func flag(_ key: String, _ value: @escaping @Sendable (Int) -> Bool) -> Self {
        Self(key: key) { position, out in out.append(value(position) ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
    }
}
