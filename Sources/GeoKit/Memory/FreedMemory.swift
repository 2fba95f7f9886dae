#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the program has freed back to the system between stages.
///
/// An allocator keeps freed pages for a while for reuse (jemalloc for 10 s by default), so a
/// stage's peak stays resident while the next stage allocates fresh: loading frees the raw
/// features and the analysis its indexes and GEOS temporaries just before the writers start.
/// Purging once at those points lowers the run's peak at little cost, where purging
/// continuously (a decay time of 0) slows every allocation.
///
/// ```swift
/// survey = try load(…)         // the raw features are freed here
/// FreedMemory.returnToSystem()  // and their pages handed back before the analysis allocates
/// ```
public enum FreedMemory {
    private typealias Mallctl = @convention(c) (
        UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
    ) -> Int32

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// jemalloc's control call, when the program runs on jemalloc (the release build does).
    private static let mallctl: Mallctl? = lookUp("mallctl")
    /// glibc's `malloc_trim`, for a build on the system allocator.
    private static let mallocTrim: MallocTrim? = lookUp("malloc_trim")

    /// A C function of the running program (or a library it loaded) by name.
    private static func lookUp<Function>(_ name: String) -> Function? {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }

    /// Whether freed pages can be handed back on this allocator.
    public static var isSupported: Bool { mallctl != nil || mallocTrim != nil }

    /// Returns every freed page of every arena to the system (jemalloc's `arena.<all>.purge`;
    /// glibc's `malloc_trim` otherwise).
    public static func returnToSystem() {
        if let mallctl {
            // MALLCTL_ARENAS_ALL is 4096.
            _ = mallctl("arena.4096.purge", nil, nil, nil, 0)
        } else if let mallocTrim {
            _ = mallocTrim(0)
        }
    }
}
