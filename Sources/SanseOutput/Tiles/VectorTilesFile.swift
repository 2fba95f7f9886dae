import GeoKit
import SanseModel

/// `tiles.mbtiles` (`--tiles`): Mapbox Vector Tiles in an MBTiles file, for county platforms,
/// GeoServer and tile servers, which ingest tiles rather than one huge GeoJSON. GDAL's MVT
/// driver cuts them (reprojecting to Web Mercator); the layers carry the GeoJSON's properties.
enum VectorTilesFile {
    static let fileName = "tiles.mbtiles"

    static let product = OutputProduct(
        stage: "write tiles", ownThread: true,
        files: { _ in [fileName] },
        write: { content, folder in try write(content, to: folder.path(fileName)) },
        isWanted: { $0.vectorTiles })

    /// Each layer's zooms: the county from zoom 8 (towns from 6, for orientation), parcels
    /// at street level (14, a parcel some 5–30 pixels across). Beyond 14 a client over-zooms
    /// the level-14 tiles, as with tippecanoe's default: their 4096 units are ~0.5 m at 30° N,
    /// a pixel at zoom 18. Each deeper level would take GDAL four times the tiles (16 took
    /// 3 minutes at 100 000 parcels, the town polygons alone filling tens of thousands).
    static let zooms: [(layer: String, range: ClosedRange<Int>)] = [
        ("towns", 6...14), ("control_lines", 8...14), ("zones", 8...14), ("outlines", 10...14), ("blocks", 8...14),
        ("parcels", 14...14),
    ]

    static func write(_ content: OutputContent, to path: String) throws {
        let survey = content.survey, analysis = content.analysis
        let crs = survey.analysisCRS.definition
        let minimum = zooms.map(\.range.lowerBound).min()!, maximum = zooms.map(\.range.upperBound).max()!
        let writer = try VectorDatasetWriter(
            path: path, driver: "MVT",
            options: [
                "FORMAT=MBTILES", "MINZOOM=\(minimum)", "MAXZOOM=\(maximum)", "TYPE=overlay",
                "NAME=\(content.config.surveyName) 三色",
                "DESCRIPTION=sanse \(SanseVersion.current): 老旧工业区块三色 blocks, parcels",
            ])
        var layers: [String: LayerWriter] = [:]
        func layer(_ name: String, _ fields: [FieldDefinition]) throws -> LayerWriter {
            let range = zooms.first { $0.layer == name }!.range
            let created = try writer.createLayer(
                name: name, crs: crs, geometryType: .multiPolygon, fields: fields,
                options: ["MINZOOM=\(range.lowerBound)", "MAXZOOM=\(range.upperBound)"])
            layers[name] = created
            return created
        }
        let blocks = analysis.blocks
        if let first = blocks.first {
            let blockLayer = try layer(
                "blocks",
                TileFields.definitions(FeatureProperties.block(first), among: blocks.map(FeatureProperties.block)))
            let outlineLayer = try layer(
                "outlines",
                TileFields.definitions(FeatureProperties.outline(first), among: blocks.map(FeatureProperties.outline)))
            for block in blocks {
                try blockLayer.write(
                    values: FeatureProperties.block(block).map { TileFields.value($0.1) }, wkb: block.land.wkb())
                try outlineLayer.write(
                    values: FeatureProperties.outline(block).map { TileFields.value($0.1) }, wkb: block.outline.wkb())
            }
        }
        try writeParcels(try layer("parcels", TileFields.parcelDefinitions(survey)), survey: survey, analysis: analysis)
        let control = try layer(
            "control_lines",
            [FieldDefinition(name: "part", type: .integer), FieldDefinition(name: "area_m2", type: .real)])
        for (index, part) in analysis.controlArea.parts.enumerated() where !part.isEmpty {
            try control.write(values: [.integer(Int64(index + 1)), .real(try part.area())], wkb: try part.wkb())
        }
        let towns = try layer(
            "towns", [FieldDefinition(name: "name", type: .string), FieldDefinition(name: "size_class", type: .string)])
        for town in survey.towns {
            guard let geometry = town.geometry, !geometry.isEmpty else { continue }
            try towns.write(values: [.string(town.name), .string(town.sizeClass.chinese)], wkb: try geometry.wkb())
        }
        // Zones come with the work plan (another issue). GDAL writes no layer without
        // features, so this one appears in the tiles once zones are written into it.
        _ = try layer(
            "zones", [FieldDefinition(name: "zone_id", type: .string), FieldDefinition(name: "name", type: .string)])
        try writer.close()
    }

    private static func writeParcels(_ layer: LayerWriter, survey: Survey, analysis: AnalysisResult) throws {
        let blocks = analysis.blocks
        for (parcel, result) in zip(survey.parcels, analysis.parcels) {
            var values: [FieldValue] = []
            FeatureProperties.forEachOwnValue(parcel, result, blockID: blocks[result.blockIndex].id) {
                values.append(TileFields.value($0))
            }
            try layer.write(values: values + parcel.sourceValues, wkb: parcel.shape.wkb())
        }
    }
}
