import GeoKit
import SanseModel

/// CSV and Markdown tables: the town-by-town summary, the issues, and every block and parcel
/// figure at full precision (for Excel and for cross-checking).
package enum Tables {
    /// Excel only reads UTF-8 CSV as UTF-8 when it starts with a byte-order mark.
    package static let byteOrderMark = "\u{FEFF}"

    package static func csvRow(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",") + "\r\n"
    }

    /// Shortest text that reads back as the same double.
    static func exact(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }

    /// Always `decimals` places, as tables print them (1071.0, not 1071).
    package static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static let summaryHeader = [
        "镇街", "规模", "区块数", "用地面积(亩)",
        "保留提升(个)", "保留提升(亩)", "更新转型(个)", "更新转型(亩)", "腾挪退出(个)", "腾挪退出(亩)",
        "10公顷以上区块(个)", "整体改造候选(个)", "宗地数", "企业数", "C/D类用地(亩)",
    ]

    static func summaryCells(_ row: TownStatistics) -> [String] {
        var cells = [row.town, row.sizeClass?.chinese ?? "", String(row.blocks), fixed(row.landMu, 1)]
        for category in Category.allCases {
            cells += [String(row.blocksByCategory[category] ?? 0), fixed(row.muByCategory[category] ?? 0, 1)]
        }
        cells += [String(row.clusters10ha), String(row.renovationCandidates), String(row.parcels), String(row.enterprises), fixed(row.cdLandMu, 1)]
        return cells
    }

    static func summaryCSV(_ towns: [TownStatistics]) -> String {
        byteOrderMark + csvRow(summaryHeader) + towns.map { csvRow(summaryCells($0)) }.joined()
    }

    static func summaryMarkdown(_ towns: [TownStatistics], title: String, notes: [String]) -> String {
        var text = "# \(title)\n\n"
        for note in notes { text += "- \(note)\n" }
        text += "\n| " + summaryHeader.joined(separator: " | ") + " |\n"
        text += "|" + summaryHeader.indices.map { $0 < 2 ? "---" : "---:" }.joined(separator: "|") + "|\n"
        for row in towns {
            var cells = summaryCells(row)
            if row.town == TownStatistics.totalName { cells = cells.map { $0.isEmpty ? $0 : "**\($0)**" } }
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    static func issuesCSV(_ issues: [SurveyIssue]) -> String {
        byteOrderMark + csvRow(["layer", "feature_id", "kind", "severity", "message_zh", "message_en"])
            + issues.map { csvRow([$0.layer, $0.featureID ?? "", $0.kind.rawValue, $0.severity.rawValue, $0.messageZH, $0.messageEN]) }.joined()
    }

    static let blocksHeader = [
        "block_id", "town", "town_class", "category", "category_zh", "parcel_count", "land_m2", "land_ha", "land_mu",
        "outline_m2", "inside_share", "line_status", "cd_share", "far", "tax_per_mu", "is_cluster_10ha",
        "renovation_candidate", "touching_joins", "gap_joins", "widest_gap_m", "parcel_ids", "reasons",
    ]

    /// blocks.csv, one row per block, built on every worker and written in order.
    static func writeBlocksCSV(to path: String, _ blocks: [Block], parcels: [Parcel], workers: Int) throws {
        try ChunkedFile.write(to: path, count: blocks.count, workers: workers, minimumChunk: 200,
                              head: Array((byteOrderMark + csvRow(blocksHeader)).utf8)) { indices, out in
            var row = CSVRow(out: out)
            defer { out = row.out }
            for block in blocks[indices] {
                row.text(block.id); row.text(block.town ?? ""); row.text(block.townClass.rawValue); row.text(block.category.rawValue)
                row.text(block.category.chinese); row.integer(block.parcelIndices.count); row.exact(block.landM2); row.exact(block.landHa)
                row.exact(block.landMu); row.exact(block.outlineM2); row.exact(block.insideShare); row.text(block.lineStatus.rawValue)
                row.exact(block.cdShare); row.exact(block.far); row.exact(block.taxPerMu); row.flag(block.isCluster10ha)
                row.flag(block.renovationCandidate); row.integer(block.touchingJoins); row.integer(block.gapJoins); row.exact(block.widestGapM)
                row.text(block.parcelIndices.map { parcels[$0].id }.joined(separator: ";")); row.text(block.reasons)
                row.end()
            }
        }
    }

    /// parcels.csv, one row per parcel, built on every worker and written in order.
    static func writeParcelsCSV(to path: String, _ parcels: [Parcel], _ results: [ParcelResult], blocks: [Block], workers: Int) throws {
        try ChunkedFile.write(to: path, count: parcels.count, workers: workers, minimumChunk: 2000,
                              head: Array((byteOrderMark + csvRow(FeatureProperties.parcelKeys)).utf8)) { indices, out in
            var row = CSVRow(out: out)
            defer { out = row.out }
            for index in indices {
                let parcel = parcels[index], result = results[index]
                row.text(parcel.id); row.text(blocks[result.blockIndex].id); row.text(result.town ?? ""); row.exact(result.areaM2)
                row.exact(result.areaMu); row.exact(result.insideShare); row.text(result.lineStatus.rawValue); row.exact(result.distanceToLineM)
                row.text(result.category.rawValue); row.flag(parcel.repaired)
                row.end()
            }
        }
    }
}
