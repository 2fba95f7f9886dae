import Dispatch
import Foundation

extension Parallel {
    /// Runs `body` once for each index of `order`, handing the indices to the workers one at a
    /// time in that order, so putting the most expensive items first keeps every worker busy
    /// to the end (contiguous chunks leave one worker alone with the biggest item).
    ///
    /// Each worker thread makes its own state with `makeWorker` (e.g. its clones of shared
    /// geometries) and passes it to every `body` call it runs.
    /// - Returns: the results by index (`result[i]` is `body`'s answer for `i`), so they never
    ///   depend on the number of workers. The first failure stops the work and is thrown.
    public static func map<Worker, T: Sendable>(
        order: [Int], workers: Int = defaultWorkerCount,
        worker makeWorker: @Sendable () throws -> Worker,
        _ body: @Sendable (inout Worker, Int) throws -> T
    ) throws -> [T] {
        let count = order.count
        precondition(Set(order) == Set(0..<count), "order must hold each index below its count once")
        guard count > 0 else { return [] }
        if workers <= 1 || count == 1 {
            var state = try makeWorker()
            var results = [T?](repeating: nil, count: count)
            for index in order { results[index] = try body(&state, index) }
            return results.map { $0! }
        }
        let results = ItemResults<T>(count: count)
        let queue = ItemQueue(order)
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            var state: Worker
            do {
                state = try makeWorker()
            } catch {
                results.fail(queue.abandon(), error)
                return
            }
            while let index = queue.next() {
                do {
                    results.set(index, try body(&state, index))
                } catch {
                    results.fail(index, error)
                    queue.stop()
                }
            }
        }
        return try results.values()
    }
}

private final class ItemQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let order: [Int]
    private var position = 0

    init(_ order: [Int]) { self.order = order }

    func next() -> Int? {
        lock.withLock {
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }

    /// Ends the work after a failure: the remaining items are not run.
    func stop() {
        lock.withLock { position = order.count }
    }

    /// Ends the work when a worker could not start; the item it would have taken reports why.
    func abandon() -> Int {
        lock.withLock {
            let blamed = position < order.count ? order[position] : order[order.count - 1]
            position = order.count
            return blamed
        }
    }
}

private final class ItemResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private var failure: (index: Int, error: any Error)?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.withLock { slots[index] = value }
    }

    func fail(_ index: Int, _ error: any Error) {
        lock.withLock {
            if failure == nil || index < failure!.index { failure = (index, error) }
        }
    }

    func values() throws -> [T] {
        try lock.withLock {
            if let failure { throw failure.error }
            return slots.map { $0! }
        }
    }
}
