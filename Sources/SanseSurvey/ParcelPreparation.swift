import Dispatch
import Foundation
import GeoKit
import SanseModel

/// Prepares parcels (reprojection, repair, values) on worker threads, chunk by chunk, while
/// chunks are still being handed in: GDAL can read on one core while the others prepare what
/// it has read, and each chunk's raw features are freed as soon as they are prepared.
///
/// Results do not depend on the number of workers: chunks keep their order, and ids and
/// issues are put in order at the end (`ParcelLoader.assemble`).
final class ParcelPreparation: @unchecked Sendable {
    private let mapping: ParcelLoader.Mapping
    private let projection: Projection?
    private let config: Config
    private let group = DispatchGroup()
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var pending: [FeatureChunk?] = []
    private var nextPending = 0
    private var firstFeatures: [Int] = [0]
    private var closed = false
    private var prepared: [ParcelLoader.PreparedChunk?] = []
    private var failure: (any Error)?
    /// How many chunks may wait while the reader is ahead of the workers.
    private let capacity: Int

    init(fields: [FieldDefinition], projection: Projection?, config: Config, workers: Int) {
        mapping = ParcelLoader.Mapping(fields, config.fields)
        self.projection = projection
        self.config = config
        capacity = 2 * max(1, workers)
        for _ in 0..<max(1, workers) {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { self.work() }
        }
    }

    /// Hands over a chunk, waiting while `capacity` chunks are already waiting.
    func add(_ chunk: FeatureChunk) {
        condition.withLock {
            while pending.count - nextPending >= capacity && !closed { condition.wait() }
            enqueue(chunk)
        }
    }

    /// Hands over chunks already in memory, all at once (so the caller keeps none).
    func add(contentsOf chunks: consuming [FeatureChunk]) {
        let all = consume chunks
        condition.lock()
        defer { condition.unlock() }
        for chunk in all { enqueue(chunk) }
    }

    private func enqueue(_ chunk: FeatureChunk) {
        pending.append(chunk)
        prepared.append(nil)
        firstFeatures.append(firstFeatures.last! + chunk.count)
        condition.broadcast()
    }

    /// Waits for the workers and gives the parcels in feature order.
    func finish(_ issues: inout IssueLog) throws -> [Parcel] {
        close()
        if let failure { throw failure }
        let results = prepared.map { $0! }
        prepared = []
        return ParcelLoader.assemble(results, featureCount: firstFeatures.last!, mapping: mapping, config: config, &issues)
    }

    /// Stops the workers (after the chunks they are on) and waits for them.
    func cancel() {
        condition.withLock {
            pending.removeAll()
            nextPending = 0
        }
        close()
    }

    private func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        group.wait()
    }

    private func work() {
        do {
            let preparation = GeometryPreparation(layer: "parcels", transformer: try projection?.makeTransformer())
            while let (index, first, chunk) = take() {
                // The previous raw chunk is gone: hand its pages back at once, or the allocator
                // keeps every chunk of the survey resident beside the parcels made from them.
                FreedMemory.returnToSystem()
                var chunk = chunk
                let result = ParcelLoader.prepare(&chunk, firstFeature: first, mapping: mapping, preparation: preparation, config: config)
                condition.withLock { prepared[index] = result }
            }
        } catch {
            condition.withLock {
                if failure == nil { failure = error }
                closed = true
                pending.removeAll()
                nextPending = 0
                condition.broadcast()
            }
        }
    }

    /// The next chunk, released from the queue, or nil once the queue is closed and empty.
    private func take() -> (Int, Int, FeatureChunk)? {
        condition.withLock {
            while nextPending == pending.count && !closed { condition.wait() }
            guard nextPending < pending.count else { return nil }
            let index = nextPending
            let chunk = pending[index].take()!
            nextPending += 1
            condition.broadcast()
            return (index, firstFeatures[index], chunk)
        }
    }
}
