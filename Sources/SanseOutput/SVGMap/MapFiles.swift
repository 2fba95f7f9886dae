import Foundation
import GeoKit
import SanseModel

/// The printed maps: map.svg for the whole survey and map-<镇街>.svg for each town with blocks.
enum MapFiles {
    /// The county map is drawn wider so that more block labels fit.
    static let countyWidth = 2400.0
    static let townWidth = 1600.0

    static let product = OutputProduct(
        stage: "write maps", ownThread: false,
        files: { content in ["map.svg"] + townsDrawn(content.survey, content.analysis).map(fileName) },
        write: write)

    private static func write(_ content: OutputContent, folder: OutputFolder) throws {
        let survey = content.survey, analysis = content.analysis
        let subtitle = [content.config.surveyName, content.surveyDate].compactMap { $0 }.joined(separator: " · ")
        let source = "数据来源：\(content.parcelsSourceName) 等；sanse \(SanseVersion.current) 生成"
        let county = SVGMapOptions(subtitle: subtitle, sourceNote: source, widthPixels: countyWidth)
        try SVGMap.write(to: folder.path("map.svg"), survey: survey, analysis: analysis, options: county)
        // The county map's layers and page are the largest transient of the run.
        FreedMemory.returnToSystem()
        // One town map per worker at a time, the most blocks first: a town's map is too small
        // to keep two workers busy on its own.
        let towns = townsDrawn(survey, analysis)
        var blocksInTown: [String: Int] = [:]
        for block in analysis.blocks { if let town = block.town { blocksInTown[town, default: 0] += 1 } }
        let order = towns.indices.sorted { (blocksInTown[towns[$0]]!, $1) > (blocksInTown[towns[$1]]!, $0) }
        let paths = towns.map { folder.path(fileName($0)) }
        _ = try Parallel.map(order: order, workers: content.workers, worker: {}) { _, number in
            let town = towns[number]
            var options = county
            options.title = "\(town)老旧工业区块“三色”图"
            options.town = town
            options.widthPixels = townWidth
            try SVGMap.write(to: paths[number], survey: survey, analysis: analysis, options: options, workers: 1)
        }
    }

    /// The towns that get a map of their own: those of the towns layer with blocks, in its
    /// order, one per file name.
    static func townsDrawn(_ survey: Survey, _ analysis: AnalysisResult) -> [String] {
        guard !survey.towns.isEmpty else { return [] }
        let withBlocks = Set(analysis.blocks.compactMap(\.town))
        var seen: Set = ["map.svg"]
        return survey.towns.map(\.name).filter { withBlocks.contains($0) && seen.insert(fileName($0)).inserted }
    }

    static func fileName(_ town: String) -> String {
        "map-" + town.map { "/\\:*?\"<>|".contains($0) ? "_" : String($0) }.joined() + ".svg"
    }
}
