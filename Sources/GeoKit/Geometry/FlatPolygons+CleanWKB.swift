extension FlatPolygons {
    /// The polygon in `wkb` when it certainly is one GEOS would call valid without repair: a
    /// 2D little-endian Polygon, or MultiPolygon of one polygon, with a single ring that
    /// `RingSimplicity` accepts, every coordinate finite and below `limit` in size. The result
    /// is what `FlatPolygons(Geometry(wkb:))` gives, point for point.
    ///
    /// nil means "not certain" (holes, several parts, Z or M, big-endian, a long or
    /// near-degenerate ring): the caller goes through GEOS.
    ///
    /// ```swift
    /// // raw: one feature's WKB in place, e.g. from `FeatureChunk.withWKB`
    /// let shape = try FlatPolygons.certainlyValidPolygon(wkb: raw, limit: 1e9)
    ///     ?? FlatPolygons(Geometry(wkb: raw).makeValid(method: .structure))
    /// ```
    public static func certainlyValidPolygon(wkb: UnsafeRawBufferPointer, limit: Double) -> FlatPolygons? {
        #if _endian(big)
        return nil
        #endif
        var offset = 0
        func uint32() -> UInt32? {
            guard offset + 4 <= wkb.count else { return nil }
            let value = UInt32(littleEndian: wkb.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            offset += 4
            return value
        }
        guard wkb.count >= 9, wkb[0] == 1 else { return nil }
        offset = 1
        guard let type = uint32() else { return nil }
        let multi: Bool
        switch type {
        case 3: multi = false
        case 6:
            multi = true
            guard uint32() == 1, offset + 5 <= wkb.count, wkb[offset] == 1 else { return nil }
            offset += 1
            guard uint32() == 3 else { return nil }
        default: return nil
        }
        guard uint32() == 1, let count = uint32().map(Int.init), count >= 4, count <= RingSimplicity.maximumPoints,
              offset + 16 * count == wkb.count else { return nil }
        let storage = [Double](unsafeUninitializedCapacity: 4 + 2 * count) { buffer, initialized in
            buffer[0] = multi ? multiKind : polygonKind
            buffer[1] = 1
            buffer[2] = 1
            buffer[3] = Double(count)
            UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[32..<(32 + 16 * count)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: wkb[offset..<(offset + 16 * count)]))
            initialized = 4 + 2 * count
        }
        // Little-endian doubles on a little-endian machine: the bytes are the values.
        let accepted = storage.withUnsafeBufferPointer { buffer -> Bool in
            for value in buffer[4...] where !(abs(value) < limit) { return false }
            let points = UnsafeRawPointer(buffer.baseAddress! + 4).assumingMemoryBound(to: Point2D.self)
            let ring = UnsafeBufferPointer(start: points, count: count)
            return RingSimplicity.isCertainlyValidShell(ring) && twiceClockwiseArea(ring) != 0
        }
        return accepted ? FlatPolygons(storage: storage) : nil
    }
}
