import GeoKit
import SanseModel

/// The town-by-town table (cf. the seed's 各街道工作任务分解表): one `TownStatistics` row per town.
enum TownTable {
    /// Rows in the towns layer's order (or by name without one), towns without blocks kept,
    /// then `未定` if needed, then the total.
    static func build(blocks: [Block], survey: Survey, config: Config, workers: Int = Parallel.defaultWorkerCount) throws -> [TownStatistics] {
        let towns = survey.towns
        var order = towns.map(\.name)
        var seen = Set(order)
        order = order.filter { name in seen.remove(name) != nil }  // first occurrence only
        var listed = Set(order)
        for block in blocks {
            let name = block.town ?? TownStatistics.unknownTown
            if listed.insert(name).inserted { order.append(name) }
        }
        var rows: [String: TownStatistics] = [:]
        for block in blocks {
            let name = block.town ?? TownStatistics.unknownTown
            rows[name, default: TownStatistics(town: name, sizeClass: block.town == nil ? nil : block.townClass)].add(block)
        }
        let townNumber = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let counts = try EnterpriseCount.count(blocks: blocks, town: { townNumber[$0.town ?? TownStatistics.unknownTown]! }, towns: order.count,
                                           survey: survey, workers: workers)
        var table = order.enumerated().map { number, name -> TownStatistics in
            var row = rows[name] ?? TownStatistics(town: name, sizeClass: towns.first { $0.name == name }?.sizeClass)
            row.enterprises = counts.perTown[number]
            return row
        }
        var total = TownStatistics(town: TownStatistics.totalName, sizeClass: nil)
        for block in blocks { total.add(block) }
        total.enterprises = counts.total
        table.append(total)
        return table
    }
}
