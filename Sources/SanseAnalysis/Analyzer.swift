import Foundation
import GeoKit
import SanseModel

/// The analysis stage: contiguity, blocks, the control-line check, scale, efficiency, the
/// three-colour rules, block ids and town statistics (SPEC semantics 3–10).
///
/// The heavy steps run on `workers` threads; every result is identical to a one-worker run.
public enum Analyzer {
    public static func run(_ survey: Survey, config: Config, workers: Int = Parallel.defaultWorkerCount) throws -> AnalysisResult {
        var timings = StageTimings()
        var issues = IssueLog()
        let parcels = survey.parcels
        let townAssignment = TownAssignment(towns: survey.towns)

        let control = try timings.measure("control area") { try ControlArea(polygons: survey.controlPolygons) }

        // Parcel checks: area, share inside C, distance to C, town.
        // In small pieces handed out one at a time: parcels straddling the line cost many
        // times the others, and a few big contiguous chunks left one worker alone at the end.
        let pieceSize = 2048
        let pieces = (parcels.count + pieceSize - 1) / pieceSize
        let parcelChecks = try timings.measure("parcel line check") {
            try Parallel.map(order: Array(0..<pieces), workers: workers,
                             worker: { (ControlArea.Worker(control), TownAssignment.Worker(townAssignment)) }) { worker, piece in
                try (piece * pieceSize..<min(parcels.count, (piece + 1) * pieceSize)).map { index -> ParcelCheck in
                    let geometry = try parcels[index].shape.geometry()
                    let line = try worker.0.measure(geometry, area: try geometry.area())
                    let towns = try worker.1.share(of: geometry)
                    return ParcelCheck(line: line, towns: towns, town: townAssignment.name(of: towns) ?? parcels[index].town)
                }
            }.flatMap { $0 }
        }
        let areas = parcelChecks.map(\.line.area)

        let contiguity = try timings.measure("contiguity") {
            try Contiguity.blocks(of: parcels.map(\.shape), gap: config.contiguity.gapMetres, workers: workers)
        }

        // Block land, outline, line share and town, one block per worker at a time, the
        // biggest first so that no worker is left alone with a big block at the end.
        let components = contiguity.components
        let biggestFirst = components.indices.sorted { components[$0].count > components[$1].count }
        var blocks = try timings.measure("blocks") {
            try Parallel.map(order: biggestFirst, workers: workers,
                             worker: { (ControlArea.Worker(control), TownAssignment.Worker(townAssignment)) }) { worker, number in
                let members = components[number]
                let shape = try BlockGeometry.make(members: members, parcels: parcels, parcelAreas: areas,
                                                   gap: config.contiguity.gapMetres, overlapMinimum: config.checks.overlapMinSquareMetres)
                let share: Double, town: String?
                if shape.isOverlapFree {
                    // Parcels that do not overlap add up to their union: their own checks decide.
                    var inside = 0.0, land = TownAssignment.TownLand()
                    var allInside = true
                    for index in members {
                        let check = parcelChecks[index]
                        inside += check.line.insideM2
                        allInside = allInside && check.line.insideM2 == check.line.area
                        land.add(check.towns, area: check.line.area, towns: townAssignment.towns)
                    }
                    share = LineMeasure(area: shape.landM2, insideM2: allInside ? shape.landM2 : inside, distance: 0).share
                    town = land.largest
                } else {
                    share = try worker.0.share(of: shape.land, area: shape.landM2)
                    town = try worker.1.town(of: shape.land)
                }
                let fallbackTown = town ?? TownAssignment.largest(members.compactMap { index in parcels[index].town.map { ($0, areas[index]) } })
                // Kept as coordinates from here on: GEOS's form of every block would take
                // several times the memory, and only the outputs read them.
                let land = try FlatPolygons(shape.land)
                let outline = shape.outline === shape.land ? land : try FlatPolygons(shape.outline)
                return (BlockFigures(shape), land, outline, share, fallbackTown)
            }
        }.enumerated().map { number, computed -> Block in
            let (shape, land, outline, share, town) = computed
            let members = components[number]
            let figures = EfficiencyFigures(parcels: parcels, members: members, areas: areas)
            let townClass = townAssignment.sizeClass(of: town, config: config)
            let minimumMu = townClass == .large ? config.sizing.renovationMinMuLarge : config.sizing.renovationMinMuSmall
            for (a, b, shared) in shape.overlaps { reportOverlap(parcels[a].id, parcels[b].id, shared, &issues) }
            var block = Block(
                id: "", parcelIndices: members, town: town, townClass: townClass,
                land: land, outline: outline, landM2: shape.landM2, outlineM2: shape.outlineM2,
                insideShare: share, lineStatus: LineStatus(share: share, config: config.lineCheck),
                cdShare: figures.cdShare, far: figures.far, taxPerMu: figures.taxPerMu, cdAreaM2: figures.cdAreaM2,
                isCluster10ha: shape.landM2 >= config.sizing.clusterMinHectares * 10_000,
                renovationCandidate: shape.landM2 / squareMetresPerMu >= minimumMu,
                category: .retain, reasons: "", touchingJoins: 0, gapJoins: 0, widestGapM: 0)
            block.smallestParcelID = members.map { parcels[$0].id }.min() ?? ""
            return block
        }

        // Why each block holds together.
        var blockOfParcel = [Int](repeating: 0, count: parcels.count)
        for (number, members) in components.enumerated() { for index in members { blockOfParcel[index] = number } }
        for join in contiguity.joins {
            let number = blockOfParcel[join.a]
            if join.distance > 0 {
                blocks[number].gapJoins += 1
                blocks[number].widestGapM = max(blocks[number].widestGapM, join.distance)
            } else {
                blocks[number].touchingJoins += 1
            }
        }

        timings.measure("rules") {
            for number in blocks.indices {
                let (category, reasons) = RuleEngine.classify(metrics(of: blocks[number]), rules: config.rules)
                blocks[number].category = category
                blocks[number].reasons = reasons
            }
        }

        // Ids: by town, then land area descending, then the smallest parcel id (SPEC 10).
        let idsStarted = DispatchTime.now().uptimeNanoseconds
        let keys = blocks.map { (town: $0.town ?? "", landM2: $0.landM2, smallest: $0.smallestParcelID) }
        let order = keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.town != y.town { return x.town < y.town }
            if x.landM2 != y.landM2 { return x.landM2 > y.landM2 }
            return x.smallest < y.smallest
        }
        var numbered: [Block] = []
        var newIndex = [Int](repeating: 0, count: blocks.count)
        // B0001 … as SPEC; a survey of 10 000 blocks or more gets wider numbers for all of
        // them (B00001 …), so that the ids still sort as text in Excel or a GIS table.
        let digits = max(4, String(blocks.count).count)
        for (position, old) in order.enumerated() {
            var block = blocks[old]
            block.id = String(format: "B%0\(digits)d", position + 1)
            newIndex[old] = position
            numbered.append(block)
        }

