import GeoKit
import SanseModel

/// A GeoPackage of blocks, outlines, parcels and control lines in the analysis CRS, for GIS
/// users, with the 三色 style stored as each layer's QGIS default (the `layer_styles` table) so
/// QGIS opens it coloured.
///
/// GDAL makes the file: its metadata tables, the CRS, the four (empty) layers and the styles.
/// The rows and the spatial indexes are then written straight through SQLite
/// (`GeoPackageTable`), many times faster than feature by feature through GDAL.
enum GeoPackageExport {
    static let product = OutputProduct(
        stage: "write geopackage", ownThread: true,
        files: { _ in ["sanse.gpkg"] },
        write: { content, folder in try write(to: folder.path("sanse.gpkg"), survey: content.survey, analysis: content.analysis) })

    static func write(to path: String, survey: Survey, analysis: AnalysisResult) throws {
        let crs = survey.analysisCRS.definition
        let blockFields = [
            FieldDefinition(name: "block_id", type: .string), FieldDefinition(name: "town", type: .string),
            FieldDefinition(name: "category", type: .string), FieldDefinition(name: "category_zh", type: .string),
            FieldDefinition(name: "reasons", type: .string), FieldDefinition(name: "parcel_count", type: .integer),
            FieldDefinition(name: "land_m2", type: .real), FieldDefinition(name: "land_ha", type: .real),
            FieldDefinition(name: "land_mu", type: .real), FieldDefinition(name: "outline_m2", type: .real),
            FieldDefinition(name: "inside_share", type: .real), FieldDefinition(name: "line_status", type: .string),
            FieldDefinition(name: "cd_share", type: .real), FieldDefinition(name: "far", type: .real),
            FieldDefinition(name: "tax_per_mu", type: .real), FieldDefinition(name: "is_cluster_10ha", type: .integer),
            FieldDefinition(name: "renovation_candidate", type: .integer),
        ]
        let outlineFields = [
            FieldDefinition(name: "block_id", type: .string), FieldDefinition(name: "category", type: .string),
            FieldDefinition(name: "outline_m2", type: .real), FieldDefinition(name: "land_mu", type: .real),
        ]
        let sourceNames = FeatureProperties.sourceNames(survey.parcelFields)
        let parcelFields = [
            FieldDefinition(name: "parcel_id", type: .string), FieldDefinition(name: "block_id", type: .string),
            FieldDefinition(name: "town", type: .string), FieldDefinition(name: "area_m2", type: .real),
            FieldDefinition(name: "area_mu", type: .real), FieldDefinition(name: "inside_share", type: .real),
            FieldDefinition(name: "line_status", type: .string), FieldDefinition(name: "distance_to_line_m", type: .real),
            FieldDefinition(name: "category", type: .string), FieldDefinition(name: "repaired", type: .integer),
        ] + zip(sourceNames, survey.parcelFields).map { FieldDefinition(name: $0, type: $1.type) }
        let controlFields = [FieldDefinition(name: "part", type: .integer), FieldDefinition(name: "area_m2", type: .real)]
        let layers: [(name: String, fields: [FieldDefinition])] = [
            ("blocks", blockFields), ("outlines", outlineFields), ("parcels", parcelFields), ("control_lines", controlFields),
        ]
        // Dates are stored as GDAL formats them; such surveys go through GDAL all the way.
        if parcelFields.contains(where: { $0.type == .date || $0.type == .dateTime }) {
            try writeThroughGDAL(to: path, crs: crs, layers: layers, survey: survey, analysis: analysis)
            return
        }

        let srsID = try createWithGDAL(path: path, crs: crs, layers: layers, spatialIndex: false) { _ in }
        let database = try SQLiteDatabase(path: path)
        // A failed run's file is thrown away with the staging folder: no journal needed.
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -4096; BEGIN")
        let blocks = analysis.blocks
        try GeoPackageTable(database: database, name: "blocks", srsID: srsID, fieldTypes: blockFields.map(\.type)).fill(count: blocks.count) { index in
            (FeatureProperties.block(blocks[index]).prefix(blockFields.count).map { fieldValue($0.1) }, blocks[index].land)
        }
        try GeoPackageTable(database: database, name: "outlines", srsID: srsID, fieldTypes: outlineFields.map(\.type)).fill(count: blocks.count) { index in
            let block = blocks[index]
            return ([.string(block.id), .string(block.category.rawValue), .real(block.outlineM2), .real(block.landMu)], block.outline)
        }
        let parcels = survey.parcels, results = analysis.parcels
        try GeoPackageTable(database: database, name: "parcels", srsID: srsID, fieldTypes: parcelFields.map(\.type)).fill(count: parcels.count) { index, row in
            // FeatureProperties.parcel's values without the list; source text bound from the table.
            let parcel = parcels[index], result = results[index]
            FeatureProperties.forEachOwnValue(parcel, result, blockID: blocks[result.blockIndex].id) { row.add(fieldValue($0)) }
            let values = parcel.sourceValues
            for column in values.indices { values.withValue(column) { (view: FieldValueView) in row.add(view) } }
            return parcel.shape
        }
        let control = analysis.controlArea.parts.enumerated().filter { !$0.element.isEmpty }
        try GeoPackageTable(database: database, name: "control_lines", srsID: srsID, fieldTypes: controlFields.map(\.type)).fill(count: control.count) { index in
            ([.integer(Int64(control[index].offset + 1)), .real(try control[index].element.area())], try FlatPolygons(control[index].element))
        }
        try database.execute("COMMIT")
        try database.close()
    }

