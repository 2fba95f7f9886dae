import Foundation
import Testing
@testable import GeoKit

@Suite("GDAL vector datasets")
struct VectorDatasetTests {
    static let square = "POLYGON ((620000 3340000, 620100 3340000, 620100 3340050, 620000 3340050, 620000 3340000))"

    @Test func geoJSONWrittenAndReadBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("parcels.geojson").path
        let writer = try VectorDatasetWriter(path: path, driver: "GeoJSON")
        let layer = try writer.createLayer(
            name: "parcels", crs: "EPSG:4326", geometryType: .polygon,
            fields: [FieldDefinition(name: "id", type: .string), FieldDefinition(name: "far", type: .real)])
        let triangle = try Geometry(wkt: "POLYGON ((121 30, 121.001 30, 121.001 30.001, 121 30))")
        try layer.write(values: [.string("A-1"), .real(1.5)], wkb: try triangle.wkb())
        try layer.write(values: [.string("A-2"), .null], wkb: nil)
        try writer.close()

        let dataset = try VectorDataset(path: path)
        #expect(dataset.driverName == "GeoJSON")
        let read = try #require(dataset.layer(at: 0))
        #expect(read.fields.map(\.name) == ["id", "far"])
        let features = try read.readAll()
        #expect(features.count == 2)
        #expect(features[0].values == [.string("A-1"), .real(1.5)])
        #expect(features[1].values == [.string("A-2"), .null])
        #expect(features[1].wkb == nil)
        let geometry = try Geometry(wkb: try #require(features[0].wkb))
        #expect(abs(try geometry.area() - 0.0000005) < 1e-15)
    }

    @Test func gbkShapefileWithChineseFieldsReadsBackAsUTF8() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("宗地.shp").path
        let writer = try VectorDatasetWriter(path: path, driver: "ESRI Shapefile")
        let layer = try writer.createLayer(
            name: "宗地", crs: "EPSG:4549", geometryType: .polygon,
            fields: [
                FieldDefinition(name: "宗地编号", type: .string), FieldDefinition(name: "权利人", type: .string),
                FieldDefinition(name: "亩均评价", type: .string), FieldDefinition(name: "容积率", type: .real),
            ],
            options: ["ENCODING=GBK"])
        try layer.write(
            values: [.string("330282-001"), .string("慈溪市宁波电器有限公司"), .string("C"), .real(1.2)],
            wkb: try Geometry(wkt: Self.square).wkb())
        try writer.close()

        // The file really is GBK, with a .cpg saying so.
        let cpg = try String(contentsOfFile: folder.appendingPathComponent("宗地.cpg").path, encoding: .utf8)
        #expect(cpg.uppercased().contains("GBK") || cpg.contains("936"), ".cpg says \(cpg)")
        let dbf = try Data(contentsOf: folder.appendingPathComponent("宗地.dbf"))
        let gbkName: [UInt8] = [0xC4, 0xFE, 0xB2, 0xA8]  // 宁波 in GBK
        #expect(dbf.range(of: Data(gbkName)) != nil, "the DBF holds GBK bytes")
        #expect(dbf.range(of: Data("宁波".utf8)) == nil, "and no UTF-8")

        let dataset = try VectorDataset(path: path)
        let read = try #require(dataset.layer(at: 0))
        #expect(read.fields.map(\.name) == ["宗地编号", "权利人", "亩均评价", "容积率"])
        let features = try read.readAll()
        #expect(features.count == 1)
        #expect(features[0].values[1] == .string("慈溪市宁波电器有限公司"))
        #expect(features[0].values[3] == .real(1.2))
        #expect(read.spatialReference?.wkt.contains("CGCS2000") == true)
        #expect(try Geometry(wkb: try #require(features[0].wkb)).area() == 5000)
    }

    @Test func geoPackageKeepsItsCRSAndLayers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("survey.gpkg").path
        let writer = try VectorDatasetWriter(path: path)
        let parcels = try writer.createLayer(
            name: "parcels", crs: "EPSG:4549", geometryType: .multiPolygon,
            fields: [FieldDefinition(name: "宗地编号", type: .string), FieldDefinition(name: "n", type: .integer64)])
        let square = try Geometry(wkt: Self.square).wkb()
        try writer.inTransaction {
            for index in 0..<100 {
                try parcels.write(values: [.string("P\(index)"), .integer(Int64(index))], wkb: square)
            }
        }
        _ = try writer.createLayer(name: "towns", crs: "EPSG:4549", geometryType: .polygon, fields: [])
        try writer.close()

        let dataset = try VectorDataset(path: path)
        #expect(dataset.layerNames == ["parcels", "towns"])
        let read = try #require(dataset.layer(named: "parcels"))
        #expect(read.featureCount == 100)
        #expect(read.spatialReference?.identifier == "EPSG:4549")
        let crs = try CoordinateReferenceSystem(try #require(read.spatialReference).definitionForPROJ)
        #expect(crs.epsgCode == 4549)
        let last = try read.readAll().last!
        #expect(last.values == [.string("P99"), .integer(99)])
    }

    @Test func missingFileNamesThePath() throws {
        let path = "/nonexistent/folder/parcels.shp"
        do {
            _ = try VectorDataset(path: path)
            Issue.record("opening a missing file succeeded")
        } catch let error as GDALError {
            #expect(error.path == path)
            #expect(error.description.contains(path))
        }
    }
}
