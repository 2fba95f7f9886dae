/// Why the fast GeoJSON reader declined a file: anything outside the strict, plain subset it
/// reads exactly as GDAL would. The caller then reads the file with GDAL.
public struct GeoJSONUnsupported: Error, CustomStringConvertible, Sendable {
    public let reason: String
    /// Byte offset in the file, when known.
    public let offset: Int

    public init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason) (byte \(offset))" }
}
