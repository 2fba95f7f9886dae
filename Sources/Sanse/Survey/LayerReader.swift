import Foundation
import GeoKit

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

/// One feature as read: attributes, and its geometry as WKB, not yet parsed or checked
/// (parsing happens in the parallel preparation).
struct RawFeature: Sendable {
    var fid: Int64
    var values: [FieldValue]
    var wkb: [UInt8]?
    /// From the WKB bytes; nil for no geometry, an empty one, or bad coordinates.
    var extent: Envelope?
}

/// A whole input layer in memory, with its source CRS.
struct RawLayer {
    var role: LayerRole
    var path: String
    var layerName: String
    var driver: String
    var fields: [FieldDefinition]
    var features: [RawFeature]
    var crs: SourceCRS?
    /// Set when the text encoding was inferred (a Shapefile without its .cpg).
    var encodingAssumption: TextEncoding.Assumption?

    /// The extent of the geometries with usable coordinates: a feature beyond
    /// `GeometryPreparation.coordinateLimit` is skipped later and must not move the centre
    /// that decides the analysis CRS.
    var extent: Envelope? { RawLayer.extent(of: features) }

    static func extent(of features: [RawFeature]) -> Envelope? {
        features.lazy.compactMap(\.extent)
            .filter { [$0.minX, $0.minY, $0.maxX, $0.maxY].allSatisfy { abs($0) < GeometryPreparation.coordinateLimit } }
            .reduce(nil) { partial, box in partial.map { $0.union(box) } ?? box }
    }
}

enum LayerReader {
    /// Opens the input, picks its layer and reads every feature.
    /// - Parameter needsCRS: false for an attribute table without geometry.
    static func read(_ source: InputSource, role: LayerRole, configuredCRS: String?, needsCRS: Bool = true) throws -> RawLayer {
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
        var features: [RawFeature] = []
        var iterator = layer.features().makeIterator()
        while let feature = iterator.next() {
            features.append(RawFeature(fid: feature.fid, values: feature.values, wkb: feature.wkb,
                                       extent: feature.wkb.flatMap(WKBEnvelope.of)))
        }
        if let error = iterator.error {
            throw SurveyError(path: source.path, message: "reading stopped after \(features.count) features of layer \(layer.name): \(error.message)")
        }
        var raw = RawLayer(role: role, path: source.path, layerName: layer.name, driver: dataset.driverName,
                           fields: layer.fields, features: features, crs: nil, encodingAssumption: assumedEncoding)
        if needsCRS {
            raw.crs = try SourceCRS.determine(layer: layer, configured: configuredCRS, extent: raw.extent, path: source.path)
        }
        return raw
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
