#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One value per thread, made on first use and released when its thread ends.
///
/// GEOS and PROJ contexts must never be used by two threads at once. Every call into them is
/// synchronous, so a context kept per thread can never be shared by concurrent work, whichever
/// Swift task happens to run on that thread.
final class PerThread<Value: AnyObject>: @unchecked Sendable {
    // The key is written once in init and only read afterwards; pthread keys are thread-safe.
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        let status = pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<AnyObject>.fromOpaque(raw).release()
        }
        precondition(status == 0, "pthread_key_create failed (\(status))")
    }

    var value: Value {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
        }
        let fresh = make()
        pthread_setspecific(key, Unmanaged.passRetained(fresh).toOpaque())
        return fresh
    }
}
