import GeoKit
import SanseModel

/// What one map shows: the whole survey, or one town's blocks and parcels, and the extent in
/// metres that frames them.
struct MapContent {
    /// Indices into `AnalysisResult.blocks`, in block-id order.
    let blocks: [Int]
    /// Indices into `Survey.parcels` (and `AnalysisResult.parcels`), ascending.
    let parcels: [Int]
    /// Indices into `Survey.towns` of the towns with a boundary.
    let townsWithShape: [Int]
    /// For a one-town map, that town when it has a boundary (in `Survey.towns`).
    let focusTown: Int?
    let extent: Envelope

    init(survey: Survey, analysis: AnalysisResult, town: String?) throws {
        blocks = analysis.blocks.indices.filter { town == nil || analysis.blocks[$0].town == town }
        var shown = [Bool](repeating: false, count: analysis.blocks.count)
        for index in blocks { shown[index] = true }
        parcels = analysis.parcels.indices.filter { shown[analysis.parcels[$0].blockIndex] }
        let withShape = survey.towns.indices.filter { survey.towns[$0].geometry.map { !$0.isEmpty } ?? false }
        townsWithShape = withShape
        focusTown = town.flatMap { name in withShape.first { survey.towns[$0].name == name } }

        var box: Envelope?
        func include(_ other: Envelope?) {
            guard let other else { return }
            box = box.map { $0.union(other) } ?? other
        }
        for index in blocks { include(analysis.blocks[index].land.envelope) }
        for index in townsWithShape where town == nil || survey.towns[index].name == town {
            include(survey.towns[index].geometry?.envelope)
        }
        if let town, box == nil { throw SVGMapError.unknownTown(town) }
        if box == nil { include(analysis.controlArea.envelope) }
        extent = box ?? Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
    }
}
