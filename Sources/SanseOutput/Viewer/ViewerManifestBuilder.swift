import GeoKit
import SanseModel

/// Fills in `ViewerManifest` from a run's content and what the data scripts covered.
struct ViewerManifestBuilder {
    let content: OutputContent
    let towns: ViewerTowns
    let web: WebCRS
    let origin: MicrodegreePoint

    /// - Parameters:
    ///   - blockExtent: the blocks' extent in microdegrees: what the page fits at first.
    ///   - townExtents: each town's parcels' extent, by position in `towns`.
    func build(blockExtent: Envelope?, townExtents: [Envelope?]) throws -> ViewerManifest {
        let config = content.config
        let subtitle = [config.surveyName, content.surveyDate].compactMap { $0 }.joined(separator: " · ")
        let everything = townExtents.compactMap { $0 }.reduce(blockExtent) { sum, box in
            sum.map { $0.union(box) } ?? box
        }
        return ViewerManifest(
            title: "老旧工业区块“三色”图", subtitle: subtitle,
            sourceNote: "数据来源：\(content.parcelsSourceName) 等；sanse \(SanseVersion.current) 生成",
            crs: web.rawValue, systems: content.webSystems.map(\.rawValue), origin: [origin.x, origin.y],
            extent: Self.integers(blockExtent ?? everything) ?? [], deepestZoom: ViewerGeometryEncoder.deepestZoom,
            categories: ViewerStyle.manifestCategories, lineStatuses: ViewerStyle.manifestLineStatuses,
            towns: towns.towns.enumerated().map { position, town in
                ViewerManifest.Town(
                    name: town.name, file: ViewerTowns.parcelsFile(position), parcels: town.parcels.count,
                    blocks: town.blocks, extent: townExtents[position].flatMap(Self.integers))
            },
            layers: ViewerStyle.layers, popups: ["blocks": ViewerStyle.blockPopup, "parcels": ViewerStyle.parcelPopup],
            searchFile: ViewerSearchIndex.file, baseMap: baseMap,
            parcelCount: content.survey.parcels.count, blockCount: content.analysis.blocks.count)
    }

    private var baseMap: ViewerManifest.BaseMap? {
        let viewer = content.config.viewer
        return viewer.baseMapURL.map {
            .init(
                url: $0, crs: viewer.baseMapSystem, attribution: viewer.baseMapAttribution ?? "",
                subdomains: viewer.baseMapSubdomains ?? "")
        }
    }

    private static func integers(_ box: Envelope?) -> [Int]? {
        box.map { [Int($0.minX), Int($0.minY), Int($0.maxX), Int($0.maxY)] }
    }
}
