/// A run of consecutive features as read from a layer: ids, geometries as 2D little-endian
/// WKB packed into one buffer, their extents, and their attributes. One allocation per kind
/// of data instead of several per feature, so a layer of a million features can be held and
/// handed over chunk by chunk, and each chunk freed as soon as it has been used.
///
/// ```swift
/// try layer.readChunks { chunk in
///     for index in 0..<chunk.count where chunk.hasGeometry(index) {
///         let geometry = try chunk.withWKB(index) { try Geometry(wkb: $0) }
///         let name = chunk.attributes(index)[0]
///     }
/// }
/// ```
public struct FeatureChunk: Sendable {
    /// The features' ids, in order.
    public private(set) var fids: [Int64]
    /// Geometry i is `wkb[wkbEnds[i - 1] ..< wkbEnds[i]]` (from 0 for the first); an empty
    /// range is a feature without geometry.
    private var wkb: [UInt8]
    private let wkbEnds: [Int]
    /// The features' attributes, a row each.
    public private(set) var attributes: AttributeTable

    /// A chunk from its parts: geometry i is `wkb[wkbEnds[i - 1] ..< wkbEnds[i]]` (from 0 for
    /// the first), an empty range a feature without geometry.
    public init(fids: [Int64], wkb: [UInt8], wkbEnds: [Int], attributes: AttributeTable) {
        precondition(fids.count == wkbEnds.count && fids.count == attributes.rowCount)
        self.fids = fids
        self.wkb = wkb
        self.wkbEnds = wkbEnds
        self.attributes = attributes
    }

    /// The number of features.
    public var count: Int { fids.count }

    private func wkbRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : wkbEnds[index - 1])..<wkbEnds[index]
    }

    /// Whether feature `index` has a geometry.
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
    public mutating func withMutableWKB<R>(
        _ index: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R? {
        let range = wkbRange(index)
        guard !range.isEmpty else { return nil }
        return try wkb.withUnsafeMutableBytes { try body(UnsafeMutableRawBufferPointer(rebasing: $0[range])) }
    }

    /// Feature `index`'s WKB in place, valid only during the call; nil when it has no geometry.
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
