import SanseModel

/// The tables: the town summary (CSV and Markdown), the issues, and one row per block and per
/// parcel.
enum TableFiles {
    static let product = OutputProduct(
        stage: "write tables", ownThread: false,
        files: { _ in ["summary.csv", "summary.md", "issues.csv", "blocks.csv", "parcels.csv"] },
        write: write)

    private static func write(_ content: OutputContent, folder: OutputFolder) throws {
        let survey = content.survey, analysis = content.analysis, config = content.config
        let title = "\(config.surveyName) 三色分区统计"
        let notes = [
            "分析坐标系：\(survey.analysisCRS.definition)（\(survey.analysisCRS.name)）",
            "连片容差 \(Metric.landM2.text(config.contiguity.gapMetres, threshold: true)) 米；1 亩 = 10000/15 平方米",
            "宗地 \(survey.parcels.count) 宗，区块 \(analysis.blocks.count) 个；问题记录 \(content.issues.count) 条（见 issues.csv）",
        ]
        let texts: [(String, String)] = [
            ("summary.csv", Tables.summaryCSV(analysis.towns)),
            ("summary.md", Tables.summaryMarkdown(analysis.towns, title: title, notes: notes)),
            ("issues.csv", Tables.issuesCSV(content.issues)),
        ]
        for (name, text) in texts {
            guard let file = FileOutput(path: folder.path(name)) else {
                throw OutputError(path: folder.path(name), message: "cannot create the file")
            }
            try file.write(text)
            try file.finish()
        }
        try Tables.writeBlocksCSV(to: folder.path("blocks.csv"), analysis.blocks, parcels: survey.parcels, workers: content.workers)
        try Tables.writeParcelsCSV(to: folder.path("parcels.csv"), survey.parcels, analysis.parcels, blocks: analysis.blocks,
                                   workers: content.workers)
    }
}
