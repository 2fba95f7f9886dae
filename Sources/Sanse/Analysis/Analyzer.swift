import GeoKit

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
        let parcelChecks = try timings.measure("parcel line check") {
            try Parallel.mapChunks(count: parcels.count, workers: workers) { range in
                let lineWorker = ControlArea.Worker(control)
                let townWorker = TownAssignment.Worker(townAssignment)
                return try range.map { index -> (area: Double, share: Double, distance: Double, town: String?) in
                    let geometry = parcels[index].geometry
                    let area = try geometry.area()
                    let (share, distance) = try lineWorker.share(of: geometry, area: area)
                    let town = try townWorker.town(of: geometry) ?? parcels[index].town
                    return (area, share, distance, town)
                }
            }.flatMap { $0 }
        }
        let areas = parcelChecks.map(\.area)

        let contiguity = try timings.measure("contiguity") {
            try Contiguity.blocks(of: parcels.map(\.geometry), gap: config.contiguity.gapMetres, workers: workers)
        }

        // Block land, outline, line share, town and figures, one block per worker at a time.
        let components = contiguity.components
        var blocks = try timings.measure("blocks") {
            try Parallel.mapChunks(count: components.count, workers: workers, minimumChunk: 16) { range in
                let lineWorker = ControlArea.Worker(control)
                let townWorker = TownAssignment.Worker(townAssignment)
                return try range.map { number in
                    let members = components[number]
                    let shape = try BlockGeometry.make(members: members, parcels: parcels, parcelAreas: areas,
                                                       gap: config.contiguity.gapMetres, overlapMinimum: config.checks.overlapMinSquareMetres)
                    let (share, _) = try lineWorker.share(of: shape.land, area: shape.landM2)
                    let town = try townWorker.town(of: shape.land)
                        ?? TownAssignment.largest(members.compactMap { index in parcels[index].town.map { ($0, areas[index]) } })
                    return (shape, share, town)
                }
            }.flatMap { $0 }
        }.enumerated().map { number, computed -> Block in
            let (shape, share, town) = computed
            let members = components[number]
            let figures = EfficiencyFigures(parcels: parcels, members: members, areas: areas)
            let townClass = townAssignment.sizeClass(of: town, config: config)
            let minimumMu = townClass == .large ? config.sizing.renovationMinMuLarge : config.sizing.renovationMinMuSmall
            for (a, b, shared) in shape.overlaps { reportOverlap(parcels[a].id, parcels[b].id, shared, &issues) }
            var block = Block(
                id: "", parcelIndices: members, town: town, townClass: townClass,
                land: shape.land, outline: shape.outline, landM2: shape.landM2, outlineM2: shape.outlineM2,
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
        let order = blocks.indices.sorted { a, b in
            let (x, y) = (blocks[a], blocks[b])
            if (x.town ?? "") != (y.town ?? "") { return (x.town ?? "") < (y.town ?? "") }
            if x.landM2 != y.landM2 { return x.landM2 > y.landM2 }
            return x.smallestParcelID < y.smallestParcelID
        }
        var numbered: [Block] = []
        var newIndex = [Int](repeating: 0, count: blocks.count)
        for (position, old) in order.enumerated() {
            var block = blocks[old]
            block.id = String(format: "B%04d", position + 1)
            newIndex[old] = position
            numbered.append(block)
        }

        let parcelResults = parcels.indices.map { index -> ParcelResult in
            let check = parcelChecks[index]
            let block = newIndex[blockOfParcel[index]]
            let status = LineStatus(share: check.share, config: config.lineCheck)
            return ParcelResult(
                blockIndex: block, town: check.town, areaM2: check.area, insideShare: check.share, lineStatus: status,
                distanceToLineM: status == .inside ? nil : check.distance, category: numbered[block].category)
        }

        let table = TownStatistics.table(blocks: numbered, parcels: parcels, towns: survey.towns, config: config)
        return AnalysisResult(parcels: parcelResults, blocks: numbered, controlArea: control.union, towns: table, issues: issues, timings: timings)
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

import Foundation
