/// A `Transformer`'s answers for 2D points from a quadratic model of it, fitted in square
/// cells of the source plane (GDAL's approximate transformer, with a check): for outputs
/// rounded far more coarsely than the model's error — web lon/lat to 7 decimals is 1e-7°,
/// and a cell's model is kept only when it agrees with PROJ to `tolerance` — a few
/// multiplications a point instead of PROJ's full inverse projection.
///
/// Each cell's model is the biquadratic through PROJ's answers at the cell's 3 × 3 nodes; it is
/// checked against PROJ at eight points where such a model errs most (a third and two thirds
/// of the way between nodes). A cell whose check fails, or where PROJ fails at a node, is left
/// to PROJ point by point. A point's answer depends only on the point: never on the thread,
/// the order of the points or what was transformed before.
///
/// One instance per thread (it keeps its cells), like the `Transformer` it wraps.
///
/// ```swift
/// let web = try InterpolatingTransformer.forCurrentThread(from: "EPSG:4549", to: "EPSG:4326")
/// var ring = parcelRing                 // metres
/// let failed = web.transform(&ring)     // lon/lat; indices of points PROJ could not take
/// ```
public final class InterpolatingTransformer {
    /// The transformer the model stands in for, and asks where the model is not trusted.
    public let exact: Transformer
    /// The side of a cell, in source units.
    public let cellSize: Double
    /// How far, in target units, a cell's model may be from PROJ at its check points.
    public let tolerance: Double
    private var cells: [Int64: Cell] = [:]
    /// Cells kept at most (100 000 by default: about 20 MB a thread).
    public let maximumCells: Int
    private var lastKey: Int64 = .min
    private var lastCell = Cell.exact

    private enum Cell {
        /// Node values by row (v) then column (u): x then y, 18 doubles.
        case model(ContiguousArray<Double>)
        case exact
    }

    /// A model of `exact` in cells of `cellSize`, each kept only when within `tolerance` of PROJ.
    public init(_ exact: Transformer, cellSize: Double, tolerance: Double, maximumCells: Int = 100_000) {
        precondition(cellSize > 0 && tolerance > 0 && maximumCells > 0)
        self.maximumCells = maximumCells
        self.exact = exact
        self.cellSize = cellSize
        self.tolerance = tolerance
    }

    /// For `from` → `to` on this thread, made on first use: cells of 1 km (for a source in
    /// metres) and a tolerance of 1e-10 of the target's unit (1e-10° ≈ 0.01 mm).
    public static func forCurrentThread(from source: String, to target: String) throws -> InterpolatingTransformer {
        try perThread.value(source + "\u{0}" + target) {
            let exact = try Transformer.forCurrentThread(from: source, to: target)
            return InterpolatingTransformer(exact, cellSize: 1000, tolerance: 1e-10)
        }
    }

    private static let perThread = PerThreadCache<InterpolatingTransformer>()

    /// Transforms the points in place. Returns the indices of points that could not be
    /// transformed (left non-finite), as `Transformer.transform` does.
    @discardableResult
    public func transform(_ points: inout [Point2D]) -> [Int] {
        var exactIndices: [Int] = []
        for index in points.indices {
            let point = points[index]
            guard point.x.isFinite, point.y.isFinite else {
                exactIndices.append(index)
                continue
            }
            let column = (point.x / cellSize).rounded(.down), row = (point.y / cellSize).rounded(.down)
            guard abs(column) < 2e9, abs(row) < 2e9 else {
                exactIndices.append(index)
                continue
            }
            let key = Int64(Int32(column)) << 32 | Int64(UInt32(bitPattern: Int32(row)))
            if key != lastKey {
                lastCell = cells[key] ?? fit(column: column, row: row, key: key)
                lastKey = key
            }
            switch lastCell {
            case .exact:
                exactIndices.append(index)
            case .model(let nodes):
                points[index] = Self.evaluate(nodes, u: point.x / cellSize - column, v: point.y / cellSize - row)
            }
        }
        guard !exactIndices.isEmpty else { return [] }
        var rest = exactIndices.map { points[$0] }
        let failed = Set(exact.transform(&rest).map { exactIndices[$0] })
        for (slot, index) in exactIndices.enumerated() { points[index] = rest[slot] }
        return exactIndices.filter { failed.contains($0) }
    }

    private func fit(column: Double, row: Double, key: Int64) -> Cell {
        let fractions = [0, 0.5, 1.0]
        var nodes: [Point2D] = []
        for v in fractions {
            for u in fractions { nodes.append(Point2D((column + u) * cellSize, (row + v) * cellSize)) }
        }
        let probes = [1.0 / 6, 5.0 / 6, 1.0 / 3, 2.0 / 3]
        let checks = [(probes[0], probes[0]), (probes[1], probes[0]), (probes[0], probes[1]), (probes[1], probes[1]),
                      (probes[2], probes[3]), (probes[3], probes[2]), (0.5, probes[0]), (probes[1], 0.5)]
        var checked = checks.map { Point2D((column + $0.0) * cellSize, (row + $0.1) * cellSize) }
        let cell: Cell
        if exact.transform(&nodes).isEmpty, exact.transform(&checked).isEmpty {
            var values = ContiguousArray<Double>()
            values.reserveCapacity(18)
            for node in nodes { values.append(node.x); values.append(node.y) }
            let agrees = zip(checks, checked).allSatisfy { check, truth in
                let modelled = Self.evaluate(values, u: check.0, v: check.1)
                return abs(modelled.x - truth.x) <= tolerance && abs(modelled.y - truth.y) <= tolerance
            }
            cell = agrees ? .model(values) : .exact
        } else {
            cell = .exact
        }
        // A province-wide run would keep millions of cells: start afresh instead (a cell's
        // model depends on the cell alone, so no answer changes).
        if cells.count >= maximumCells { cells.removeAll(keepingCapacity: true) }
        cells[key] = cell
        return cell
    }

    /// The biquadratic through the nine nodes, at (u, v) in the cell's unit square.
    @inline(__always)
    private static func evaluate(_ nodes: ContiguousArray<Double>, u: Double, v: Double) -> Point2D {
        // Lagrange weights for nodes at 0, ½, 1.
        let wu0 = 2 * (u - 0.5) * (u - 1), wu1 = -4 * u * (u - 1), wu2 = 2 * u * (u - 0.5)
        let wv0 = 2 * (v - 0.5) * (v - 1), wv1 = -4 * v * (v - 1), wv2 = 2 * v * (v - 0.5)
        return nodes.withUnsafeBufferPointer { n in
            func row(_ r: Int, _ axis: Int) -> Double {
                wu0 * n[6 * r + axis] + wu1 * n[6 * r + 2 + axis] + wu2 * n[6 * r + 4 + axis]
            }
            return Point2D(wv0 * row(0, 0) + wv1 * row(1, 0) + wv2 * row(2, 0),
                           wv0 * row(0, 1) + wv1 * row(1, 1) + wv2 * row(2, 1))
        }
    }
}
