extension FlatPolygons {
    /// The union of polygons that tile without overlapping and whose shared edges match vertex
    /// for vertex (a coverage), by cancelling each shared edge against its twin and chaining
    /// what is left into rings: the rings GEOS's coverage union would polygonise from the same
    /// edges, without its planar graph.
    ///
    /// nil when the edges do not settle that simply and the caller should ask GEOS: an edge
    /// present more than twice or twice the same way (an overlap), boundary that does not
    /// close, a vertex where the boundary passes twice (polygons touching at a corner), or
    /// holes with more than one shell to go in. The result is not validated: a crossing
    /// between unmatched edges (a partly shared edge) still gives rings, and only a validity
    /// test of the result tells.
    ///
    /// ```swift
    /// if let land = FlatPolygons.coverageUnion(lots), try land.geometry().isValid {
    ///     // the lots' union, without GEOS's overlay
    /// }
    /// ```
    public static func coverageUnion(_ shapes: [FlatPolygons]) -> FlatPolygons? {
        var edges: [CoverageEdge] = []
        edges.reserveCapacity(shapes.reduce(0) { $0 + $1.storage.count / 2 })
        for shape in shapes {
            var failed = false
            shape.forEachRing { _, ring, points in
                guard !failed, points.count >= 4 else { failed = true; return }
                let area = -twiceClockwiseArea(points)
                guard area != 0 else { failed = true; return }
                // Interior on the left of every edge: exteriors counter-clockwise, holes clockwise.
                let forward = (area > 0) == (ring == 0)
                for index in 0..<(points.count - 1) {
                    let a = points[index], b = points[index + 1]
                    guard a != b else { continue }
                    edges.append(forward ? CoverageEdge(from: a, to: b) : CoverageEdge(from: b, to: a))
                }
            }
            if failed { return nil }
        }

        // Shared edges cancel: the same two points, once each way.
        edges.sort { $0.key < $1.key }
        var boundary: [CoverageEdge] = []
        var index = 0
        while index < edges.count {
            var end = index + 1
            while end < edges.count && edges[end].key == edges[index].key { end += 1 }
            switch end - index {
            case 1: boundary.append(edges[index])
            case 2 where edges[index].isForward != edges[index + 1].isForward: break
            default: return nil
            }
            index = end
        }
        guard !boundary.isEmpty else { return nil }

        // Chained by start point: one edge leaves each boundary point, or the boundary touches itself.
        boundary.sort { $0.from < $1.from }
        for index in 1..<boundary.count where boundary[index].from == boundary[index - 1].from { return nil }
        var used = [Bool](repeating: false, count: boundary.count)
        var shells: [[Point2D]] = [], holes: [[Point2D]] = []
        for start in boundary.indices where !used[start] {
            var ring = [boundary[start].from]
            var current = start
            while true {
                used[current] = true
                let next = boundary[current].to
                ring.append(next)
                guard let following = firstIndex(from: next, in: boundary) else { return nil }
                if following == start { break }
                guard !used[following] else { return nil }
                current = following
            }
            let area = ring.withUnsafeBufferPointer { -twiceClockwiseArea($0) }
            if area > 0 { shells.append(ring) } else if area < 0 { holes.append(ring) } else { return nil }
        }
        if holes.isEmpty { return FlatPolygons(polygons: shells.map { [$0] }) }
        guard shells.count == 1 else { return nil }
        return FlatPolygons(polygons: [shells + holes])
    }

    private static func firstIndex(from point: Point2D, in sorted: [CoverageEdge]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].from < point { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].from == point ? low : nil
    }
}

/// A directed edge, with its endpoints in order as the key shared with its twin.
private struct CoverageEdge {
    var from: Point2D
    var to: Point2D

    var isForward: Bool { from < to }
    var key: EdgeKey { isForward ? EdgeKey(low: from, high: to) : EdgeKey(low: to, high: from) }
}

private struct EdgeKey: Comparable {
    var low: Point2D
    var high: Point2D

    static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        a.low != b.low ? a.low < b.low : a.high < b.high
    }
}

extension Point2D {
    /// x first, then y; -0 and 0 compare equal, as in GEOS.
    @inline(__always)
    static func < (a: Point2D, b: Point2D) -> Bool {
        a.x != b.x ? a.x < b.x : a.y < b.y
    }
}
