/// Values per thread and per key, made on first use: e.g. one PROJ transformer for each pair
/// of CRSs on each thread.
final class PerThreadCache<Value: AnyObject>: Sendable {
    private final class Entries {
        var values: [String: Value] = [:]
    }

    private let entries = PerThread { Entries() }

    func value(_ key: String, make: () throws -> Value) rethrows -> Value {
        let cache = entries.value
        if let cached = cache.values[key] { return cached }
        let made = try make()
        cache.values[key] = made
        return made
    }
}
