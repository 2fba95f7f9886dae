import GeoKit

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

    func sizeClass(of name: String?, config: Config) -> TownSizeClass {
        guard let name else { return config.sizing.defaultTownClass }
        return config.sizing.townClasses[name] ?? towns.first { $0.name == name }?.sizeClass ?? config.sizing.defaultTownClass
    }

    /// One worker's clones of the town polygons.
    final class Worker {
        private let assignment: TownAssignment
        private var clones: [Int: (geometry: Geometry, prepared: PreparedGeometry)] = [:]

        init(_ assignment: TownAssignment) { self.assignment = assignment }

        /// The town polygon holding the largest part of `geometry`, ties to the smaller name;
        /// nil when no town polygon meets it.
        func town(of geometry: Geometry) throws -> String? {
            guard let tree = assignment.tree, let box = geometry.envelope else { return nil }
            var best: (name: String, area: Double)?
            for index in tree.query(box) {
                guard let shape = try town(index) else { continue }
                if try shape.prepared.containsProperly(geometry) { return assignment.towns[index].name }
                guard try shape.prepared.intersects(geometry) else { continue }
                let area = try shape.geometry.intersection(geometry).area()
                let name = assignment.towns[index].name
                if area > 0, best == nil || area > best!.area || (area == best!.area && name < best!.name) {
                    best = (name, area)
                }
            }
            return best?.name
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

    /// The name with the largest total area among (name, area) pairs; ties to the smaller name.
    static func largest(_ weighted: [(String, Double)]) -> String? {
        var totals: [String: Double] = [:]
        for (name, area) in weighted { totals[name, default: 0] += area }
        return totals.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
