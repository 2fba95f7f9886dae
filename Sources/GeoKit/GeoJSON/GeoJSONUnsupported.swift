/// Why the fast GeoJSON reader declined a file: anything outside the strict, plain subset it
/// reads exactly as GDAL would. The caller then reads the file with GDAL.
public struct GeoJSONUnsupported: Error, CustomStringConvertible, Sendable {
    /// What the reader met that it leaves to GDAL.
    public let reason: String
    /// Byte offset in the file, when known.
    public let offset: Int

    /// A refusal for `reason` at byte `offset` (0 when it concerns the whole file).
    public init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// e.g. "array or object property (byte 1234)".
    public var description: String { "\(reason) (byte \(offset))" }
}
