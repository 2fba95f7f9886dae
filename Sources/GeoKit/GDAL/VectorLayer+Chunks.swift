import CGDAL

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
            if !Self.appendWKB(of: feature, to: &builder) { builder.discardPendingWKB() }
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

    private static func appendValue(of feature: OGRFeatureH, field: Int32, kind: OGRFieldType, to table: inout AttributeTableBuilder) {
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

    /// Appends the feature's geometry as 2D ISO WKB; false when GDAL could not export it.
    private static func appendWKB(of feature: OGRFeatureH, to builder: inout FeatureChunkBuilder) -> Bool {
        guard let borrowed = OGR_F_GetGeometryRef(feature) else { return true }
        var geometry = borrowed
        var linearised: OGRGeometryH?
        if OGR_G_HasCurveGeometry(borrowed, 1) != 0, let linear = OGR_G_GetLinearGeometry(borrowed, 0, nil) {
            linearised = linear
            geometry = linear
        }
        defer { if let linearised { OGR_G_DestroyGeometry(linearised) } }
        // The feature is ours and about to be destroyed, so flattening it in place is safe.
        OGR_G_FlattenTo2D(geometry)
        let size = Int(OGR_G_WkbSize(geometry))
        return builder.withWKBBuffer { buffer in
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: size))
            let status = buffer.withUnsafeMutableBytes { raw in
                OGR_G_ExportToIsoWkb(geometry, wkbNDR, raw.baseAddress!.advanced(by: start).assumingMemoryBound(to: UInt8.self))
            }
            return status == OGRERR_NONE
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
