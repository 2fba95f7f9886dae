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
    /// prepared distance (intersects for gap 0), whose value is the join's gap. Workers take
    /// chunks of parcels, skip pairs their own union-find has already joined, and hand back
    /// only the joins that connected something new; the joins are merged in order afterwards,
    /// so the blocks do not depend on the number of workers.
    static func blocks(of geometries: [Geometry], gap: Double, workers: Int) throws -> Result {
        let envelopes = geometries.map { $0.envelope }
        let tree = STRtree(envelopes: envelopes)
        let count = geometries.count
        let chunks = try Parallel.mapChunks(count: count, workers: workers, minimumChunk: 256) { range in
            var local = UnionFind(count: count)
            var joins: [Join] = []
            var clones = CloneWindow(geometries, range: range)
            for i in range {
                clones.forget(below: i)
                guard let box = envelopes[i] else { continue }
                var prepared: PreparedGeometry?
                for j in tree.query(box.expanded(by: gap)) where j > i && local.find(i) != local.find(j) {
                    guard let other = envelopes[j], box.distance(to: other) <= gap else { continue }
                    if prepared == nil { prepared = try PreparedGeometry(clones[i]) }
                    let distance: Double
                    if gap > 0 {
                        // The same facet distances as a prepared distance-within, and the gap too.
                        distance = try prepared!.distance(to: clones[j])
                        guard distance <= gap else { continue }
                    } else {
                        guard try prepared!.intersects(clones[j]) else { continue }
                        distance = 0
                    }
                    local.union(i, j)
                    joins.append(Join(a: i, b: j, distance: distance))
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

/// One worker's clones of the parcels it is looking at (workers share the parcels, so each
/// uses clones). Parcels are visited in ascending order and only neighbours with a higher
/// index are tested, so a clone is kept until its parcel's own turn has passed: a neighbour
/// cloned early is reused when its turn comes, without holding clones of the whole chunk.
private struct CloneWindow {
    private let geometries: [Geometry]
    private var clones: [Int: Geometry] = [:]
    private var lowest: Int
    private let end: Int

    /// - Parameter range: the worker's parcels; neighbours beyond them are cloned afresh each time.
    init(_ geometries: [Geometry], range: Range<Int>) {
        self.geometries = geometries
        lowest = range.lowerBound
        end = range.upperBound
    }

    subscript(index: Int) -> Geometry {
        mutating get {
            if let clone = clones[index] { return clone }
            let clone = geometries[index].clone()
            if index < end { clones[index] = clone }
            return clone
        }
    }

    /// Drops the clones of parcels below `index`: no later test uses them.
    mutating func forget(below index: Int) {
        while lowest < index {
            clones[lowest] = nil
            lowest += 1
        }
    }
}

