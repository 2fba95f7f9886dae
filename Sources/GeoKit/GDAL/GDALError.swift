import CGDAL

/// A failure inside GDAL/OGR: what was attempted, on which file, and GDAL's last message.
public struct GDALError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let path: String?
    public let message: String

    /// Keeps only the public form of the dataset's name (`DatasetName`), in the path and in
    /// GDAL's message, which may quote a connection string with its password.
    public init(operation: String, path: String?, message: String) {
        self.operation = operation
        self.path = path.map(DatasetName.publicForm)
        self.message = DatasetName.publicText(message, quoting: path.map { [$0] } ?? [])
    }

    public var description: String {
        if let path { return "\(operation) \(path): \(message)" }
        return "\(operation): \(message)"
    }

    /// The error for the call that just failed on this thread (GDAL keeps its last error per
    /// thread), and clears it.
    static func last(_ operation: String, path: String?) -> GDALError {
        let text = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        return GDALError(operation: operation, path: path, message: text.isEmpty ? "GDAL gave no reason" : text)
    }
}

enum GDALLibrary {
    private static let registered: Void = {
        GDALAllRegister()
        // GDAL prints errors to stderr by default; sanse reports them itself, with the file.
        CPLSetErrorHandler(CPLQuietErrorHandler)
    }()

    static func ensureRegistered() {
        _ = registered
    }

    /// Runs `body` with a NULL-terminated C string list (`char **`), as GDAL's options take.
    static func withStringList<R>(_ items: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
        if items.isEmpty { return try body(nil) }
        var pointers: [UnsafeMutablePointer<CChar>?] = items.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }

    /// The same list as `const char *const *`, as some GDAL calls declare it.
    static func withConstStringList<R>(_ items: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) rethrows -> R {
        try withStringList(items) { list in try body(list.map { UnsafePointer(OpaquePointer($0)) }) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide GDAL configuration options (`CPLSetConfigOption`).
public enum GDALConfiguration {
    /// e.g. `OGR_CURRENT_DATE` fixes the timestamps GDAL writes into GeoPackages, so the same
    /// data gives the same file.
    public static func set(_ key: String, _ value: String?) {
        GDALLibrary.ensureRegistered()
        CPLSetConfigOption(key, value)
    }
}
