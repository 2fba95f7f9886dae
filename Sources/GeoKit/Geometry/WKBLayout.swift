/// Where the coordinates sit inside a WKB geometry: runs of consecutive points, found by
/// walking the bytes without building a geometry.
///
/// ```swift
/// let layout = bytes.withUnsafeBytes { WKBLayout.of($0) }
/// for run in layout?.runs ?? [] { print(run.count, "points at byte", run.offset) }
/// ```
public enum WKBLayout {
    /// `count` points starting at byte `offset`, each `dimensions` doubles long.
    public struct PointRun: Equatable, Sendable {
        /// Where the first point's x starts.
        public var offset: Int
        /// How many points follow one another.
        public var count: Int
        /// Doubles per point: 2, 3 with Z or M, 4 with both.
        public var dimensions: Int
    }

    /// Every point sequence of a geometry, in the order the WKB holds them.
    public struct Layout: Sendable {
        /// The point sequences: a point, a line, each ring, each part's in turn.
        public var runs: [PointRun]
        /// False when any part is big-endian (XDR).
        public var littleEndian: Bool
    }

    /// The runs of points in WKB (ISO or extended, either byte order, with or without an SRID);
    /// nil for malformed or truncated bytes.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> Layout? {
        var walker = Walker(bytes: bytes)
        guard walker.geometry(depth: 0), walker.offset <= bytes.count else { return nil }
        return Layout(runs: walker.runs, littleEndian: walker.littleEndian)
    }

    private struct Walker {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var runs: [PointRun] = []
        var littleEndian = true

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func uint32(_ little: Bool) -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            withUnsafeMutableBytes(of: &value) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4]))
            }
            offset += 4
            return little ? UInt32(littleEndian: value) : UInt32(bigEndian: value)
        }

        mutating func run(_ count: Int, _ dimensions: Int) -> Bool {
            guard count >= 0, offset + count * dimensions * 8 <= bytes.count else { return false }
            if count > 0 { runs.append(PointRun(offset: offset, count: count, dimensions: dimensions)) }
            offset += count * dimensions * 8
            return true
        }

        mutating func geometry(depth: Int) -> Bool {
            guard depth < 64, offset < bytes.count else { return false }
            let little = bytes[offset] == 1
            if !little { littleEndian = false }
            offset += 1
            guard var type = uint32(little) else { return false }
            // ISO (1000s) and extended (high-bit flags) Z/M variants.
            let hasZ = (type & 0x8000_0000) != 0 || (1000..<2000).contains(type % 4000)
                || (3000..<4000).contains(type % 4000)
            let hasM = (type & 0x4000_0000) != 0 || (2000..<4000).contains(type % 4000)
            if (type & 0x2000_0000) != 0 { offset += 4 }  // an embedded SRID
            type = (type & 0x0FFF_FFFF) % 1000
            let dimensions = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
            switch type {
            case 1:
                return run(1, dimensions)
            case 2:
                guard let count = uint32(little) else { return false }
                return run(Int(count), dimensions)
            case 3:
                guard let rings = uint32(little) else { return false }
                for _ in 0..<rings {
                    guard let count = uint32(little), run(Int(count), dimensions) else { return false }
                }
                return true
            case 4, 5, 6, 7:
                guard let parts = uint32(little) else { return false }
                for _ in 0..<parts { guard geometry(depth: depth + 1) else { return false } }
                return true
            default:
                return false
            }
        }
    }
}
