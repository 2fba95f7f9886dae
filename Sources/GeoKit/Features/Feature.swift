/// One feature read from a layer: its id, attribute values in field order, and its geometry as
/// 2D WKB (nil when the feature has no geometry).
public struct Feature: Sendable {
    public let fid: Int64
    public let values: [FieldValue]
    public let wkb: [UInt8]?

    public init(fid: Int64, values: [FieldValue], wkb: [UInt8]?) {
        self.fid = fid
        self.values = values
        self.wkb = wkb
    }
}
