/// A run of consecutive features as read from a layer: ids, geometries as 2D little-endian
/// WKB packed into one buffer, their extents, and their attributes. One allocation per kind
/// of data instead of several per feature, so a layer of a million features can be held and
/// handed over chunk by chunk, and each chunk freed as soon as it has been used.
public struct FeatureChunk: Sendable {
    public private(set) var fids: [Int64]
    /// Geometry i is `wkb[wkbEnds[i - 1] ..< wkbEnds[i]]` (from 0 for the first); an empty
    /// range is a feature without geometry.
    private var wkb: [UInt8]
    private let wkbEnds: [Int]
    public private(set) var attributes: AttributeTable

    public init(fids: [Int64], wkb: [UInt8], wkbEnds: [Int], attributes: AttributeTable) {
        precondition(fids.count == wkbEnds.count && fids.count == attributes.rowCount)
        self.fids = fids
        self.wkb = wkb
        self.wkbEnds = wkbEnds
        self.attributes = attributes
    }

    public var count: Int { fids.count }

    private func wkbRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : wkbEnds[index - 1])..<wkbEnds[index]
    }

    public func hasGeometry(_ index: Int) -> Bool { !wkbRange(index).isEmpty }

    /// Feature `index`'s extent, read from its WKB (`WKBEnvelope` rules): nil without
    /// geometry, for an empty one, malformed bytes, or any non-finite coordinate.
    public func extent(_ index: Int) -> Envelope? {
        withWKB(index) { WKBEnvelope.of($0) } ?? nil
    }

    /// A copy of feature `index`'s WKB, nil when it has no geometry.
    public func wkb(_ index: Int) -> [UInt8]? {
        let range = wkbRange(index)
        return range.isEmpty ? nil : Array(wkb[range])
    }

    /// Feature `index`'s WKB in place, e.g. to reproject it without a copy; nil when it has
    /// no geometry.
    public mutating func withMutableWKB<R>(_ index: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R? {
        let range = wkbRange(index)
        guard !range.isEmpty else { return nil }
        return try wkb.withUnsafeMutableBytes { try body(UnsafeMutableRawBufferPointer(rebasing: $0[range])) }
    }

    public func withWKB<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        let range = wkbRange(index)
        guard !range.isEmpty else { return nil }
        return try wkb.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Feature `index`'s attributes, sharing this chunk's table.
    public func attributes(_ index: Int) -> AttributeRow {
        AttributeRow(table: attributes, row: index)
    }

    /// Renumbers the features (a reader that reads chunks in parallel knows their ids last).
    public mutating func setFIDs(_ fids: [Int64]) {
        precondition(fids.count == count)
        self.fids = fids
    }

    /// Replaces the attribute table by one with the same rows (e.g. its columns reordered).
    public mutating func setAttributes(_ table: AttributeTable) {
        precondition(table.rowCount == count)
        attributes = table
    }
}

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

extension Array {
    /// The same elements in storage of exactly their size: arrays grown by appending keep up
    /// to twice the room they need, which a reader holding a whole layer cannot afford.
    func compacted() -> [Element] {
        guard capacity > count + count / 16 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
