import Foundation
import Testing
@testable import GeoKit

@Suite("Feature chunks and attribute tables")
struct FeatureChunkTests {
    static let values: [FieldValue] = [
        .null, .integer(-7), .integer(Int64.max), .real(-0.0), .real(1.5e300), .string(""), .string("A"), .string("12345678"),
        .string("123456789"), .string("慈溪市甲电器有限公司"), .string("ｃ"), .string("line\nbreak"),
    ]

    @Test func valuesComeBackExactly() {
        var builder = AttributeTableBuilder(columnCount: Self.values.count)
        for _ in 0..<3 {
            for (column, value) in Self.values.enumerated() { builder.append(value, column: column) }
            builder.finishRow()
        }
        let table = builder.build()
        #expect(table.rowCount == 3 && table.columnCount == Self.values.count)
        for row in 0..<3 {
            let read = Array(AttributeRow(table: table, row: row))
            #expect(read == Self.values)
            // −0.0 keeps its sign.
            if case .real(let zero) = read[3] { #expect(zero.sign == .minus) } else { Issue.record("not a real") }
        }
    }

    @Test func missingValuesAreNullAndColumnsCanBeAddedLate() {
        var builder = AttributeTableBuilder(columnCount: 1)
        builder.appendInteger(1, column: 0)
        builder.finishRow()
        builder.addColumn()
        builder.appendText("late", column: 1)
        builder.finishRow()
        builder.finishRow()
        let table = builder.build()
        #expect(Array(AttributeRow(table: table, row: 0)) == [.integer(1), .null])
        #expect(Array(AttributeRow(table: table, row: 1)) == [.null, .string("late")])
        #expect(Array(AttributeRow(table: table, row: 2)) == [.null, .null])
    }

    @Test func repeatedLongTextIsStoredOnce() {
        var builder = AttributeTableBuilder(columnCount: 1)
        for _ in 0..<100 {
            builder.appendText("浒山街道浒山街道", column: 0)
            builder.finishRow()
        }
        #expect(builder.textByteCount == "浒山街道浒山街道".utf8.count)
        #expect(AttributeRow(table: builder.build(), row: 99).first == .string("浒山街道浒山街道"))
    }

    @Test func reorderedColumnsShareValuesAndCanReadNumbersAsReals() {
        var builder = AttributeTableBuilder(columnCount: 2)
        builder.appendInteger(3, column: 0)
        builder.appendBoolean(true, column: 1)
        builder.finishRow()
        let table = builder.build()
        let reordered = table.reordered([1, nil, 0], numbersAsReal: [false, false, true])
        #expect(Array(AttributeRow(table: reordered, row: 0)) == [.integer(1), .null, .real(3)])
    }

    @Test func rowsAppendAndCompare() {
        var row: AttributeRow = [.string("a"), .integer(1)]
        row += [.null, .real(2)]
        #expect(Array(row) == [.string("a"), .integer(1), .null, .real(2)])
        #expect(row.last == .real(2))
        #expect(row == AttributeRow([.string("a"), .integer(1), .null, .real(2)]))
        #expect(row != AttributeRow([.string("a")]))
        #expect(MemoryLayout<AttributeRow>.size <= 16, "a parcel pays two words for its attributes")
    }

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
        let folder = try GDALTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(driver == "GPKG" ? "layer.gpkg" : driver == "GeoJSON" ? "layer.geojson" : "layer.shp").path
        let writer = try VectorDatasetWriter(path: path, driver: driver)
        let layer = try writer.createLayer(
            name: "layer", crs: "EPSG:4549", geometryType: .polygon,
            fields: [FieldDefinition(name: "名称", type: .string), FieldDefinition(name: "n", type: .integer), FieldDefinition(name: "x", type: .real)])
        try writer.inTransaction {
            for index in 0..<250 {
                let wkb = index % 17 == 0 ? nil : try Geometry(wkt: "POLYGON ((\(index) 0, \(index + 1) 0, \(index + 1) 1, \(index) 0))").wkb()
                try layer.write(values: [index % 5 == 0 ? .null : .string("第\(index)号宗地"), .integer(Int64(index)), .real(Double(index) / 3)], wkb: wkb)
            }
        }
        try writer.close()
        let dataset = try VectorDataset(path: path)
        let read = try #require(dataset.layer(at: 0))
        let expected = try read.readAll()
        var chunks: [FeatureChunk] = []
        try read.readChunks(featuresPerChunk: 64) { chunks.append($0) }
        #expect(chunks.map(\.count) == [64, 64, 64, 58])
        let rows = chunks.flatMap { chunk in (0..<chunk.count).map { (chunk.fids[$0], Array(chunk.attributes($0)), chunk.wkb($0)) } }
        #expect(rows.map(\.0) == expected.map(\.fid))
        #expect(rows.map(\.1) == expected.map(\.values))
        #expect(rows.map(\.2) == expected.map(\.wkb))
    }
}
