/// Builds a `FeatureChunk` feature by feature: the feature's attribute values and WKB, then
/// `finishFeature(fid:)`.
///
/// ```swift
/// var builder = FeatureChunkBuilder(columnCount: 1)
/// builder.attributes.appendText("甲", column: 0)
/// builder.appendWKB(try Geometry(wkt: "POINT (1 2)").wkb())
/// builder.finishFeature(fid: 0)
/// let chunk = builder.build()
/// ```
public struct FeatureChunkBuilder {
    /// The attribute values, a row per feature.
    public var attributes: AttributeTableBuilder
    private var fids: [Int64] = []
    /// Every feature's WKB so far, one after the other.
    public internal(set) var wkb: [UInt8] = []
    private var wkbEnds: [Int] = []

    /// An empty chunk with `columnCount` attribute columns.
    public init(columnCount: Int) {
        attributes = AttributeTableBuilder(columnCount: columnCount)
    }

    /// The features finished so far.
    public var count: Int { fids.count }

    /// Appends WKB bytes for the feature being built (a writer may append in pieces).
    public mutating func appendWKB<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        wkb.append(contentsOf: bytes)
    }

    /// Gives direct access to the WKB buffer, for writers that fill it in place.
    public mutating func withWKBBuffer<R>(_ body: (inout [UInt8]) throws -> R) rethrows -> R {
        try body(&wkb)
    }

    /// Ends the current feature: its geometry is every WKB byte appended since the previous
    /// feature (none: no geometry).
    public mutating func finishFeature(fid: Int64) {
        fids.append(fid)
        wkbEnds.append(wkb.count)
        attributes.finishRow()
    }

    /// Drops WKB bytes appended for the feature being built (e.g. a writer gave up half-way).
    public mutating func discardPendingWKB() {
        wkb.removeSubrange((wkbEnds.last ?? 0)...)
    }

    /// The bytes of WKB and longer text held so far, for deciding when a chunk is full.
    public var byteCount: Int { wkb.count + attributes.textByteCount }

    /// The chunk of the finished features, each array in storage of exactly its size.
    public func build() -> FeatureChunk {
        FeatureChunk(
            fids: fids.compacted(), wkb: wkb.compacted(), wkbEnds: wkbEnds.compacted(),
            attributes: attributes.build())
    }
}
