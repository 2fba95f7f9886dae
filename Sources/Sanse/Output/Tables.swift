import GeoKit

/// CSV and Markdown tables: the town-by-town summary, the issues, and every block and parcel
/// figure at full precision (for Excel and for cross-checking).
enum Tables {
    /// Excel only reads UTF-8 CSV as UTF-8 when it starts with a byte-order mark.
    static let byteOrderMark = "\u{FEFF}"

    static func csvRow(_ cells: [String]) -> String {
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
    static func fixed(_ value: Double, _ decimals: Int) -> String {
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

    static func blocksCSV(_ blocks: [Block], parcels: [Parcel]) -> String {
        let header = ["block_id", "town", "town_class", "category", "category_zh", "parcel_count", "land_m2", "land_ha", "land_mu",
                      "outline_m2", "inside_share", "line_status", "cd_share", "far", "tax_per_mu", "is_cluster_10ha",
                      "renovation_candidate", "touching_joins", "gap_joins", "widest_gap_m", "parcel_ids", "reasons"]
        return byteOrderMark + csvRow(header) + blocks.map { block in
            csvRow([
                block.id, block.town ?? "", block.townClass.rawValue, block.category.rawValue, block.category.chinese,
                String(block.parcelIndices.count), exact(block.landM2), exact(block.landHa), exact(block.landMu),
                exact(block.outlineM2), exact(block.insideShare), block.lineStatus.rawValue, exact(block.cdShare),
                exact(block.far), exact(block.taxPerMu), String(block.isCluster10ha), String(block.renovationCandidate),
                String(block.touchingJoins), String(block.gapJoins), exact(block.widestGapM),
                block.parcelIndices.map { parcels[$0].id }.joined(separator: ";"), block.reasons,
            ])
        }.joined()
    }

    static func parcelsCSV(_ parcels: [Parcel], _ results: [ParcelResult], blocks: [Block]) -> String {
        byteOrderMark + csvRow(FeatureProperties.parcelKeys) + zip(parcels, results).map { parcel, result in
            csvRow([
                parcel.id, blocks[result.blockIndex].id, result.town ?? "", exact(result.areaM2), exact(result.areaMu),
                exact(result.insideShare), result.lineStatus.rawValue, exact(result.distanceToLineM),
                result.category.rawValue, String(parcel.repaired),
            ])
        }.joined()
    }
}
