import Foundation
import SanseModel

/// Work on a thread of its own, started at once and waited for with `wait()`: the output
/// writers that cannot use both cores (the GeoPackage goes through one SQLite connection) run
/// beside the ones that can. The thread has its own GEOS context, like any other.
package final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    // Written by the job's thread before it signals, read only after `wait()`.
    private var result: Result<Value, any Error>?
    private(set) var seconds = 0.0

    package init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let start = DispatchTime.now().uptimeNanoseconds
            result = Result { try body() }
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            finished.signal()
        }
        // GDAL, SQLite and GEOS recurse; give them what a main thread has.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the job is done; its value or error.
    package func wait() -> Result<Value, any Error> {
        finished.wait()
        finished.signal()
        return result!
    }
}
