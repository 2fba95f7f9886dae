import Dispatch

extension Parallel {
    /// Runs `body` once for each index of `order`, handing the indices to the workers one at a
    /// time in that order, so putting the most expensive items first keeps every worker busy
    /// to the end (contiguous chunks leave one worker alone with the biggest item).
    ///
    /// Each worker thread makes its own state with `makeWorker` (e.g. its clones of shared
    /// geometries) and passes it to every `body` call it runs. A result may be of a type that
    /// is not `Sendable` as long as `body` hands it over (`sending`): it is made on one thread
    /// and only read by the caller once every worker is done.
    ///
    /// ```swift
    /// let biggestFirst = sizes.indices.sorted { sizes[$0] > sizes[$1] }
    /// let areas = try Parallel.map(order: biggestFirst, worker: { try shared.clone() }) { shape, index in
    ///     try shape.intersection(pieces[index]).area()
    /// }
    /// ```
    ///
    /// - Returns: the results by index (`result[i]` is `body`'s answer for `i`), so they never
    ///   depend on the number of workers. The first failure stops the hand-out; the failure of
    ///   the lowest index among the items run is thrown.
    public static func map<Worker, T, Failure: Error>(
        order: [Int], workers: Int = defaultWorkerCount,
        worker makeWorker: @Sendable () throws(Failure) -> Worker,
        _ body: @Sendable (inout Worker, Int) throws(Failure) -> sending T
    ) throws(Failure) -> [T] {
        let count = order.count
        precondition(Set(order) == Set(0..<count), "order must hold each index below its count once")
        guard count > 0 else { return [] }
        if workers <= 1 || count == 1 {
            var state = try makeWorker()
            var results = [T?](repeating: nil, count: count)
            for index in order { results[index] = try body(&state, index) }
            return results.map { $0! }
        }
        let queue = WorkQueue(order)
        let results = Locked(ItemResults<T, Failure>(count: count))
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            var state: Worker
            do throws(Failure) {
                state = try makeWorker()
            } catch {
                let blamed = queue.abandon()
                results.withLock { $0.fail(blamed, error) }
                return
            }
            while let index = queue.next() {
                do throws(Failure) {
                    let value = try body(&state, index)
                    results.withLock { $0.slots[index] = value }
                } catch {
                    results.withLock { $0.fail(index, error) }
                    queue.stop()
                }
            }
        }
        return try results.withLock { results throws(Failure) in try results.values() }
    }
}

/// The results of `Parallel.map` by index, and its first failure.
private struct ItemResults<T, Failure: Error> {
    var slots: [T?]
    private var failure: (index: Int, error: Failure)?

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    mutating func fail(_ index: Int, _ error: Failure) {
        if failure == nil || index < failure!.index { failure = (index, error) }
    }

    func values() throws(Failure) -> [T] {
        if let failure { throw failure.error }
        return slots.map { $0! }
    }
}
