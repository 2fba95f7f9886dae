import CGDAL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension VectorLayer {
    /// Reads every feature from the start, in the layer's order, into `FeatureChunk`s of at
    /// most `featuresPerChunk` features, handing each to `body` as soon as it is full, so a
    /// caller can start on the first chunks while GDAL reads the rest. Values and geometries
    /// are as `features()` gives them (2D WKB, curves linearised).
    ///
    /// - Throws: the `GDALError` when GDAL stops on an error part-way; the features read
    ///   before it have been handed over.
    public func readChunks(featuresPerChunk: Int = 4096, _ body: (FeatureChunk) throws -> Void) throws {
        let fieldCount = fields.count
        let kinds = (0..<fieldCount).map { index in
            OGR_Fld_GetType(OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(handle), Int32(index)))
        }
        OGR_L_ResetReading(handle)
        CPLErrorReset()
        var builder = FeatureChunkBuilder(columnCount: fieldCount)
        // Text offsets in a chunk are 32-bit; a chunk never gets near that.
        let textLimit = 1 << 30
        while let feature = OGR_L_GetNextFeature(handle) {
            defer { OGR_F_Destroy(feature) }
            for field in 0..<fieldCount {
                Self.appendValue(of: feature, field: Int32(field), kind: kinds[field], to: &builder.attributes)
            }
            if builder.withWKBBuffer({ Self.appendWKB(of: feature, to: &$0) }) == false { builder.discardPendingWKB() }
            builder.finishFeature(fid: Int64(OGR_F_GetFID(feature)))
            if builder.count >= featuresPerChunk || builder.attributes.textByteCount > textLimit {
                try body(builder.build())
                builder = FeatureChunkBuilder(columnCount: fieldCount)
            }
        }
        let failed = CPLGetLastErrorType() == CE_Failure
        let error = failed ? GDALError.last("cannot read layer \(name) of", path: dataset.path) : nil
        if builder.count > 0 { try body(builder.build()) }
        if let error { throw error }
    }

    private static func appendValue(
        of feature: OGRFeatureH, field: Int32, kind: OGRFieldType, to table: inout AttributeTableBuilder
    ) {
        let column = Int(field)
        guard OGR_F_IsFieldSetAndNotNull(feature, field) != 0 else {
            table.appendNull(column: column)
            return
        }
        switch kind {
        case OFTInteger, OFTInteger64:
            table.appendInteger(Int64(OGR_F_GetFieldAsInteger64(feature, field)), column: column)
        case OFTReal:
            table.appendReal(OGR_F_GetFieldAsDouble(feature, field), column: column)
        default:
            let text = OGR_F_GetFieldAsString(feature, field)!
            table.appendText(UnsafeRawBufferPointer(start: text, count: strlen(text)), column: column)
        }
    }
}
