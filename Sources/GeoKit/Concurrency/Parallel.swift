import Foundation

/// Runs chunks of an index range on several threads at once, with results in chunk order, so
/// the output never depends on the number of workers or on scheduling.
///
/// Each thread has its own GEOS context (`GEOSContext.current`); a body that needs PROJ makes
/// its own `Transformer`. A body must only use geometries no other chunk uses, or clones of
/// shared ones (`Geometry.clone()` only reads its source).
///
/// ```swift
/// // One array of areas per chunk, in index order, whatever the number of workers.
/// let areas = try Parallel.mapChunks(count: shapes.count) { range in
///     try range.map { try shapes[$0].geometry().area() }
/// }.flatMap { $0 }
/// ```
///
/// `map(order:workers:worker:_:)` hands out single items instead, in an order of the caller's
/// choosing, to workers that keep a state of their own.
public enum Parallel {
    /// `SANSE_WORKERS` if set, else the number of cores.
    public static var defaultWorkerCount: Int {
        if let text = ProcessInfo.processInfo.environment["SANSE_WORKERS"], let count = Int(text), count > 0 {
            return count
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Splits `0..<count` into contiguous chunks and runs `body` on each, `workers` at a time.
    /// - Parameter minimumChunk: the smallest chunk worth a thread hop.
    /// - Returns: one result per chunk, in index order. The first failure stops the hand-out of
    ///   chunks; the failure of the lowest chunk is thrown.
    public static func mapChunks<T: Sendable>(
        count: Int, workers: Int = defaultWorkerCount, minimumChunk: Int = 64,
        _ body: @Sendable (Range<Int>) throws -> T
    ) throws -> [T] {
        guard count > 0 else { return [] }
        // A few chunks per worker even out uneven work.
        let chunkCount = max(1, min(workers * 4, (count + minimumChunk - 1) / minimumChunk))
        let ranges = (0..<chunkCount).map { chunk in
            (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        }
        return try map(order: Array(0..<chunkCount), workers: workers, worker: {}) { _, chunk in
            try body(ranges[chunk])
        }
    }
}
