import Foundation
import Testing
@testable import GeoKit

@Suite("Feature chunks")
struct FeatureChunkTests {
    @Test func chunksHoldGeometriesAndTheirExtents() throws {
        var builder = FeatureChunkBuilder(columnCount: 0)
        let square = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))").wkb()
        builder.appendWKB(square)
        builder.finishFeature(fid: 10)
        builder.finishFeature(fid: 11)
        builder.appendWKB(try Geometry(wkt: "POINT (5 6)").wkb())
        builder.finishFeature(fid: 12)
        var chunk = builder.build()
        #expect(chunk.count == 3 && chunk.fids == [10, 11, 12])
        #expect(chunk.wkb(0) == square && chunk.wkb(1) == nil && chunk.hasGeometry(2))
        #expect(chunk.extent(0) == Envelope(minX: 0, minY: 0, maxX: 4, maxY: 3))
        #expect(chunk.extent(1) == nil)
        _ = chunk.withMutableWKB(2) { $0.storeBytes(of: 7.0, toByteOffset: 5, as: Double.self) }
        #expect(chunk.extent(2) == Envelope(minX: 7, minY: 6, maxX: 7, maxY: 6))
        #expect(chunk.extent(0) == Envelope(minX: 0, minY: 0, maxX: 4, maxY: 3), "only the one geometry changed")
    }

    /// The chunked reader gives exactly what reading feature by feature gives.
    @Test(arguments: ["GPKG", "ESRI Shapefile", "GeoJSON"])
    func gdalChunksMatchFeatureByFeatureReading(driver: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = driver == "GPKG" ? "layer.gpkg" : driver == "GeoJSON" ? "layer.geojson" : "layer.shp"
        let path = folder.appendingPathComponent(name).path
        let writer = try VectorDatasetWriter(path: path, driver: driver)
        let layer = try writer.createLayer(
            name: "layer", crs: "EPSG:4549", geometryType: .polygon,
            fields: [
                FieldDefinition(name: "名称", type: .string), FieldDefinition(name: "n", type: .integer),
                FieldDefinition(name: "x", type: .real),
            ])
        try writer.inTransaction {
            for index in 0..<250 {
                let triangle = "POLYGON ((\(index) 0, \(index + 1) 0, \(index + 1) 1, \(index) 0))"
                let wkb = index % 17 == 0 ? nil : try Geometry(wkt: triangle).wkb()
                let values: [FieldValue] = [
                    index % 5 == 0 ? .null : .string("第\(index)号宗地"), .integer(Int64(index)),
                    .real(Double(index) / 3),
                ]
                try layer.write(values: values, wkb: wkb)
            }
        }
        try writer.close()
        let dataset = try VectorDataset(path: path)
        let read = try #require(dataset.layer(at: 0))
        let expected = try read.readAll()
        var chunks: [FeatureChunk] = []
        try read.readChunks(featuresPerChunk: 64) { chunks.append($0) }
        #expect(chunks.map(\.count) == [64, 64, 64, 58])
        let rows = chunks.flatMap { chunk in
            (0..<chunk.count).map { (chunk.fids[$0], Array(chunk.attributes($0)), chunk.wkb($0)) }
        }
        #expect(rows.map(\.0) == expected.map(\.fid))
        #expect(rows.map(\.1) == expected.map(\.values))
        #expect(rows.map(\.2) == expected.map(\.wkb))
    }
}
