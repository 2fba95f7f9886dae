/// Builds a `FeatureChunk` feature by feature.
public struct FeatureChunkBuilder {
    public var attributes: AttributeTableBuilder
    private var fids: [Int64] = []
    public internal(set) var wkb: [UInt8] = []
    private var wkbEnds: [Int] = []

    public init(columnCount: Int) {
        attributes = AttributeTableBuilder(columnCount: columnCount)
    }

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

    public var byteCount: Int { wkb.count + attributes.textByteCount }

    public func build() -> FeatureChunk {
        FeatureChunk(fids: fids.compacted(), wkb: wkb.compacted(), wkbEnds: wkbEnds.compacted(), attributes: attributes.build())
    }
}