    /// GDAL stamps "now" into gpkg_contents; a fixed stamp keeps re-runs byte-identical. Set once
    /// for the process and never cleared: the option is process-wide, and a writer clearing it
    /// would race another GeoPackage being written at the same time.
    private static let fixedTimestamp: Void = GDALConfiguration.set("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")

    /// Creates the GeoPackage with GDAL: metadata, CRS, the layers (empty; `rows` may fill
    /// them) and the styles. Returns the CRS's srs_id in the file.
    private static func createWithGDAL(
        path: String, crs: String, layers: [(name: String, fields: [FieldDefinition])], spatialIndex: Bool,
        rows: ([LayerWriter]) throws -> Void
    ) throws -> Int32 {
        _ = fixedTimestamp
        let writer = try VectorDatasetWriter(path: path, driver: "GPKG")
        let options = spatialIndex ? [] : ["SPATIAL_INDEX=NO"]
        let layerWriters = try layers.map { layer in
            try writer.createLayer(name: layer.name, crs: crs, geometryType: .multiPolygon, fields: layer.fields, options: options)
        }
        try writer.inTransaction { try rows(layerWriters) }
        try writeStyles(writer)
        try writer.close()
        let database = try SQLiteDatabase(path: path)
        let found = try database.rows("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'blocks'").first?.first
        try database.close()
        guard let text = found.flatMap({ $0 }), let srsID = Int32(text) else {
            throw OutputError(path: path, message: "GDAL wrote no CRS for the blocks layer")
        }
        return srsID
    }

    /// Every row through GDAL, feature by feature.
    private static func writeThroughGDAL(
        to path: String, crs: String, layers: [(name: String, fields: [FieldDefinition])], survey: Survey, analysis: AnalysisResult
    ) throws {
        let blockFieldCount = layers[0].fields.count
        _ = try createWithGDAL(path: path, crs: crs, layers: layers, spatialIndex: true) { writers in
            let (blocks, outlines, parcels, control) = (writers[0], writers[1], writers[2], writers[3])
            for block in analysis.blocks {
                let values: [FieldValue] = FeatureProperties.block(block).prefix(blockFieldCount).map { fieldValue($0.1) }
                try blocks.write(values: values, wkb: block.land.wkb(asMultiPolygon: true))
                try outlines.write(values: [.string(block.id), .string(block.category.rawValue), .real(block.outlineM2), .real(block.landMu)],
                                   wkb: block.outline.wkb(asMultiPolygon: true))
            }
            for (parcel, result) in zip(survey.parcels, analysis.parcels) {
                let own = FeatureProperties.parcel(parcel, result, blockID: analysis.blocks[result.blockIndex].id, sourceNames: [])
                try parcels.write(values: own.map { fieldValue($0.1) } + parcel.sourceValues, wkb: parcel.shape.wkb(asMultiPolygon: true))
            }
            for (index, part) in analysis.controlArea.parts.enumerated() where !part.isEmpty {
                try control.write(values: [.integer(Int64(index + 1)), .real(try part.area())], wkb: try multi(part).wkb())
            }
        }
    }

    private static func multi(_ geometry: Geometry) throws -> Geometry {
        geometry.type == .polygon ? try Geometry.collection(.multiPolygon, [geometry]) : geometry
    }

    private static func fieldValue(_ value: JSONValue) -> FieldValue {
        switch value {
        case .null: .null
        case .string(let text): .string(text)
        case .number(let number, _): .real(number)
        case .integer(let number): .integer(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        }
    }

    private static func writeStyles(_ writer: VectorDatasetWriter) throws {
        let styles = try writer.createLayer(name: "layer_styles", crs: nil, geometryType: nil, fields: [
            FieldDefinition(name: "f_table_catalog", type: .string), FieldDefinition(name: "f_table_schema", type: .string),
            FieldDefinition(name: "f_table_name", type: .string), FieldDefinition(name: "f_geometry_column", type: .string),
            FieldDefinition(name: "styleName", type: .string), FieldDefinition(name: "styleQML", type: .string),
            FieldDefinition(name: "styleSLD", type: .string), FieldDefinition(name: "useAsDefault", type: .integer),
            FieldDefinition(name: "description", type: .string), FieldDefinition(name: "owner", type: .string),
            FieldDefinition(name: "ui", type: .string), FieldDefinition(name: "update_time", type: .string),
        ])
        let layers: [(String, String)] = [
            ("blocks", QGISStyle.categorized(fillOpacity: 0.75, outlineWidth: 0.4, labelled: true)),
            ("outlines", QGISStyle.categorized(fillOpacity: 0, outlineWidth: 0.6, labelled: false)),
            ("parcels", QGISStyle.categorized(fillOpacity: 0.35, outlineWidth: 0.15, labelled: false)),
            ("control_lines", QGISStyle.dashedOutline()),
        ]
        try writer.inTransaction {
            for (table, qml) in layers {
                try styles.write(values: [
                    .string(""), .string(""), .string(table), .string("geom"), .string("三色 \(table)"), .string(qml), .string(""),
                    .integer(1), .string("sanse 三色 style"), .string(""), .null, .string("2000-01-01T00:00:00.000Z"),
                ], wkb: nil)
            }
        }
    }
}
