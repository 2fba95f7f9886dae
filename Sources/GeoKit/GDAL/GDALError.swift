import CGDAL

/// A failure inside GDAL/OGR: what was attempted, on which file, and GDAL's last message.
public struct GDALError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let path: String?
    public let message: String

    public init(operation: String, path: String?, message: String) {
        self.operation = operation
        self.path = path
        self.message = message
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
