import Foundation
import GeoKit
import SanseModel

/// The viewer's data in one lon/lat system: `county.js` (the manifest), the county layers
/// (blocks, outlines, control lines, town boundaries) and one parcels script per town, in
/// `web/data/` (WGS 84) or `web/data-gcj02/`.
struct ViewerDataFiles {
    let content: OutputContent
    let towns: ViewerTowns
    let web: WebCRS
    let origin: MicrodegreePoint

    static func folder(_ web: WebCRS) -> String { web == .wgs84 ? "web/data" : "web/data-\(web.rawValue)" }

    static let manifestFile = "county.js"
    static let countyLayerFiles = ["blocks.js", "block-details.js", "outlines.js", "control-lines.js", "towns.js"]

    static func fileNames(_ web: WebCRS, towns: ViewerTowns) -> [String] {
        ([manifestFile] + countyLayerFiles + towns.towns.indices.map(ViewerTowns.parcelsFile)).map {
            folder(web) + "/" + $0
        }
    }

    private var projection: ViewerLayerScript.Projection {
        .init(analysisCRS: content.survey.analysisCRS.definition, webCRS: web, origin: origin)
    }

    func write(to folder: OutputFolder) throws {
        let base = Self.folder(web)
        try FileManager.default.createDirectory(
            atPath: folder.path(base + "/parcels"), withIntermediateDirectories: true)
        let blocks = try blocksScript()
        try ViewerFile.write(blocks.bytes, to: folder.path(base + "/blocks.js"))
        try ViewerFile.write(try blockDetailsScript().bytes, to: folder.path(base + "/block-details.js"))
        try ViewerFile.write(try outlinesScript().bytes, to: folder.path(base + "/outlines.js"))
        try ViewerFile.write(try controlLinesScript().bytes, to: folder.path(base + "/control-lines.js"))
        try ViewerFile.write(try townBoundariesScript().bytes, to: folder.path(base + "/towns.js"))
        let extents = try writeParcelScripts(to: folder)
        let manifest = ViewerManifestBuilder(content: content, towns: towns, web: web, origin: origin)
        let county = try manifest.build(blockExtent: blocks.extent, townExtents: extents)
        try ViewerFile.write(try county.script(), to: folder.path(base + "/" + Self.manifestFile))
    }

    /// What the county view draws and counts: ids, towns, colours, 亩.
    private func blocksScript() throws -> ViewerLayerScript.Script {
        let blocks = content.analysis.blocks
        let townOfBlock = towns.townOfBlock
        typealias Column = ViewerLayerScript.Column
        let columns: [Column] = [
            .text("id") { blocks[$0].id },
            .index("town") { townOfBlock[$0] },
            .index("category") { ViewerStyle.categoryIndex(blocks[$0].category) },
            .number("land_mu", decimals: 2) { blocks[$0].landMu },
        ]
        return try ViewerLayerScript.make(
            name: "blocks", count: blocks.count, columns: columns, projection: projection, workers: content.workers
        ) { blocks[$0].land }
    }

    /// The rest of the blocks' popups, in block order, without geometry.
    private func blockDetailsScript() throws -> ViewerLayerScript.Script {
        let blocks = content.analysis.blocks
        var reasons: [String] = []
        var reasonIndex: [String: Int] = [:]
        let reasonOfBlock = blocks.map { block in
            if let index = reasonIndex[block.reasons] { return index }
            reasonIndex[block.reasons] = reasons.count
            reasons.append(block.reasons)
            return reasons.count - 1
        }
        typealias Column = ViewerLayerScript.Column
        let columns: [Column] = [
            .number("inside_share", decimals: 4) { blocks[$0].insideShare },
            .index("line_status") { ViewerStyle.lineStatusIndex(blocks[$0].lineStatus) },
            .index("reason") { reasonOfBlock[$0] },
            .index("parcel_count") { blocks[$0].parcelIndices.count },
            .number("far", decimals: 2) { blocks[$0].far },
            .number("tax_per_mu", decimals: 2) { blocks[$0].taxPerMu },
            .number("cd_share", decimals: 4) { blocks[$0].cdShare },
            .flag("is_cluster_10ha") { blocks[$0].isCluster10ha },
            .flag("renovation_candidate") { blocks[$0].renovationCandidate },
        ]
        return try ViewerLayerScript.make(
            name: "blocks:details", count: blocks.count, columns: columns, tables: [("reason", reasons)],
            projection: projection, workers: content.workers
        ) { _ in nil }
    }

