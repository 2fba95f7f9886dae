import Foundation
import GeoKit
import SanseModel

/// The analysis stage (SPEC semantics 3–10), as named steps: parcel checks → contiguity →
/// block shapes → block figures → classification → ids → town table.
///
/// The heavy steps run on `workers` threads; every result is identical to a one-worker run.
public enum Analyzer {
    public static func run(_ survey: Survey, config: Config, workers: Int = Parallel.defaultWorkerCount) throws -> AnalysisResult {
        var timings = StageTimings()
        let parcels = survey.parcels
        let towns = TownAssignment(towns: survey.towns)
        let control = try timings.measure("control area") { try ControlArea(polygons: survey.controlPolygons) }
        let checks = try timings.measure("parcel line check") {
            try ParcelLineCheck.run(parcels, control: control, towns: towns, workers: workers)
        }
        let contiguity = try timings.measure("contiguity") {
            try Contiguity.blocks(of: parcels.map(\.shape), gap: config.contiguity.gapMetres, workers: workers)
        }
        let shapes = try timings.measure("blocks") {
            try BlockShape.make(contiguity.components, parcels: parcels, checks: checks, control: control, towns: towns,
                                config: config, workers: workers)
        }
        let figures = BlockFigures.make(shapes, contiguity: contiguity, parcels: parcels, checks: checks, towns: towns, config: config)
        let verdicts = timings.measure("rules") { figures.map { RuleEngine.classify($0.metrics, rules: config.rules) } }

        let idsStarted = DispatchTime.now().uptimeNanoseconds
        let (order, ids) = BlockIDs.assign(figures)
        let blocks = order.indices.map { position in
            let number = order[position]
            return Block(figures[number], id: ids[position], category: verdicts[number].0, reasons: verdicts[number].1)
        }
        let parcelResults = parcelResults(checks, blockOfComponent: order, contiguity: contiguity, blocks: blocks, config: config)
        timings.record("block ids", seconds: Double(DispatchTime.now().uptimeNanoseconds - idsStarted) / 1e9)

        let table = try timings.measure("town statistics") {
            try TownTable.build(blocks: blocks, survey: survey, config: config, workers: workers)
        }
        return AnalysisResult(parcels: parcelResults, blocks: blocks, controlArea: control.union, towns: table,
                              issues: overlapIssues(shapes, parcels: parcels), timings: timings)
    }

    /// Each parcel's figures and its block. `order` lists the components in block-id order.
    private static func parcelResults(
        _ checks: [ParcelLineCheck], blockOfComponent order: [Int], contiguity: Contiguity.Result, blocks: [Block], config: Config
    ) -> [ParcelResult] {
        var blockIndex = [Int](repeating: 0, count: order.count)
        for (position, number) in order.enumerated() { blockIndex[number] = position }
        let component = contiguity.componentOfParcel(count: checks.count)
        return checks.indices.map { index -> ParcelResult in
            let check = checks[index]
            let block = blockIndex[component[index]]
            let share = check.line.share
            let status = LineStatus(share: share, config: config.lineCheck)
            return ParcelResult(
                blockIndex: block, town: check.town, areaM2: check.line.area, insideShare: share, lineStatus: status,
                distanceToLineM: status == .inside ? nil : check.line.distance, category: blocks[block].category)
        }
    }

    /// One warning per overlapping parcel pair, in the components' order.
    private static func overlapIssues(_ shapes: [BlockShape], parcels: [Parcel]) -> IssueLog {
        var issues = IssueLog()
        for shape in shapes {
            for (a, b, shared) in shape.overlaps {
                let (first, second) = parcels[a].id < parcels[b].id ? (parcels[a].id, parcels[b].id) : (parcels[b].id, parcels[a].id)
                let area = String(format: "%.1f", shared)
                issues.add("parcels", first, .overlap, .warning,
                           zh: "与宗地 \(second) 重叠 \(area) 平方米（未修改，重叠部分只计一次）",
                           en: "overlaps parcel \(second) by \(area) m² (left as is; the overlap counts once)")
            }
        }
        return issues
    }
}

extension Block {
    /// The block of one component, complete: its figures, its id and its category.
    init(_ figures: BlockFigures, id: String, category: Category, reasons: String) {
        let shape = figures.shape, efficiency = figures.efficiency
        self.init(
            id: id, parcelIndices: figures.members, town: shape.town, townClass: figures.townClass,
            land: shape.land, outline: shape.outline, landM2: shape.landM2, outlineM2: shape.outlineM2,
            insideShare: shape.insideShare, lineStatus: figures.lineStatus,
            cdShare: efficiency.cdShare, far: efficiency.far, taxPerMu: efficiency.taxPerMu, cdAreaM2: efficiency.cdAreaM2,
            isCluster10ha: figures.isCluster10ha, renovationCandidate: figures.renovationCandidate,
            category: category, reasons: reasons,
            touchingJoins: figures.touchingJoins, gapJoins: figures.gapJoins, widestGapM: figures.widestGapM,
            smallestParcelID: figures.smallestParcelID)
    }
}
