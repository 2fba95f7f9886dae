import GeoKit
import SanseModel

/// Which town (镇/街道) a parcel or block belongs to: the town polygon holding the largest share
/// of it when there is a towns layer, else the parcels' own town field weighted by area.
struct TownAssignment: Sendable {
    let towns: [Town]
    private let tree: STRtree?

    init(towns: [Town]) {
        self.towns = towns
        let withShapes = towns.contains { $0.geometry != nil }
        tree = withShapes ? STRtree(envelopes: towns.map { $0.geometry?.envelope }) : nil
    }

    /// The town holding the largest part of a geometry with this share, ties to the smaller
    /// name; nil when no town polygon holds any of it.
    func name(of share: TownShare) -> String? {
        switch share {
        case .whole(let index): towns[index].name
        case .pieces(let pieces): TownAssignment.largest(pieces.map { (towns[$0.town].name, $0.area) })
        }
    }

    func sizeClass(of name: String?, config: Config) -> TownSizeClass {
        guard let name else { return config.sizing.defaultTownClass }
        return config.sizing.townClasses[name] ?? towns.first { $0.name == name }?.sizeClass ?? config.sizing.defaultTownClass
    }

    /// One worker's clones of the town polygons.
    final class Worker {
        private let assignment: TownAssignment
        private var clones: [Int: (geometry: Geometry, prepared: PreparedGeometry)] = [:]

        init(_ assignment: TownAssignment) { self.assignment = assignment }

        /// The town holding the largest part of `geometry`, ties to the smaller name; nil when
        /// no town polygon meets it.
        func town(of geometry: Geometry) throws -> String? {
            assignment.name(of: try share(of: geometry))
        }

        /// The town polygons `geometry` lies in, with the area in each.
        func share(of geometry: Geometry) throws -> TownShare {
            guard let tree = assignment.tree, let box = geometry.envelope else { return .pieces([]) }
            var pieces: [TownShare.Piece] = []
            for index in tree.query(box) {
                guard let shape = try town(index) else { continue }
                if try shape.prepared.containsProperly(geometry) { return .whole(index) }
                guard try shape.prepared.intersects(geometry) else { continue }
                let area = try shape.geometry.intersection(geometry).area()
                if area > 0 { pieces.append(TownShare.Piece(town: index, area: area)) }
            }
            return .pieces(pieces)
        }

        private func town(_ index: Int) throws -> (geometry: Geometry, prepared: PreparedGeometry)? {
            if let made = clones[index] { return made }
            guard let shape = assignment.towns[index].geometry else { return nil }
            let copy = shape.clone()
            let made = (copy, try PreparedGeometry(copy))
            clones[index] = made
            return made
        }
    }

    /// How a geometry lies in the town polygons.
    enum TownShare: Sendable {
        struct Piece: Sendable {
            /// Index into `towns`.
            var town: Int
            var area: Double
        }

        /// In this town polygon's interior: all of the geometry's area is in it.
        case whole(Int)
        /// The town polygons sharing area with the geometry, and how much; none for a geometry
        /// outside every town.
        case pieces([Piece])
    }

    /// Land added up by town name, from the town shares of parcels or blocks that do not overlap.
    struct TownLand {
        private var totals: [String: Double] = [:]

        /// - Parameter area: the geometry's own area (what a `.whole` share contributes).
        mutating func add(_ share: TownShare, area: Double, towns: [Town]) {
            switch share {
            case .whole(let index):
                totals[towns[index].name, default: 0] += area
            case .pieces(let pieces):
                for piece in pieces { totals[towns[piece.town].name, default: 0] += piece.area }
            }
        }

        /// The name holding the most land, ties to the smaller name; nil when no town holds any.
        var largest: String? { TownAssignment.largest(totals.map { ($0.key, $0.value) }) }
    }

    /// The name with the largest total area among (name, area) pairs; ties to the smaller name.
    static func largest(_ weighted: [(String, Double)]) -> String? {
        var totals: [String: Double] = [:]
        for (name, area) in weighted { totals[name, default: 0] += area }
        return totals.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
