import Foundation
import GeoKit

/// The printed maps: map.svg for the whole survey and map-<镇街>.svg for each town with blocks.
enum MapFiles {
    /// The county map is drawn wider so that more block labels fit.
    static let countyWidth = 2400.0
    static let townWidth = 1600.0

    static func write(survey: Survey, analysis: AnalysisResult, request: RunRequest, folder: OutputFolder) throws -> [String] {
        let date = request.config.surveyDate ?? inputDate(request.inputs)
        let subtitle = [request.config.surveyName, date].compactMap { $0 }.joined(separator: " · ")
        let parcels = DatasetName.publicForm(request.inputs.parcels.path)
        let sourceFile = URL(fileURLWithPath: parcels).lastPathComponent
        let source = "数据来源：\(sourceFile) 等；sanse \(SanseVersion.current) 生成"
        var written: [String] = []
        let county = SVGMapOptions(subtitle: subtitle, sourceNote: source, widthPixels: countyWidth)
        try SVGMap.write(to: folder.path("map.svg"), survey: survey, analysis: analysis, options: county)
        written.append("map.svg")
        // The county map's layers and page were the largest transient of the run.
        FreedMemory.returnToSystem()
        guard !survey.towns.isEmpty else { return written }
        // One town map per worker at a time, the most blocks first: a town's map is too small
        // to keep two workers busy on its own, and drawn one by one the town maps left a core
        // idle for seconds at a million parcels.
        var blocksInTown: [String: Int] = [:]
        for block in analysis.blocks { if let town = block.town { blocksInTown[town, default: 0] += 1 } }
        var seen = Set(written)
        let towns = survey.towns.map(\.name).filter { blocksInTown[$0] != nil && seen.insert(fileName($0)).inserted }
        let order = towns.indices.sorted { (blocksInTown[towns[$0]]!, $1) > (blocksInTown[towns[$1]]!, $0) }
        let paths = towns.map { folder.path(fileName($0)) }
        _ = try Parallel.map(order: order, workers: request.workers, worker: {}) { _, number in
            let town = towns[number]
            var options = county
            options.title = "\(town)老旧工业区块“三色”图"
            options.town = town
            options.widthPixels = townWidth
            try SVGMap.write(to: paths[number], survey: survey, analysis: analysis, options: options, workers: 1)
        }
        written += towns.map(fileName)
        return written
    }

    static func fileName(_ town: String) -> String {
        "map-" + town.map { "/\\:*?\"<>|".contains($0) ? "_" : String($0) }.joined() + ".svg"
    }

    /// The newest input file's month, e.g. 2026年11月: the same inputs give the same title.
    static func inputDate(_ inputs: SurveyInputs) -> String? {
        let paths = [inputs.parcels.path, inputs.controlLines.path, inputs.towns?.path, inputs.attributes?.path].compactMap { $0 }
        let dates = paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        guard let newest = dates.max() else { return nil }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: newest)
        return "\(parts.year!)年\(parts.month!)月"
    }
}
