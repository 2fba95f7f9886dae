import Foundation
import GeoKit
import SanseModel

/// The part an input layer plays, with the names that identify it in a multi-layer file.
enum LayerRole: String {
    case parcels
    case controlLines = "control_lines"
    case towns
    case attributes

    var nameHints: [String] {
        switch self {
        case .parcels: ["parcel", "宗地", "地块", "zd", "dk"]
        case .controlLines: ["control", "控制线", "kzx"]
        case .towns: ["town", "镇", "乡", "xz"]
        case .attributes: ["attribute", "评价", "属性"]
        }
    }
}

/// A whole input layer in memory, in chunks of consecutive features (attributes, and
/// geometries as WKB not yet parsed or checked: that happens in the parallel preparation),
/// with its source CRS.
struct RawLayer {
    var role: LayerRole
    var path: String
    var layerName: String
    var driver: String
    var fields: [FieldDefinition]
    /// Taken by whoever prepares the features, who frees each chunk once it is done with it.
    var chunks: [FeatureChunk]
    /// Counted when read, kept when the chunks are handed over.
    var featureCount: Int
    var crs: SourceCRS?
    /// Set when the text encoding was inferred (a Shapefile without its .cpg).
    var encodingAssumption: TextEncoding.Assumption?
    /// The extent of the geometries with usable coordinates: a feature beyond
    /// `GeometryPreparation.coordinateLimit` is skipped later and must not move the centre
    /// that decides the analysis CRS.
    var extent: Envelope?
    /// For the parcels: the analysis CRS chosen for them.
    var analysis: AnalysisCRS?
    /// For an input that is not a local file: the SHA-256 of its rows as read (`FeatureDigest`).
    var rowsSHA256: String?

    init(role: LayerRole, path: String, layerName: String, driver: String, fields: [FieldDefinition], chunks: [FeatureChunk]) {
        self.role = role
        self.path = path
        self.layerName = layerName
        self.driver = driver
        self.fields = fields
        self.chunks = chunks
        featureCount = chunks.reduce(0) { $0 + $1.count }
        extent = Self.extent(of: chunks)
    }

    static func extent(of chunks: [FeatureChunk]) -> Envelope? {
        chunks.lazy.flatMap { chunk in (0..<chunk.count).lazy.map { chunk.extent($0) } }.compactMap { $0 }
            .filter { [$0.minX, $0.minY, $0.maxX, $0.maxY].allSatisfy { abs($0) < GeometryPreparation.coordinateLimit } }
            .reduce(nil) { partial, box in partial.map { $0.union(box) } ?? box }
    }

    /// Hands the chunks over, leaving none here.
    mutating func takeChunks() -> [FeatureChunk] {
        defer { chunks = [] }
        return chunks
    }

    /// Every feature's attributes, in order.
    var rows: [AttributeRow] {
        chunks.flatMap { chunk in (0..<chunk.count).map { chunk.attributes($0) } }
    }
}

/// An input layer opened for reading: a GeoJSON file the fast reader has already read, or a
/// layer GDAL is about to read feature by feature.
enum OpenedLayer {
    case read(RawLayer)
    case gdal(GDALLayerSource)
}

/// A layer GDAL reads, with what is known before reading it.
struct GDALLayerSource {
    let source: InputSource
    let role: LayerRole
    let dataset: VectorDataset
    let layer: VectorLayer
    let encodingAssumption: TextEncoding.Assumption?
    /// For an input that is not a local file, whose bytes cannot be hashed: every row read.
    var rowDigest: FeatureDigest? = nil

    var fields: [FieldDefinition] { layer.fields }

    /// Reads every feature, handing over chunks as they are full (so they can be prepared
    /// while GDAL reads on); returns how many features there were.
    @discardableResult
    func readChunks(_ body: (FeatureChunk) throws -> Void) throws -> Int {
        var count = 0
        do {
            try layer.readChunks { chunk in
                count += chunk.count
                rowDigest?.add(chunk)
                try body(chunk)
            }
        } catch let error as GDALError {
            throw SurveyError(path: source.path, message: "reading stopped after \(count) features of layer \(layer.name): \(error.message)")
        }
        return count
    }

    /// A layer of `count` features whose chunks have been handed over already.
    func layer(featureCount: Int, crs: SourceCRS?) -> RawLayer {
        var raw = RawLayer(role: role, path: source.path, layerName: layer.name, driver: dataset.driverName, fields: fields, chunks: [])
        raw.featureCount = featureCount
        raw.crs = crs
        raw.encodingAssumption = encodingAssumption
        raw.rowsSHA256 = rowDigest?.finish()
        return raw
    }

    /// Reads the whole layer into memory.
    func readAll(configuredCRS: String?, needsCRS: Bool) throws -> RawLayer {
        var chunks: [FeatureChunk] = []
        try readChunks { chunks.append($0) }
        var raw = RawLayer(role: role, path: source.path, layerName: layer.name, driver: dataset.driverName, fields: fields, chunks: chunks)
        raw.encodingAssumption = encodingAssumption
        raw.rowsSHA256 = rowDigest?.finish()
        if needsCRS {
            raw.crs = try SourceCRS.determine(declared: layer.spatialReference, layerName: layer.name, configured: configuredCRS, extent: raw.extent, path: source.path)
        }
        return raw
    }
}

