import GeoKit

/// The industrial control area C: the union of all control polygons (SPEC semantics 6), split
/// into its disjoint polygons and indexed, so a parcel is only ever compared with the few
/// polygons near it.
struct ControlArea: Sendable {
    let union: Geometry
    let parts: [Geometry]
    let tree: STRtree

    init(polygons: [Geometry]) throws {
        let merged = try Geometry.union(of: polygons)
        union = try merged.polygonalPart() ?? Geometry.emptyPolygon()
        parts = union.parts.filter { $0.type == .polygon && !$0.isEmpty }.map { $0.clone() }
        tree = STRtree(envelopes: parts.map { $0.envelope })
    }

    /// One worker's private view: its own clones of C's polygons, prepared when first needed.
    final class Worker {
        private let area: ControlArea
        private var clones: [Int: (geometry: Geometry, prepared: PreparedGeometry)] = [:]

        init(_ area: ControlArea) { self.area = area }

        private func part(_ index: Int) throws -> (geometry: Geometry, prepared: PreparedGeometry) {
            if let made = clones[index] { return made }
            let copy = area.parts[index].clone()
            let made = (copy, try PreparedGeometry(copy))
            clones[index] = made
            return made
        }

        /// area(g ∩ C) / area(g), and the distance from g to C (0 when they meet).
        func share(of geometry: Geometry, area ownArea: Double) throws -> (share: Double, distance: Double) {
            guard let box = geometry.envelope, ownArea > 0 else { return (0, 0) }
            var inside = 0.0
            var meets = false
            for index in area.tree.query(box) {
                let candidate = try part(index)
                if try candidate.prepared.containsProperly(geometry) { return (1, 0) }
                guard try candidate.prepared.intersects(geometry) else { continue }
                meets = true
                // C's polygons are disjoint, so the pieces add up to area(g ∩ C).
                inside += try candidate.geometry.intersection(geometry).area()
            }
            if meets { return (min(1, inside / ownArea), 0) }
            return (0, try nearestDistance(geometry, box))
        }

        /// The distance to the nearest polygon of C: grow the search box until it holds a
        /// polygon, then make sure nothing outside the box could be nearer.
        private func nearestDistance(_ geometry: Geometry, _ box: Envelope) throws -> Double {
            guard !area.parts.isEmpty else { return .infinity }
            var radius = 100.0
            while true {
                let candidates = area.tree.query(box.expanded(by: radius))
                if !candidates.isEmpty {
                    var best = Double.infinity
                    for index in candidates { best = min(best, try part(index).geometry.distance(to: geometry)) }
                    if best <= radius { return best }
                    radius = best  // a nearer polygon, if any, lies within `best`
                    for index in area.tree.query(box.expanded(by: radius)) where !candidates.contains(index) {
                        best = min(best, try part(index).geometry.distance(to: geometry))
                    }
                    return best
                }
                radius *= 4
            }
        }
    }
}

/// `inside`, `outside` or `partial`, by the config's thresholds.
public enum LineStatus: String, Sendable, Equatable {
    case inside
    case partial
    case outside

    init(share: Double, config: Config.LineCheck) {
        if share >= config.insideMinShare {
            self = .inside
        } else if share <= config.outsideMaxShare {
            self = .outside
        } else {
            self = .partial
        }
    }

    public var chinese: String {
        switch self {
        case .inside: "线内"
        case .partial: "跨线"
        case .outside: "线外"
        }
    }
}
