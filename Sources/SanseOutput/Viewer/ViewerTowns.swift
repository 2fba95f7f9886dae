import SanseModel

/// The towns as the viewer lists them: each has one parcels script, loaded when the user
/// zooms into it or picks it. The towns layer's order first, then towns named only by
/// parcels or blocks (sorted), then 未定 for parcels in no town.
struct ViewerTowns: Sendable {
    struct Town: Sendable {
        var name: String
        /// Indices into `Survey.parcels`, ascending.
        var parcels: [Int] = []
        var blocks = 0
    }

    private(set) var towns: [Town] = []
    private var positions: [String: Int] = [:]
    /// Per parcel, its position in `towns`.
    private(set) var townOfParcel: [Int32]
    /// Per block, its position in `towns`, -1 for a block in no town.
    private(set) var townOfBlock: [Int]

    init(survey: Survey, analysis: AnalysisResult) {
        townOfParcel = []
        townOfBlock = []
        for town in survey.towns { add(town.name) }
        let named = Set(analysis.parcels.compactMap(\.town)).union(analysis.blocks.compactMap(\.town))
        for name in named.subtracting(positions.keys).sorted() { add(name) }
        townOfBlock = analysis.blocks.map { block in block.town.map { positions[$0]! } ?? -1 }
        if analysis.parcels.contains(where: { $0.town == nil }) { add(TownStatistics.unknownTown) }
        townOfParcel = analysis.parcels.map { Int32(positions[$0.town ?? TownStatistics.unknownTown]!) }
        for (parcel, town) in townOfParcel.enumerated() { towns[Int(town)].parcels.append(parcel) }
        for town in townOfBlock where town >= 0 { towns[town].blocks += 1 }
        // Towns of the layer with neither parcels nor blocks have nothing to show.
        let kept = towns.indices.filter { !towns[$0].parcels.isEmpty || towns[$0].blocks > 0 }
        if kept.count < towns.count { keepOnly(kept) }
    }

    private mutating func add(_ name: String) {
        guard positions[name] == nil else { return }
        positions[name] = towns.count
        towns.append(Town(name: name))
    }

    private mutating func keepOnly(_ kept: [Int]) {
        var renumbered = [Int](repeating: -1, count: towns.count)
        for (new, old) in kept.enumerated() { renumbered[old] = new }
        towns = kept.map { towns[$0] }
        positions = Dictionary(uniqueKeysWithValues: towns.enumerated().map { ($1.name, $0) })
        townOfParcel = townOfParcel.map { Int32(renumbered[Int($0)]) }
        townOfBlock = townOfBlock.map { $0 < 0 ? -1 : renumbered[$0] }
    }

    /// `parcels/town-001.js` …, by position, so any town name makes a safe file name.
    static func parcelsFile(_ position: Int) -> String {
        let number = String(position + 1)
        return "parcels/town-" + String(repeating: "0", count: max(0, 3 - number.count)) + number + ".js"
    }
}
