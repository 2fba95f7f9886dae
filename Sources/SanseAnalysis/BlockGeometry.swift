import GeoKit
import SanseModel

/// A block's land (the union of its parcels, overlaps counted once) and its outline (the land
/// closed by gap/2: the block with its internal roads), SPEC semantics 5.
struct BlockGeometry: Sendable {
    var land: Geometry
    var outline: Geometry
    var landM2: Double
    var outlineM2: Double
    /// Parcel pairs of this block overlapping by more than the reporting minimum.
    var overlaps: [(Int, Int, Double)]
    /// The parcels' areas add up to the land's, to rounding: sums over the parcels (their
    /// area inside the control line, in each town) are sums over the land.
    var isOverlapFree: Bool

    /// Buffer segments per quarter circle for the closing, as shapely and PostGIS default to.
    static let quadrantSegments = 8

    /// - Parameter parcelAreas: every parcel's own area, by parcel index.
    static func make(members: [Int], parcels: [Parcel], parcelAreas: [Double], gap: Double, overlapMinimum: Double) throws -> BlockGeometry {
        let sum = members.reduce(0) { $0 + parcelAreas[$1] }
        // The parcels as GEOS geometries only when the edge matching cannot settle the land.
        var built: [Geometry]?
        func geometries() throws -> [Geometry] {
            if let built { return built }
            let made = try members.map { try parcels[$0].shape.geometry() }
            built = made
            return made
        }
        // Normalised: a buffer depends (by up to 1e-5 of the outline) on where rings start and
        // which way they run, and the ways of uniting give the same land with rings started
        // differently; in normal form the outline depends on the land alone.
        let land: Geometry
        if members.count == 1 {
            land = try geometries()[0].normalized()
        } else if let matched = matchedEdgesUnion(members.map { parcels[$0].shape }, summedArea: sum) {
            land = try matched.normalized()
        } else {
            let parts = try geometries()
            land = try (coverageUnion(parts, summedArea: sum) ?? Geometry.union(of: parts)).normalized()
        }
        let landM2 = try land.area()
        let outline = gap > 0
            ? try land.buffer(gap / 2, quadrantSegments: quadrantSegments).buffer(-gap / 2, quadrantSegments: quadrantSegments)
            : land
        // Overlaps can only exist where the parcels' areas add up to more than their union:
        // an exact test that spares the pairwise search in almost every block.
        let overlaps = sum - landM2 > overlapMinimum
            ? try overlappingPairs(members, try geometries(), minimum: overlapMinimum)
            : []
        return BlockGeometry(land: land, outline: outline, landM2: landM2, outlineM2: try outline.area(), overlaps: overlaps,
                             isOverlapFree: sum - landM2 <= overlapFreeTolerance * sum)
    }

    /// The coverage union done on the coordinates (`FlatPolygons.coverageUnion`), kept on the
    /// same proof as GEOS's below: a valid result with the parcels' summed area.
    static func matchedEdgesUnion(_ shapes: [FlatPolygons], summedArea: Double) -> Geometry? {
        guard let rings = FlatPolygons.coverageUnion(shapes), let union = try? rings.geometry(),
              union.isValid, let area = try? union.area(),
              abs(area - summedArea) <= overlapFreeTolerance * summedArea else { return nil }
        return union
    }

    /// The union of parcels that tile without overlapping (most blocks of a survey: lots with
    /// shared edges, or parcels apart across roads), by matching their shared edges — GEOS's
    /// coverage union, linear in the vertices — where the full overlay nodes every pair.
    /// Kept only when it provably is the union: GEOS found every shared edge matched, and the
    /// result is valid with the parcels' summed area. An edge shared only in part, or an
    /// overlap, leaves crossing or doubled boundaries (invalid, or refused by GEOS): nil, and
    /// the overlay decides.
    static func coverageUnion(_ geometries: [Geometry], summedArea: Double) -> Geometry? {
        guard let union = try? Geometry.collection(.geometryCollection, geometries).coverageUnion(),
              union.type.isPolygonal, union.isValid, let area = try? union.area(),
              abs(area - summedArea) <= overlapFreeTolerance * summedArea else { return nil }
        return union
    }

    /// How far the parcels' summed area may exceed the land's and still count as rounding:
    /// the areas of a large block's parcels and of its union differ by about 1e-13 of it.
    static let overlapFreeTolerance = 1e-10

    /// - Parameter geometries: the members' geometries, in the order of `members`.
    private static func overlappingPairs(_ members: [Int], _ geometries: [Geometry], minimum: Double) throws -> [(Int, Int, Double)] {
        let envelopes = geometries.map(\.envelope)
        let tree = STRtree(envelopes: envelopes)
        var pairs: [(Int, Int, Double)] = []
        for (a, box) in envelopes.enumerated() {
            guard let box else { continue }
            let prepared = try PreparedGeometry(geometries[a])
            for b in tree.query(box) where b > a {
                let other = geometries[b]
                guard try prepared.intersects(other) else { continue }
                let shared = try geometries[a].intersection(other).area()
                if shared > minimum { pairs.append((members[a], members[b], shared)) }
            }
        }
        return pairs
    }
}
