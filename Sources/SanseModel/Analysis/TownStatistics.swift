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

    package init(town: String, sizeClass: TownSizeClass?) {
        self.town = town
        self.sizeClass = sizeClass
    }

    /// Counts one block into this row.
    package mutating func add(_ block: Block) {
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
