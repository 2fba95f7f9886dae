import SanseModel

/// Step 4 of the analysis: every figure of a block that the rules may test and the outputs
/// show, besides its id and category (SPEC semantics 4–8).
struct BlockFigures: Sendable {
    var shape: BlockShape
    /// Indices into the survey's parcels, ascending.
    var members: [Int]
    var townClass: TownSizeClass
    var lineStatus: LineStatus
    var efficiency: EfficiencyFigures
    var isCluster10ha: Bool
    var renovationCandidate: Bool
    /// How the parcels hold together: joins by touching, joins across a gap, the widest gap.
    var touchingJoins = 0
    var gapJoins = 0
    var widestGapM = 0.0
    var smallestParcelID: String

    var landMu: Double { shape.landM2 / squareMetresPerMu }

    /// One block's figures per contiguity component, in the components' order.
    static func make(
        _ shapes: [BlockShape], contiguity: Contiguity.Result, parcels: [Parcel], checks: [ParcelLineCheck],
        towns: TownAssignment, config: Config
    ) -> [BlockFigures] {
        let areas = checks.map(\.line.area)
        var figures = zip(shapes, contiguity.components).map { shape, members in
            let townClass = towns.sizeClass(of: shape.town, config: config)
            let minimumMu = townClass == .large ? config.sizing.renovationMinMuLarge : config.sizing.renovationMinMuSmall
            return BlockFigures(
                shape: shape, members: members, townClass: townClass,
                lineStatus: LineStatus(share: shape.insideShare, config: config.lineCheck),
                efficiency: EfficiencyFigures(parcels: parcels, members: members, areas: areas),
                isCluster10ha: shape.landM2 >= config.sizing.clusterMinHectares * 10_000,
                renovationCandidate: shape.landM2 / squareMetresPerMu >= minimumMu,
                smallestParcelID: members.map { parcels[$0].id }.min() ?? "")
        }
        let component = contiguity.componentOfParcel(count: parcels.count)
        for join in contiguity.joins {
            let number = component[join.a]
            if join.distance > 0 {
                figures[number].gapJoins += 1
                figures[number].widestGapM = max(figures[number].widestGapM, join.distance)
            } else {
                figures[number].touchingJoins += 1
            }
        }
        return figures
    }

    /// What the rules test (SPEC semantics 9); a figure the block lacks is missing.
    var metrics: BlockMetrics {
        var values: [Metric: Double] = [
            .insideShare: shape.insideShare, .landM2: shape.landM2, .landHa: shape.landM2 / 10_000, .landMu: landMu,
            .outlineM2: shape.outlineM2, .parcelCount: Double(members.count),
            .isCluster10ha: isCluster10ha ? 1 : 0, .renovationCandidate: renovationCandidate ? 1 : 0,
        ]
        values[.cdShare] = efficiency.cdShare
        values[.far] = efficiency.far
        values[.taxPerMu] = efficiency.taxPerMu
        return BlockMetrics(values: values)
    }
}
