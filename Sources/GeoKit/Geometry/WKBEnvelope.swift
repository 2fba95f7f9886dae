/// The bounding box of a WKB geometry, read straight from the bytes without building a
/// geometry: cheap enough to run over a whole layer before deciding how to reproject it.
///
/// ```swift
/// WKBEnvelope.of(try Geometry(wkt: "LINESTRING (0 0, 10 -5)").wkb())  // Envelope(0 -5, 10 0)
/// ```
public enum WKBEnvelope {
    /// The box of the WKB's x and y (Z and M ignored, either byte order); nil for an empty
    /// geometry, malformed bytes, or any non-finite coordinate.
    public static func of(_ bytes: [UInt8]) -> Envelope? {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The same, on WKB bytes in place (e.g. inside a `FeatureChunk`).
    public static func of(_ raw: UnsafeRawBufferPointer) -> Envelope? {
        guard let layout = WKBLayout.of(raw) else { return nil }
        var box: Envelope?
        for run in layout.runs {
            for index in 0..<run.count {
                let start = run.offset + index * run.dimensions * 8
                let x = double(raw, start, layout.littleEndian), y = double(raw, start + 8, layout.littleEndian)
                // An empty point is written as NaN, NaN: no extent.
                if run.count == 1, x.isNaN, y.isNaN { continue }
                guard x.isFinite, y.isFinite else { return nil }
                if box == nil {
                    box = Envelope(minX: x, minY: y, maxX: x, maxY: y)
                } else {
                    box!.expand(toInclude: Point2D(x, y))
                }
            }
        }
        return box
    }

    private static func double(_ raw: UnsafeRawBufferPointer, _ offset: Int, _ littleEndian: Bool) -> Double {
        var bits: UInt64 = 0
        withUnsafeMutableBytes(of: &bits) {
            $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 8]))
        }
        return Double(bitPattern: littleEndian ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
    }
}