    /// In block order: the page takes their colours and popups from the blocks.
    private func outlinesScript() throws -> ViewerLayerScript.Script {
        let blocks = content.analysis.blocks
        return try ViewerLayerScript.make(
            name: "outlines", count: blocks.count, columns: [], projection: projection, workers: content.workers
        ) { blocks[$0].outline }
    }

    private func controlLinesScript() throws -> ViewerLayerScript.Script {
        let parts = try content.analysis.controlArea.parts.filter { !$0.isEmpty }.map { try FlatPolygons($0) }
        return try ViewerLayerScript.make(
            name: "control-lines", count: parts.count, columns: [], projection: projection, workers: content.workers
        ) { parts[$0] }
    }

    private func townBoundariesScript() throws -> ViewerLayerScript.Script {
        let drawn = content.survey.towns.filter { $0.geometry.map { !$0.isEmpty } ?? false }
        let names = drawn.map(\.name)
        let shapes = try drawn.map { try FlatPolygons($0.geometry!) }
        return try ViewerLayerScript.make(
            name: "towns", count: shapes.count, columns: [.text("name") { names[$0] }], projection: projection,
            workers: content.workers
        ) { shapes[$0] }
    }

    /// One script per town, the towns handed to the workers biggest first; each town's script
    /// is made on one worker. Returns each town's extent.
    private func writeParcelScripts(to folder: OutputFolder) throws -> [Envelope?] {
        let survey = content.survey, analysis = content.analysis, towns = towns.towns
        let base = Self.folder(web), projection = projection
        let order = towns.indices.sorted { (towns[$0].parcels.count, $1) > (towns[$1].parcels.count, $0) }
        return try Parallel.map(order: order, workers: content.workers, worker: {}) { _, position in
            let parcels = towns[position].parcels
            var enterprises: [String] = []
            var enterpriseIndex: [String: Int] = [:]
            let enterpriseOfParcel = parcels.map { index -> Int in
                guard let name = survey.enterprise(of: survey.parcels[index]) else { return -1 }
                if let known = enterpriseIndex[name] { return known }
                enterpriseIndex[name] = enterprises.count
                enterprises.append(name)
                return enterprises.count - 1
            }
            typealias Column = ViewerLayerScript.Column
            let columns: [Column] = [
                .text("id") { survey.parcels[parcels[$0]].id },
                .index("enterprise") { enterpriseOfParcel[$0] },
                .number("area_mu", decimals: 2) { analysis.parcels[parcels[$0]].areaMu },
                .number("far", decimals: 2) { survey.parcels[parcels[$0]].far },
                .text("grade") { survey.parcels[parcels[$0]].grade?.rawValue },
                .index("line_status") { ViewerStyle.lineStatusIndex(analysis.parcels[parcels[$0]].lineStatus) },
                .number("inside_share", decimals: 4) { analysis.parcels[parcels[$0]].insideShare },
                .number("distance_m", decimals: 1) { analysis.parcels[parcels[$0]].distanceToLineM },
                .index("block") { analysis.parcels[parcels[$0]].blockIndex },
                .index("category") { ViewerStyle.categoryIndex(analysis.parcels[parcels[$0]].category) },
            ]
            let script = try ViewerLayerScript.make(
                name: "parcels:\(position)", count: parcels.count, columns: columns,
                tables: [("enterprise", enterprises)],
                projection: projection, workers: 1
            ) { survey.parcels[parcels[$0]].shape }
            try ViewerFile.write(script.bytes, to: folder.path(base + "/" + ViewerTowns.parcelsFile(position)))
            return script.extent
        }
    }
}
