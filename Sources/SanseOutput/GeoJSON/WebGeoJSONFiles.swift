import GeoKit
import SanseModel

/// The web GeoJSON: blocks, outlines, parcels and control lines, in WGS 84 and in each extra
/// lon/lat system asked for (`blocks.gcj02.geojson` …).
enum WebGeoJSONFiles {
    static let layers = ["blocks", "outlines", "parcels", "control-lines"]

    static let product = OutputProduct(
        stage: "write geojson", ownThread: false,
        files: { content in content.webSystems.flatMap(fileNames) },
        write: { content, folder in
            for web in content.webSystems { try write(content, web: web, folder: folder) }
        })

    /// `blocks.geojson` … for WGS 84, `blocks.gcj02.geojson` … for the others.
    static func fileNames(_ web: WebCRS) -> [String] {
        let suffix = web == .wgs84 ? "geojson" : "\(web.rawValue).geojson"
        return layers.map { "\($0).\(suffix)" }
    }

    private static func write(_ content: OutputContent, web: WebCRS, folder: OutputFolder) throws {
        let survey = content.survey, analysis = content.analysis, workers = content.workers
        let crs = survey.analysisCRS.definition
        let blocks = analysis.blocks, parcels = survey.parcels
        let paths = fileNames(web).map(folder.path)
        try WebGeoJSONWriter.write(to: paths[0], count: blocks.count, analysisCRS: crs, webCRS: web, workers: workers) { index in
            (FeatureProperties.block(blocks[index]), blocks[index].land)
        }
        try WebGeoJSONWriter.write(to: paths[1], count: blocks.count, analysisCRS: crs, webCRS: web, workers: workers) { index in
            (FeatureProperties.outline(blocks[index]), blocks[index].outline)
        }
        let results = analysis.parcels
        let keys = FeatureProperties.parcelKeyTexts(sourceNames: FeatureProperties.sourceNames(survey.parcelFields))
        try WebGeoJSONWriter.write(to: paths[2], count: parcels.count, analysisCRS: crs, webCRS: web, workers: workers) { index, out in
            let result = results[index]
            FeatureProperties.appendParcel(parcels[index], result, blockID: blocks[result.blockIndex].id, keys: keys, to: &out)
            return parcels[index].shape
        }
        let control = analysis.controlArea.parts.filter { !$0.isEmpty }
        try WebGeoJSONWriter.write(to: paths[3], count: control.count, analysisCRS: crs, webCRS: web, workers: 1) { index in
            ([("part", .integer(Int64(index + 1))), ("area_m2", .number((try? control[index].area()) ?? 0, decimals: 2)),
              ("stroke", .string("#8e24aa")), ("fill-opacity", .number(0, decimals: 0)), ("title", .string("工业控制线"))],
             try FlatPolygons(control[index]))
        }
    }
}
