import Foundation

/// A value shared by several threads, read and changed only while its lock is held: the one
/// lock-protected box in GeoKit (the work queue, the results of parallel work, counters).
///
/// ```swift
/// let total = Locked(0)
/// DispatchQueue.concurrentPerform(iterations: 4) { _ in total.withLock { $0 += 1 } }
/// total.withLock { $0 }  // 4
/// ```
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held; keep it short, other threads wait.
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
