import CGEOS

/// Well-known binary and text, the exchange formats between GDAL, GEOS and files.
extension Geometry {
    /// Reads a geometry from WKB (ISO or extended, either byte order).
    public convenience init(wkb: [UInt8]) throws {
        let ctx = GEOSContext.current
        let pointer = wkb.withUnsafeBufferPointer {
            GEOSWKBReader_read_r(ctx.handle, ctx.wkbReader, $0.baseAddress, $0.count)
        }
        guard let pointer else { throw ctx.error("read WKB") }
        self.init(owning: pointer)
    }

    /// Reads a geometry from WKB bytes in place (e.g. inside a `FeatureChunk`).
    public convenience init(wkb: UnsafeRawBufferPointer) throws {
        let ctx = GEOSContext.current
        let bytes = wkb.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let pointer = GEOSWKBReader_read_r(ctx.handle, ctx.wkbReader, bytes, wkb.count)
        guard let pointer else { throw ctx.error("read WKB") }
        self.init(owning: pointer)
    }

    /// Reads a geometry from WKT, e.g. "POLYGON ((0 0, 1 0, 1 1, 0 0))".
    public convenience init(wkt: String) throws {
        let ctx = GEOSContext.current
        guard let pointer = GEOSWKTReader_read_r(ctx.handle, ctx.wktReader, wkt) else { throw ctx.error("read WKT") }
        self.init(owning: pointer)
    }

    /// Little-endian 2D WKB.
    public func wkb() throws -> [UInt8] {
        let ctx = context
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(ctx.handle, ctx.wkbWriter, pointer, &size) else {
            throw ctx.error("write WKB")
        }
        defer { GEOSFree_r(ctx.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// WKT with trailing zeros trimmed; `decimals` rounds the coordinates when given.
    public func wkt(decimals: Int? = nil) throws -> String {
        let ctx = context
        guard let writer = GEOSWKTWriter_create_r(ctx.handle) else { throw ctx.error("write WKT") }
        defer { GEOSWKTWriter_destroy_r(ctx.handle, writer) }
        GEOSWKTWriter_setTrim_r(ctx.handle, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(ctx.handle, writer, 2)
        if let decimals { GEOSWKTWriter_setRoundingPrecision_r(ctx.handle, writer, Int32(decimals)) }
        guard let text = GEOSWKTWriter_write_r(ctx.handle, writer, pointer) else { throw ctx.error("write WKT") }
        defer { GEOSFree_r(ctx.handle, text) }
        return String(cString: text)
    }
}

extension Geometry: CustomStringConvertible {
    /// The WKT, or the type's name when GEOS cannot write it.
    public var description: String { (try? wkt()) ?? "<\(type)>" }
}