        let parcelResults = parcels.indices.map { index -> ParcelResult in
            let check = parcelChecks[index]
            let block = newIndex[blockOfParcel[index]]
            let share = check.line.share
            let status = LineStatus(share: share, config: config.lineCheck)
            return ParcelResult(
                blockIndex: block, town: check.town, areaM2: check.line.area, insideShare: share, lineStatus: status,
                distanceToLineM: status == .inside ? nil : check.line.distance, category: numbered[block].category)
        }

        timings.record("block ids", seconds: Double(DispatchTime.now().uptimeNanoseconds - idsStarted) / 1e9)
        let table = try timings.measure("town statistics") { try TownTable.build(blocks: numbered, survey: survey, config: config, workers: workers) }
        return AnalysisResult(parcels: parcelResults, blocks: numbered, controlArea: control.union, towns: table, issues: issues, timings: timings)
    }

    /// What the analysis keeps of a block's `BlockGeometry` besides its coordinates.
    private struct BlockFigures: Sendable {
        var landM2: Double
        var outlineM2: Double
        var overlaps: [(Int, Int, Double)]

        init(_ shape: BlockGeometry) {
            landM2 = shape.landM2
            outlineM2 = shape.outlineM2
            overlaps = shape.overlaps
        }
    }

    /// What the line check found for one parcel.
    private struct ParcelCheck: Sendable {
        var line: LineMeasure
        var towns: TownAssignment.TownShare
        /// By the towns layer, else the parcel's own town field.
        var town: String?
    }

    static func metrics(of block: Block) -> BlockMetrics {
        var values: [Metric: Double] = [
            .insideShare: block.insideShare, .landM2: block.landM2, .landHa: block.landHa, .landMu: block.landMu,
            .outlineM2: block.outlineM2, .parcelCount: Double(block.parcelIndices.count),
            .isCluster10ha: block.isCluster10ha ? 1 : 0, .renovationCandidate: block.renovationCandidate ? 1 : 0,
        ]
        values[.cdShare] = block.cdShare
        values[.far] = block.far
        values[.taxPerMu] = block.taxPerMu
        return BlockMetrics(values: values)
    }

    private static func reportOverlap(_ a: String, _ b: String, _ shared: Double, _ issues: inout IssueLog) {
        let (first, second) = a < b ? (a, b) : (b, a)
        let area = String(format: "%.1f", shared)
        issues.add("parcels", first, .overlap, .warning,
                   zh: "与宗地 \(second) 重叠 \(area) 平方米（未修改，重叠部分只计一次）",
                   en: "overlaps parcel \(second) by \(area) m² (left as is; the overlap counts once)")
    }
}
