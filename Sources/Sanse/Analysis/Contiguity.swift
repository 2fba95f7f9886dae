import GeoKit

/// Contiguity (连片, SPEC semantics 4): parcels within `gap` metres of each other are adjacent,
/// and blocks are the connected components.
enum Contiguity {
    /// One adjacency that joined two groups: why the block holds together.
    struct Join: Sendable {
        var a: Int
        var b: Int
        /// 0 for touching (or overlapping) parcels, else the gap in metres.
        var distance: Double
    }

    struct Result: Sendable {
        /// Parcel indices of each block, ascending, blocks ordered by their first parcel.
        var components: [[Int]]
        /// A spanning forest of the adjacencies: n − blocks joins.
        var joins: [Join]
    }

    /// Candidates come from an STRtree of envelopes grown by the gap; each exact test is a
    /// prepared distance-within (intersects for gap 0). Workers take chunks of parcels, skip
    /// pairs their own union-find has already joined, and hand back only the joins that
    /// connected something new; the joins are merged in order afterwards, so the blocks do not
    /// depend on the number of workers.
    static func blocks(of geometries: [Geometry], gap: Double, workers: Int) throws -> Result {
        let envelopes = geometries.map { $0.envelope }
        let tree = STRtree(envelopes: envelopes)
        let count = geometries.count
        let chunks = try Parallel.mapChunks(count: count, workers: workers, minimumChunk: 256) { range in
            var local = UnionFind(count: count)
            var joins: [Join] = []
            for i in range {
                guard let box = envelopes[i] else { continue }
                var prepared: (geometry: Geometry, index: PreparedGeometry)?
                for j in tree.query(box.expanded(by: gap)) where j > i && local.find(i) != local.find(j) {
                    guard let other = envelopes[j], box.distance(to: other) <= gap else { continue }
                    if prepared == nil {
                        let copy = geometries[i].clone()  // workers share the parcels: use clones
                        prepared = (copy, try PreparedGeometry(copy))
                    }
                    let neighbour = geometries[j].clone()
                    let adjacent = gap > 0
                        ? try prepared!.index.isWithinDistance(gap, of: neighbour)
                        : try prepared!.index.intersects(neighbour)
                    guard adjacent else { continue }
                    local.union(i, j)
                    joins.append(Join(a: i, b: j, distance: try prepared!.geometry.distance(to: neighbour)))
                }
            }
            return joins
        }
        var sets = UnionFind(count: count)
        var spanning: [Join] = []
        for join in chunks.joined() where sets.union(join.a, join.b) {
            spanning.append(join)
        }
        return Result(components: sets.components(), joins: spanning)
    }
}
