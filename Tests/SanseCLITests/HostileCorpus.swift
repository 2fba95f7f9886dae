import Foundation
import GeoKit
import TestSupport

/// Bad input as planners' files really arrive, written by the tests: each case a folder of
/// inputs and the `sanse run` arguments that use them. Lon/lat cases sit near 慈溪
/// (121.2°E, 30.2°N); metric ones in CGCS2000 GK CM 120°E (EPSG:4549) metres.
enum HostileCorpus {
    /// 0.001° ≈ 100 m squares, two touching ones in 坎墩街道 unless told otherwise.
    static func square(_ column: Int, size: Double = 0.001) -> String {
        let (x, y) = (121.2 + Double(column) * size, 30.2)
        return "[[[\(x),\(y)],[\(x + size),\(y)],[\(x + size),\(y + size)],[\(x),\(y + size)],[\(x),\(y)]]]"
    }

    static func feature(_ properties: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry)}"
    }

    static func polygon(_ id: String, _ column: Int, town: String = "坎墩街道") -> String {
        feature("\"宗地编号\":\"\(id)\",\"所属镇街\":\"\(town)\"", "{\"type\":\"Polygon\",\"coordinates\":\(square(column))}")
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static let parcels = collection([polygon("A1", 0), polygon("A2", 1)])
    /// One polygon around every parcel of the corpus.
    static let control = collection([feature("\"名称\":\"工业控制线\"",
        "{\"type\":\"Polygon\",\"coordinates\":[[[121.19,30.19],[121.3,30.19],[121.3,30.3],[121.19,30.3],[121.19,30.19]]]}")])

    static func write(_ text: String, _ folder: URL, _ name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// parcels.geojson (as given) and control.geojson.
    static func geoJSONSurvey(_ folder: URL, parcels: String = parcels, control: String = control) throws {
        try write(parcels, folder, "parcels.geojson")
        try write(control, folder, "control.geojson")
    }

    /// Deterministic noise: the low byte of each number.
    static func noise(_ count: Int, seed: UInt64 = 7) -> Data {
        var random = SplitMix64(seed: seed)
        return Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
    }

    /// Polygons (WKT or WKB) with string fields, written with any GDAL driver.
    static func writeLayer(_ path: URL, driver: String, crs: String?, fields: [String], rows: [([String], [UInt8])], layerOptions: [String] = []) throws {
        let writer = try VectorDatasetWriter(path: path.path, driver: driver)
        let layer = try writer.createLayer(name: path.deletingPathExtension().lastPathComponent, crs: crs, geometryType: .polygon,
                                           fields: fields.map { FieldDefinition(name: $0, type: .string) }, options: layerOptions)
        try writer.inTransaction {
            for (values, wkb) in rows { try layer.write(values: values.map(FieldValue.string), wkb: wkb) }
        }
        try writer.close()
    }

    /// A 100 m GK square `column` squares east of 620 000 E, 3 340 000 N.
    static func gkSquare(_ column: Int) throws -> [UInt8] {
        let x = 620_000.0 + Double(column) * 100, y = 3_340_000.0
        return try Geometry(wkt: "POLYGON ((\(x) \(y), \(x + 100) \(y), \(x + 100) \(y + 100), \(x) \(y + 100), \(x) \(y)))").wkb()
    }

    /// A GBK Shapefile of two GK parcels (ids Z1, Z2 in 坎墩街道) and its control polygon.
    static func gkShapefileSurvey(_ folder: URL) throws {
        try writeLayer(folder.appendingPathComponent("宗地.shp"), driver: "ESRI Shapefile", crs: "EPSG:4549", fields: ["宗地编号", "所属镇街"],
                       rows: [(["Z1", "坎墩街道"], try gkSquare(0)), (["Z2", "坎墩街道"], try gkSquare(1))], layerOptions: ["ENCODING=GBK"])
        let around = try Geometry(wkt: "POLYGON ((619000 3339000, 622000 3339000, 622000 3342000, 619000 3342000, 619000 3339000))").wkb()
        try writeLayer(folder.appendingPathComponent("控制线.shp"), driver: "ESRI Shapefile", crs: "EPSG:4549", fields: ["名称"],
                       rows: [(["工业控制线"], around)], layerOptions: ["ENCODING=GBK"])
    }

    /// A circle of `vertices` vertices and 200 m radius, as little-endian WKB, built directly
    /// (parsing a million-vertex WKT would dominate the test).
    static func circleWKB(vertices: Int, centre: (Double, Double), radius: Double) -> [UInt8] {
        var coordinates = [Double]()
        coordinates.reserveCapacity(2 * (vertices + 1))
        for index in 0...vertices {
            let angle = 2 * Double.pi * Double(index % vertices) / Double(vertices)
            coordinates.append(centre.0 + radius * cos(angle))
            coordinates.append(centre.1 + radius * sin(angle))
        }
        var wkb: [UInt8] = [1]
        withUnsafeBytes(of: UInt32(3).littleEndian) { wkb += $0 }  // Polygon
        withUnsafeBytes(of: UInt32(1).littleEndian) { wkb += $0 }  // one ring
        withUnsafeBytes(of: UInt32(vertices + 1).littleEndian) { wkb += $0 }
        coordinates.withUnsafeBytes { wkb += $0 }
        return wkb
    }
}
