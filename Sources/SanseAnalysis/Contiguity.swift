import GeoKit
import SanseModel

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

        /// Each parcel's component number, for `count` parcels.
        func componentOfParcel(count: Int) -> [Int] {
            var component = [Int](repeating: 0, count: count)
            for (number, members) in components.enumerated() { for index in members { component[index] = number } }
            return component
        }
    }

    /// Candidates come from an STRtree of envelopes grown by the gap; each exact test is a
    /// prepared distance (intersects for gap 0), whose value is the join's gap. Workers take
    /// chunks of parcels, skip pairs their own union-find has already joined, and hand back
    /// only the joins that connected something new; the joins are merged in order afterwards,
    /// so the blocks do not depend on the number of workers.
    static func blocks(of shapes: [FlatPolygons], gap: Double, workers: Int) throws -> Result {
        let envelopes = shapes.map(\.envelope)
        let tree = STRtree(envelopes: envelopes)
        let count = shapes.count
        let chunks = try Parallel.mapChunks(count: count, workers: workers, minimumChunk: 256) { range in
            var local = UnionFind(count: count)
            var joins: [Join] = []
            var geometries = GeometryWindow(shapes, range: range)
            for i in range {
                geometries.forget(below: i)
                guard let box = envelopes[i] else { continue }
                var prepared: PreparedGeometry?
                for j in tree.query(box.expanded(by: gap)) where j > i && local.find(i) != local.find(j) {
                    guard let other = envelopes[j], box.distance(to: other) <= gap else { continue }
                    if prepared == nil { prepared = try PreparedGeometry(try geometries.geometry(i)) }
                    let distance: Double
                    if gap > 0 {
                        // The same facet distances as a prepared distance-within, and the gap too.
                        distance = try prepared!.distance(to: try geometries.geometry(j))
                        guard distance <= gap else { continue }
                    } else {
                        guard try prepared!.intersects(try geometries.geometry(j)) else { continue }
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

/// The GEOS geometries one worker is looking at, built from the parcels' coordinates on the
/// worker's own thread. Parcels are visited in ascending order and only neighbours with a
/// higher index are tested, so a geometry is kept until its parcel's own turn has passed: a
/// neighbour built early is reused when its turn comes, without holding the whole chunk's.
private struct GeometryWindow {
    private let shapes: [FlatPolygons]
    private var built: [Int: Geometry] = [:]
    private var lowest: Int
    private let end: Int

    /// - Parameter range: the worker's parcels; neighbours beyond them are built afresh each time.
    init(_ shapes: [FlatPolygons], range: Range<Int>) {
        self.shapes = shapes
        lowest = range.lowerBound
        end = range.upperBound
    }

    mutating func geometry(_ index: Int) throws -> Geometry {
        if let geometry = built[index] { return geometry }
        let geometry = try shapes[index].geometry()
        if index < end { built[index] = geometry }
        return geometry
    }

    /// Drops the geometries of parcels below `index`: no later test uses them.
    mutating func forget(below index: Int) {
        while lowest < index {
            built[lowest] = nil
            lowest += 1
        }
    }
}
