/// Reprojecting WKB in place, before any geometry is built: one PROJ call per ring and no
/// intermediate GEOS geometry.
extension Transformer {
    /// Transforms every x, y of little-endian WKB in place (Z and M are left alone). Returns
    /// the indices (counted over all points) of points PROJ could not transform, or nil when
    /// the bytes are not little-endian WKB this can walk (then parse and transform instead).
    public func transform(wkb bytes: inout [UInt8]) -> [Int]? {
        bytes.withUnsafeMutableBytes { transform(wkb: $0) }
    }

    /// The same, on WKB bytes in place (e.g. inside a `FeatureChunk`).
    public func transform(wkb raw: UnsafeMutableRawBufferPointer) -> [Int]? {
        guard let layout = WKBLayout.of(UnsafeRawBufferPointer(raw)), layout.littleEndian else { return nil }
        var failures: [Int] = []
        var counted = 0
        var scratch: [Point2D] = []
        for run in layout.runs {
            // Copy out to aligned doubles, transform, copy back.
            scratch.removeAll(keepingCapacity: true)
            for index in 0..<run.count {
                let start = run.offset + index * run.dimensions * 8
                scratch.append(Point2D(raw.loadUnaligned(fromByteOffset: start, as: Double.self),
                                       raw.loadUnaligned(fromByteOffset: start + 8, as: Double.self)))
            }
            for failed in transform(&scratch) { failures.append(counted + failed) }
            for index in 0..<run.count {
                let start = run.offset + index * run.dimensions * 8
                raw.storeBytes(of: scratch[index].x, toByteOffset: start, as: Double.self)
                raw.storeBytes(of: scratch[index].y, toByteOffset: start + 8, as: Double.self)
            }
            counted += run.count
        }
        return failures
    }
}
