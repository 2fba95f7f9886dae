import GeoKit
import SanseModel

/// Step 3 of the analysis: a block's land, outline, share inside the control area and town
/// (SPEC semantics 4–6).
struct BlockShape: Sendable {
    /// Kept as coordinates from here on: GEOS's form of every block would take several times
    /// the memory, and only the outputs read them.
    var land: FlatPolygons
    var outline: FlatPolygons
    var landM2: Double
    var outlineM2: Double
    var insideShare: Double
    /// By the towns layer, else the town holding most of its parcels' area by their own field.
    var town: String?
    /// Overlapping parcel pairs (indices into the survey's parcels) and their shared area.
    var overlaps: [(Int, Int, Double)]

    /// One shape per contiguity component, in the components' order; one block per worker at
    /// a time, the biggest first so that no worker is left alone with a big block at the end.
    static func make(
        _ components: [[Int]], parcels: [Parcel], checks: [ParcelLineCheck], control: ControlArea, towns: TownAssignment,
        config: Config, workers: Int
    ) throws -> [BlockShape] {
        let areas = checks.map(\.line.area)
        let biggestFirst = components.indices.sorted { components[$0].count > components[$1].count }
        return try Parallel.map(order: biggestFirst, workers: workers,
                                worker: { (ControlArea.Worker(control), TownAssignment.Worker(towns)) }) { worker, number in
            let members = components[number]
            let geometry = try BlockGeometry.make(
                members: members, parcels: parcels, parcelAreas: areas, gap: config.contiguity.gapMetres,
                overlapMinimum: config.checks.overlapMinSquareMetres)
            let share: Double, town: String?
            if geometry.isOverlapFree {
                // Parcels that do not overlap add up to their union: their own checks decide.
                var inside = 0.0, land = TownAssignment.TownLand()
                var allInside = true
                for index in members {
                    let check = checks[index]
                    inside += check.line.insideM2
                    allInside = allInside && check.line.insideM2 == check.line.area
                    land.add(check.towns, area: check.line.area, towns: towns.towns)
                }
                share = LineMeasure(area: geometry.landM2, insideM2: allInside ? geometry.landM2 : inside, distance: 0).share
                town = land.largest
            } else {
                share = try worker.0.share(of: geometry.land, area: geometry.landM2)
                town = try worker.1.town(of: geometry.land)
            }
            let fallbackTown = town ?? TownAssignment.largest(members.compactMap { index in
                parcels[index].town.map { ($0, areas[index]) }
            })
            let land = try FlatPolygons(geometry.land)
            let outline = geometry.outline === geometry.land ? land : try FlatPolygons(geometry.outline)
            return BlockShape(land: land, outline: outline, landM2: geometry.landM2, outlineM2: geometry.outlineM2, insideShare: share,
                              town: fallbackTown, overlaps: geometry.overlaps)
        }
    }
}
