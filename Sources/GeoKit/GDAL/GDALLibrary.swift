import CGDAL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GDAL's process-wide set-up, done once, and C string lists for its options.
enum GDALLibrary {
    private static let registered: Void = {
        GDALAllRegister()
        // GDAL prints errors to stderr by default; GeoKit reports them as `GDALError`s instead,
        // with the file.
        CPLSetErrorHandler(CPLQuietErrorHandler)
    }()

    /// Registers GDAL's drivers and quietens its error printing, on first call.
    static func ensureRegistered() {
        _ = registered
    }

    /// Runs `body` with a NULL-terminated C string list (`char **`), as GDAL's options take.
    static func withStringList<R>(
        _ items: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R
    ) rethrows -> R {
        if items.isEmpty { return try body(nil) }
        var pointers: [UnsafeMutablePointer<CChar>?] = items.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }

    /// The same list as `const char *const *`, as some GDAL calls declare it.
    static func withConstStringList<R>(
        _ items: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R
    ) rethrows -> R {
        try withStringList(items) { list in try body(list.map { UnsafePointer(OpaquePointer($0)) }) }
    }
}
