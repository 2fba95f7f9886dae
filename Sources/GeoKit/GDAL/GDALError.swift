import CGDAL

/// A failure inside GDAL/OGR: what was attempted, on which file, and GDAL's last message.
public struct GDALError: Error, Equatable, CustomStringConvertible {
    /// What was attempted, worded to go before the path, e.g. "cannot open".
    public let operation: String
    /// The file or connection, when there is one.
    public let path: String?
    /// GDAL's last message, or a note that it gave none.
    public let message: String

    /// Keeps only the public form of the dataset's name (`DatasetName`), in the path and in
    /// GDAL's message, which may quote a connection string with its password.
    public init(operation: String, path: String?, message: String) {
        self.operation = operation
        self.path = path.map(DatasetName.publicForm)
        self.message = DatasetName.publicText(message, quoting: path.map { [$0] } ?? [])
    }

    /// e.g. "cannot open parcels.shp: no such file or directory".
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
