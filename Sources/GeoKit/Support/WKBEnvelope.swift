/// The bounding box of a WKB geometry, read straight from the bytes without building a
/// geometry: cheap enough to run over a whole layer before deciding how to reproject it.
public enum WKBEnvelope {
    /// nil for an empty geometry, malformed bytes, or any non-finite coordinate.
    public static func of(_ bytes: [UInt8]) -> Envelope? {
        bytes.withUnsafeBytes { raw -> Envelope? in
            var scanner = Scanner(bytes: raw)
            var box: Envelope?
            guard scanner.geometry(into: &box, depth: 0) else { return nil }
            guard let found = box, found.minX.isFinite, found.minY.isFinite, found.maxX.isFinite, found.maxY.isFinite else {
                return nil
            }
            return found
        }
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func uint32(littleEndian: Bool) -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4])) }
            offset += 4
            return littleEndian ? UInt32(littleEndian: value) : UInt32(bigEndian: value)
        }

        mutating func double(littleEndian: Bool) -> Double? {
            guard offset + 8 <= bytes.count else { return nil }
            var bits: UInt64 = 0
            withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
            offset += 8
            return Double(bitPattern: littleEndian ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
        }

        /// Reads one geometry (recursing into collections) and widens `box` by its points.
        mutating func geometry(into box: inout Envelope?, depth: Int) -> Bool {
            guard depth < 64, offset < bytes.count else { return false }
            let littleEndian = bytes[offset] == 1
            offset += 1
            guard var type = uint32(littleEndian: littleEndian) else { return false }
            // ISO (1000s) and extended (high-bit flags) Z/M variants.
            let hasZ = (type & 0x8000_0000) != 0 || (1000..<2000).contains(type % 4000) || (3000..<4000).contains(type % 4000)
            let hasM = (type & 0x4000_0000) != 0 || (2000..<4000).contains(type % 4000)
            if (type & 0x2000_0000) != 0 { offset += 4 }  // an embedded SRID
            type = (type & 0x0FFF_FFFF) % 1000
            let dimensions = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
            switch type {
            case 1:
                return points(1, dimensions: dimensions, littleEndian: littleEndian, into: &box)
            case 2:
                guard let count = uint32(littleEndian: littleEndian) else { return false }
                return points(Int(count), dimensions: dimensions, littleEndian: littleEndian, into: &box)
            case 3:
                guard let rings = uint32(littleEndian: littleEndian) else { return false }
                for _ in 0..<rings {
                    guard let count = uint32(littleEndian: littleEndian),
                          points(Int(count), dimensions: dimensions, littleEndian: littleEndian, into: &box) else { return false }
                }
                return true
            case 4, 5, 6, 7:
                guard let parts = uint32(littleEndian: littleEndian) else { return false }
                for _ in 0..<parts {
                    guard geometry(into: &box, depth: depth + 1) else { return false }
                }
                return true
            default:
                return false
            }
        }

        mutating func points(_ count: Int, dimensions: Int, littleEndian: Bool, into box: inout Envelope?) -> Bool {
            guard count >= 0, offset + count * dimensions * 8 <= bytes.count else { return false }
            for _ in 0..<count {
                guard let x = double(littleEndian: littleEndian), let y = double(littleEndian: littleEndian) else { return false }
                offset += (dimensions - 2) * 8
                // An empty point is written as NaN, NaN: no extent.
                if x.isNaN && y.isNaN && count == 1 { continue }
                guard x.isFinite, y.isFinite else { return false }
                let point = Point2D(x, y)
                if box == nil { box = Envelope(minX: x, minY: y, maxX: x, maxY: y) } else { box!.expand(toInclude: point) }
            }
            return true
        }
    }
}
