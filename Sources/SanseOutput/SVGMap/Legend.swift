import GeoKit
import SanseModel

/// The legend's figures: per colour, the blocks shown and their land in 亩.
struct Legend {
    struct Row {
        var category: Category
        var blocks: Int
        var mu: Double
    }

    var rows: [Row]
    var hasTownBoundaries: Bool

    var totalBlocks: Int { rows.reduce(0) { $0 + $1.blocks } }
    var totalMu: Double { rows.reduce(0) { $0 + $1.mu } }

    init(analysis: AnalysisResult, content: MapContent, hasTownBoundaries: Bool) {
        rows = Category.allCases.map { Row(category: $0, blocks: 0, mu: 0) }
        let blocks = analysis.blocks
        for index in content.blocks {
            let row = Category.allCases.firstIndex(of: blocks[index].category)!
            rows[row].blocks += 1
            rows[row].mu += blocks[index].landMu
        }
        self.hasTownBoundaries = hasTownBoundaries
    }
}
