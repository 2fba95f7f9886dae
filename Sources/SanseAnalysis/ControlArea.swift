import GeoKit
import SanseModel

/// The industrial control area C: the union of all control polygons (SPEC semantics 6), split
/// into its disjoint polygons and indexed, so a parcel is only ever compared with the few
/// polygons near it.
struct ControlArea: Sendable {
    let union: Geometry
    let parts: [Geometry]
    let envelopes: [Envelope?]
    let tree: STRtree

    init(polygons: [Geometry]) throws {
        if let separate = try ControlArea.separatePolygons(polygons) {
            union = separate.count == 1 ? separate[0].clone() : try Geometry.collection(.multiPolygon, separate)
        } else {
            union = try Geometry.union(of: polygons).polygonalPart() ?? Geometry.emptyPolygon()
        }
        parts = union.parts.filter { $0.type == .polygon && !$0.isEmpty }.map { $0.clone() }
        envelopes = parts.map { $0.envelope }
        tree = STRtree(envelopes: envelopes)
    }

    /// The polygons of valid polygonal geometries when no two of them meet, not even at a
    /// point: then they are their own union, and the overlay is spared (control lines drawn as
    /// separate zones usually are). Nil when any two meet or a geometry is not polygonal.
    private static func separatePolygons(_ geometries: [Geometry]) throws -> [Geometry]? {
        var polygons: [Geometry] = []
        for geometry in geometries {
            switch geometry.type {
            case .polygon: polygons.append(geometry)
            case .multiPolygon: polygons += geometry.parts
            default: return nil
            }
        }
        polygons.removeAll { $0.isEmpty }
        guard !polygons.isEmpty else { return nil }
        let envelopes = polygons.map { $0.envelope }
        let tree = STRtree(envelopes: envelopes)
        for (index, box) in envelopes.enumerated() {
            guard let box else { continue }
            var prepared: PreparedGeometry?
            for other in tree.query(box) where other > index {
                if prepared == nil { prepared = try PreparedGeometry(polygons[index]) }
                if try prepared!.intersects(polygons[other]) { return nil }
            }
        }
        return polygons
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

        /// area(g ∩ C) / area(g).
        func share(of geometry: Geometry, area ownArea: Double) throws -> Double {
            try measure(geometry, area: ownArea, distance: false).share
        }

        /// How much of g lies in C, and the distance from g to C (0 when they meet; only
        /// computed when asked for).
        func measure(_ geometry: Geometry, area ownArea: Double, distance wanted: Bool = true) throws -> LineMeasure {
            guard let box = geometry.envelope, ownArea > 0 else { return LineMeasure(area: ownArea, insideM2: 0, distance: 0) }
            var inside = 0.0
            var meets = false
            for index in area.tree.query(box) {
                let candidate = try part(index)
                if try candidate.prepared.containsProperly(geometry) { return LineMeasure(area: ownArea, insideM2: ownArea, distance: 0) }
                guard try candidate.prepared.intersects(geometry) else { continue }
                meets = true
                // C's polygons are disjoint, so the pieces add up to area(g ∩ C).
                inside += try candidate.geometry.intersection(geometry).area()
            }
            if meets || !wanted { return LineMeasure(area: ownArea, insideM2: inside, distance: 0) }
            return LineMeasure(area: ownArea, insideM2: 0, distance: try nearestDistance(geometry, box))
        }

        /// The distance to the nearest polygon of C: grow the search box until it holds a
        /// polygon, then measure the polygons whose boxes could hold a nearer point, nearest
        /// box first, until the next box is farther than the best distance found.
        private func nearestDistance(_ geometry: Geometry, _ box: Envelope) throws -> Double {
            guard !area.parts.isEmpty else { return .infinity }
            var radius = 100.0
            var candidates = area.tree.query(box.expanded(by: radius))
            while candidates.isEmpty {
                radius *= 4
                candidates = area.tree.query(box.expanded(by: radius))
            }
            var best = Double.infinity
            var measured = Set<Int>()
            while true {
                var byBox: [(gap: Double, index: Int)] = []
                for index in candidates where !measured.contains(index) {
                    byBox.append((box.distance(to: area.envelopes[index]!), index))
                }
                byBox.sort { $0.gap < $1.gap || ($0.gap == $1.gap && $0.index < $1.index) }
                for (gap, index) in byBox {
                    if gap >= best { break }
                    best = min(best, try part(index).prepared.distance(to: geometry))
                    measured.insert(index)
                }
                if best <= radius { return best }
                // A nearer polygon, if any, has its box within `best`: look once more that far.
                radius = best
                candidates = area.tree.query(box.expanded(by: radius))
            }
        }
    }
}
