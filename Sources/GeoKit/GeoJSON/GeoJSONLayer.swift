/// A GeoJSON FeatureCollection read by `GeoJSONReader`: what GDAL's GeoJSON driver would
/// give for the same file, read several times faster.
public struct GeoJSONLayer: Sendable {
    /// GDAL's layer name: the file's base name, or the collection's `name` member.
    public var name: String
    public var fields: [FieldDefinition]
    /// GDAL's reading of the collection's `crs` member (CRS84 when there is none).
    public var spatialReference: LayerSpatialReference?
    /// The features in file order, ids 0, 1, 2 …
    public var chunks: [FeatureChunk]

    public var featureCount: Int { chunks.reduce(0) { $0 + $1.count } }
}
