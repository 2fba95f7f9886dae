/// One feature read from a layer: its id, attribute values in field order, and its geometry as
/// 2D WKB (nil when the feature has no geometry).
public struct Feature: Sendable {
    /// The feature id GDAL gives it.
    public let fid: Int64
    /// One value per field, in field order.
    public let values: [FieldValue]
    /// 2D little-endian ISO WKB; nil without geometry.
    public let wkb: [UInt8]?

    /// A feature from its parts.
    public init(fid: Int64, values: [FieldValue], wkb: [UInt8]?) {
        self.fid = fid
        self.values = values
        self.wkb = wkb
    }
}
