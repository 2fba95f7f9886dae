import GeoKit

/// One row of the town-by-town table (cf. the seed's 各街道工作任务分解表).
public struct TownStatistics: Sendable, Equatable {
    /// The town's name; `合计` for the county total; `未定` for blocks in no known town.
    public var town: String
    public var sizeClass: TownSizeClass?
    public var blocks = 0
    public var landMu = 0.0
    public var blocksByCategory: [Category: Int] = [:]
    public var muByCategory: [Category: Double] = [:]
    public var clusters10ha = 0
    public var renovationCandidates = 0
    public var parcels = 0
    public var enterprises = 0
    public var cdLandMu = 0.0

    public static let totalName = "合计"
    public static let unknownTown = "未定"

    /// Rows in the towns layer's order (or by name without one), towns without blocks kept,
    /// then `未定` if needed, then the total.
    static func table(blocks: [Block], survey: Survey, config: Config, workers: Int = Parallel.defaultWorkerCount) throws -> [TownStatistics] {
        let towns = survey.towns
        var order = towns.map(\.name)
        var seen = Set(order)
        order = order.filter { name in seen.remove(name) != nil }  // first occurrence only
        var listed = Set(order)
        for block in blocks {
            let name = block.town ?? unknownTown
            if listed.insert(name).inserted { order.append(name) }
        }
        var rows: [String: TownStatistics] = [:]
        for block in blocks {
            let name = block.town ?? unknownTown
            rows[name, default: TownStatistics(town: name, sizeClass: block.town == nil ? nil : block.townClass)].add(block)
        }
        let townNumber = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let counts = try EnterpriseCount.count(blocks: blocks, town: { townNumber[$0.town ?? unknownTown]! }, towns: order.count,
                                           survey: survey, workers: workers)
        var table = order.enumerated().map { number, name -> TownStatistics in
            var row = rows[name] ?? TownStatistics(town: name, sizeClass: towns.first { $0.name == name }?.sizeClass)
            row.enterprises = counts.perTown[number]
            return row
        }
        var total = TownStatistics(town: totalName, sizeClass: nil)
        for block in blocks { total.add(block) }
        total.enterprises = counts.total
        table.append(total)
        return table
    }

    mutating func add(_ block: Block) {
        blocks += 1
        landMu += block.landMu
        blocksByCategory[block.category, default: 0] += 1
        muByCategory[block.category, default: 0] += block.landMu
        if block.isCluster10ha { clusters10ha += 1 }
        if block.renovationCandidate { renovationCandidates += 1 }
        parcels += block.parcelIndices.count
        cdLandMu += block.cdAreaM2 / squareMetresPerMu
    }
}
