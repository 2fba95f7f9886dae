import GeoKit
import SanseModel

/// Town boundaries as lines drawn once: two towns share an edge, and a dashed line drawn twice
/// (or drawn in many short pieces, each restarting its dash pattern) looks broken. The rings
/// are unioned as linework (shared edges dissolve), simplified, rounded to the path grid, and
/// chained node to node into the longest lines that pass through no junction.
enum BoundaryLines {
    /// - Parameter polygons: polygonal geometries in metres, already clipped to the frame.
    static func path(of polygons: [Geometry], frame: MapFrame) throws -> PathData {
        var lines: [Geometry] = []
        for polygon in polygons {
            for rings in try polygon.polygonsAsRings() {
                for ring in rings where ring.count >= 2 { lines.append(try Geometry.lineString(ring)) }
            }
        }
        var path = PathData()
        guard !lines.isEmpty else { return path }
        let linework = try Geometry.collection(.multiLineString, lines).unaryUnion()
            .simplifiedPreservingTopology(tolerance: frame.simplifyTolerance)
        var pieces: [[PathData.Tenths]] = []
        for part in linework.parts where part.type == .lineString || part.type == .linearRing {
            pieces.append(PathData.rounded(try part.points(), frame: frame))
        }
        for line in chained(pieces) { path.appendLine(tenths: line) }
        return path
    }

    /// Joins pieces into maximal lines: each edge once, lines broken only at junctions (points
    /// with other than two edges). Deterministic: nodes and edges are visited in sorted order.
    static func chained(_ pieces: [[PathData.Tenths]]) -> [[PathData.Tenths]] {
        typealias T = PathData.Tenths
        struct Edge: Hashable { var a: T; var b: T }
        var edgeSet = Set<Edge>()
        for piece in pieces where piece.count >= 2 {
            for index in 1..<piece.count where piece[index] != piece[index - 1] {
                let (p, q) = (piece[index - 1], piece[index])
                edgeSet.insert(p < q ? Edge(a: p, b: q) : Edge(a: q, b: p))
            }
        }
        let edges = edgeSet.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        var neighbours: [T: [T]] = [:]
        for edge in edges {
            neighbours[edge.a, default: []].append(edge.b)
            neighbours[edge.b, default: []].append(edge.a)
        }
        var used = Set<Edge>()
        func key(_ p: T, _ q: T) -> Edge { p < q ? Edge(a: p, b: q) : Edge(a: q, b: p) }

        func walk(from start: T, to first: T) -> [T] {
            var line = [start, first]
            used.insert(key(start, first))
            var previous = start, current = first
            while let around = neighbours[current], around.count == 2 {
                let next = around[0] == previous ? around[1] : around[0]
                let edge = key(current, next)
                if used.contains(edge) { break }
                used.insert(edge)
                line.append(next)
                previous = current
                current = next
            }
            return line
        }

        var result: [[T]] = []
        // Lines that end at a junction or a loose end.
        let nodes = Set(edges.flatMap { [$0.a, $0.b] }).sorted()
        for node in nodes where neighbours[node]!.count != 2 {
            for next in neighbours[node]! where !used.contains(key(node, next)) {
                result.append(walk(from: node, to: next))
            }
        }
        // What is left are closed loops (an island town, a boundary drawn as a whole ring).
        for edge in edges where !used.contains(edge) {
            result.append(walk(from: edge.a, to: edge.b))
        }
        return result
    }
}
