/// A GeoJSON FeatureCollection read by `GeoJSONReader`: what GDAL's GeoJSON driver would
/// give for the same file, read without GDAL's per-feature objects and on several threads.
public struct GeoJSONLayer: Sendable {
    /// GDAL's layer name: the file's base name, or the collection's `name` member.
    public var name: String
    /// The fields GDAL would make of the properties: names, types and order.
    public var fields: [FieldDefinition]
    /// GDAL's reading of the collection's `crs` member (CRS84 when there is none).
    public var spatialReference: LayerSpatialReference?
    /// The features in file order, ids 0, 1, 2 …
    public var chunks: [FeatureChunk]

    /// The number of features over all chunks.
    public var featureCount: Int { chunks.reduce(0) { $0 + $1.count } }
}
