import Foundation
import GeoKit
import Testing

@testable import SanseOutput

@Suite("GeoPackage", .serialized)
struct GeoPackageExportTests {
    @Test func geoPackageOpensInQGISColoured() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let dataset = try VectorDataset(path: folder.appendingPathComponent("sanse.gpkg").path)
        #expect(Set(dataset.layerNames) == ["blocks", "outlines", "parcels", "control_lines", "layer_styles"])
        #expect(dataset.layer(named: "blocks")?.featureCount == report.analysis.blocks.count)
        #expect(dataset.layer(named: "blocks")?.spatialReference?.identifier == "EPSG:4549")
        let styles = try dataset.layer(named: "layer_styles")!.readAll()
        let fields = dataset.layer(named: "layer_styles")!.fields.map(\.name)
        let table = fields.firstIndex(of: "f_table_name")!, qml = fields.firstIndex(of: "styleQML")!,
            isDefault = fields.firstIndex(of: "useAsDefault")!
        #expect(
            Set(styles.map { $0.values[table] }) == [
                .string("blocks"), .string("outlines"), .string("parcels"), .string("control_lines"),
            ])
        let blockStyle = try #require(styles.first { $0.values[table] == .string("blocks") })
        guard case .string(let text) = blockStyle.values[qml] else {
            Issue.record("no QML")
            return
        }
        #expect(text.contains("categorizedSymbol") && text.contains("attr=\"category\""))
        #expect(text.contains("43,108,176") && text.contains("保留提升"), "the blue of 保留提升")
        #expect(blockStyle.values[isDefault] == .integer(1))
    }

    @Test func theGeoPackageHasGDALsRowsAndAWorkingIndex() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let path = folder.appendingPathComponent("sanse.gpkg").path
        let database = try SQLiteDatabase(path: path)
        for table in ["blocks", "outlines", "parcels", "control_lines"] {
            #expect(try database.rows("SELECT rtreecheck('rtree_\(table)_geom')") == [["ok"]])
            let extensions = "SELECT count(*) FROM gpkg_extensions WHERE table_name = '\(table)'"
            #expect(try database.rows(extensions + " AND extension_name = 'gpkg_rtree_index'") == [["1"]])
            #expect(
                try database.rows("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '\(table)'")
                    == [["8"]])
        }
        #expect(
            try database.rows("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'parcels'") == [
                [String(report.survey.parcels.count)]
            ])
        try database.close()
        // GDAL reads every feature back, and its spatial filter (through the R-tree) agrees
        // with the geometries.
        let dataset = try VectorDataset(path: path)
        let parcels = try #require(dataset.layer(named: "parcels"))
        let features = try parcels.readAll()
        #expect(features.count == report.survey.parcels.count)
        for (feature, parcel) in zip(features, report.survey.parcels) {
            let geometry = try Geometry(wkb: try #require(feature.wkb))
            #expect(try geometry.equalsTopologically(parcel.geometry()))
        }
    }

    @Test func aSurveyWithDatesIsWrittenThroughGDAL() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        var survey = report.survey
        survey.parcelFields.append(FieldDefinition(name: "调查日期", type: .date))
        for index in survey.parcels.indices {
            let dated = Array(survey.parcels[index].sourceValues) + [.string("2024/01/\(10 + index)")]
            survey.parcels[index].sourceValues = AttributeRow(dated)
        }
        let path = folder.appendingPathComponent("dated.gpkg").path
        try GeoPackageExport.write(to: path, survey: survey, analysis: report.analysis)
        let dataset = try VectorDataset(path: path)
        let parcels = try #require(dataset.layer(named: "parcels"))
        let column = try #require(parcels.fields.firstIndex { $0.name == "调查日期" })
        #expect(parcels.fields[column].type == .date)
        let features = try parcels.readAll()
        #expect(features.count == survey.parcels.count)
        #expect(features.first?.values[column] == .string("2024/01/10"))
        let database = try SQLiteDatabase(path: path)
        #expect(try database.rows("SELECT rtreecheck('rtree_parcels_geom')") == [["ok"]])
        try database.close()
    }
}