enum LayerReader {
    /// Opens the input, picks its layer and reads every feature.
    /// - Parameters:
    ///   - needsCRS: false for an attribute table without geometry.
    ///   - workers: threads for reading a GeoJSON file; the result does not depend on it.
    static func read(_ source: InputSource, role: LayerRole, configuredCRS: String?, needsCRS: Bool = true,
                     workers: Int = Parallel.defaultWorkerCount) throws -> RawLayer {
        switch try open(source, role: role, configuredCRS: configuredCRS, needsCRS: needsCRS, workers: workers) {
        case .read(let raw): return raw
        case .gdal(let gdal): return try gdal.readAll(configuredCRS: configuredCRS, needsCRS: needsCRS)
        }
    }

    /// Opens the input and picks its layer; a GeoJSON file the fast reader can read is read
    /// at once (in parallel), anything else is left for GDAL to read.
    static func open(_ source: InputSource, role: LayerRole, configuredCRS: String?, needsCRS: Bool = true,
                     workers: Int = Parallel.defaultWorkerCount) throws -> OpenedLayer {
        if source.layer == nil, let layer = try? GeoJSONReader.read(path: source.path, workers: workers) {
            var raw = RawLayer(role: role, path: source.path, layerName: layer.name, driver: "GeoJSON", fields: layer.fields, chunks: layer.chunks)
            if needsCRS {
                raw.crs = try SourceCRS.determine(declared: layer.spatialReference, layerName: layer.name, configured: configuredCRS, extent: raw.extent, path: source.path)
            }
            return .read(raw)
        }
        try requireShapefileParts(source.path)
        let isCSV = source.path.lowercased().hasSuffix(".csv")
        if isCSV { try TextEncoding.requireUTF8CSV(source.path) }
        // A CSV's WKT column becomes the geometry; every other column stays text, so keys such
        // as credit codes keep their leading zeros.
        var options = isCSV ? ["GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,geom,the_geom", "KEEP_GEOM_COLUMNS=NO"] : []
        let assumedEncoding = TextEncoding.undeclaredShapefileEncoding(source.path)
        if let assumedEncoding { options.append("ENCODING=\(assumedEncoding.gdalName)") }
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(path: source.path, openOptions: options)
        } catch let error as GDALError {
            if let size = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? Int, size == 0 {
                throw SurveyError(path: source.path, message: "cannot open \(role.rawValue) input: the file is empty (0 bytes)")
            }
            throw SurveyError(path: source.path, message: "cannot open \(role.rawValue) input: \(error.message)")
        }
        let layer = try chooseLayer(dataset, preferred: source.layer, role: role)
        let rowDigest = DatasetName.isLocalFile(source.path)
            ? nil : FeatureDigest(layerName: layer.name, fields: layer.fields)
        return .gdal(GDALLayerSource(source: source, role: role, dataset: dataset, layer: layer,
                                     encodingAssumption: assumedEncoding, rowDigest: rowDigest))
    }

    /// GDAL opens a Shapefile without its .dbf and silently drops every attribute; without the
    /// attributes there are no ids, grades or towns, so that is an unusable input. Without its
    /// .shx GDAL refuses it, pointing at a config option a planner cannot set.
    private static func requireShapefileParts(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension.lowercased() == "shp" else { return }
        let present = shapefileParts(url)
        guard present["shp"] != nil else { return }  // GDAL will name the missing file itself
        for (part, what) in [("dbf", "its attribute table"), ("shx", "its index")] where present[part] == nil {
            throw SurveyError(path: path, message: "the Shapefile's .\(part) (\(what)) is missing; copy all of its files (.shp, .shx, .dbf, .prj, .cpg) together")
        }
    }

    /// A Shapefile's parts by lower-cased extension (`PARCELS.DBF` counts as the .dbf).
    static func shapefileParts(_ shapefile: URL) -> [String: URL] {
        let folder = shapefile.deletingLastPathComponent()
        let stem = shapefile.deletingPathExtension().lastPathComponent.lowercased()
        var parts: [String: URL] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = URL(fileURLWithPath: name)
            if url.deletingPathExtension().lastPathComponent.lowercased() == stem {
                parts[url.pathExtension.lowercased()] = folder.appendingPathComponent(name)
            }
        }
        return parts
    }

    private static func chooseLayer(_ dataset: VectorDataset, preferred: String?, role: LayerRole) throws -> VectorLayer {
        let layers = dataset.layers
        let names = layers.map(\.name)
        if let preferred {
            if let layer = dataset.layer(named: preferred) { return layer }
            throw SurveyError(path: dataset.path, message: "no layer named \"\(preferred)\"; its layers are: \(names.joined(separator: ", "))")
        }
        if layers.count == 1 { return layers[0] }
        if layers.isEmpty { throw SurveyError(path: dataset.path, message: "contains no vector layers") }
        let matches = layers.filter { layer in
            let name = layer.name.lowercased()
            return role.nameHints.contains { name.contains($0) }
        }
        if matches.count == 1 { return matches[0] }
        throw SurveyError(path: dataset.path, message: "has several layers (\(names.joined(separator: ", "))); name the \(role.rawValue) layer in the config (layers.\(role.rawValue))")
    }
}
