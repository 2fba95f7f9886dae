/// Item indices handed out one at a time, in a given order, to whichever worker thread asks
/// next: items listed first are started first, and a failure stops the hand-out.
struct WorkQueue: Sendable {
    private let order: [Int]
    private let position = Locked(0)

    init(_ order: [Int]) {
        self.order = order
    }

    /// The next item to run; nil once every item has been handed out or the work stopped.
    func next() -> Int? {
        position.withLock { position in
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }

    /// Ends the work after a failure: the items not yet handed out are not run.
    func stop() {
        position.withLock { $0 = order.count }
    }

    /// Ends the work when a worker could not start; returns the item it would have taken next,
    /// to report the failure against.
    func abandon() -> Int {
        position.withLock { position in
            let blamed = position < order.count ? order[position] : order[order.count - 1]
            position = order.count
            return blamed
        }
    }
}
