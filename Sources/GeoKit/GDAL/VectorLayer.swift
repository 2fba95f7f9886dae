import CGDAL

/// One layer of an open dataset. Borrowed from the dataset, which it keeps alive.
///
/// ```swift
/// let layer = try VectorDataset(path: "parcels.gpkg").layer(named: "parcels")!
/// var iterator = layer.features().makeIterator()
/// while let feature = iterator.next() {
///     let shape = try feature.wkb.map { try Geometry(wkb: $0) }
/// }
/// if let error = iterator.error { throw error }
/// ```
public final class VectorLayer {
    /// The dataset the layer belongs to.
    public let dataset: VectorDataset
    let handle: OGRLayerH

    init(_ handle: OGRLayerH, dataset: VectorDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    /// The layer's name.
    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The number of features; may scan the whole layer for formats that do not store it.
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// The declared geometry type name, e.g. "Polygon", "Multi Polygon", "Unknown (any)".
    public var geometryTypeName: String {
        String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(handle)))
    }

    /// The layer's CRS as GDAL reads it; nil when it declares none.
    public var spatialReference: LayerSpatialReference? {
        LayerSpatialReference(borrowing: OGR_L_GetSpatialRef(handle))
    }

    /// The attribute fields, in order.
    public var fields: [FieldDefinition] {
        let definition = OGR_L_GetLayerDefn(handle)
        return (0..<OGR_FD_GetFieldCount(definition)).map { index in
            let field = OGR_FD_GetFieldDefn(definition, index)
            let name = String(cString: OGR_Fld_GetNameRef(field))
            return FieldDefinition(name: name, type: Self.fieldType(OGR_Fld_GetType(field)))
        }
    }

    /// Reads every feature from the start, in the layer's order.
    ///
    /// Geometries arrive as 2D WKB: Z/M dropped, curves linearised. A feature GDAL cannot
    /// read ends the iteration with an error naming the layer.
    public func features() -> FeatureSequence {
        FeatureSequence(layer: self)
    }

    /// Streams features; see `VectorLayer.features()`.
    public struct FeatureSequence: Sequence {
        let layer: VectorLayer

        /// Starts reading from the first feature.
        public func makeIterator() -> FeatureIterator {
            OGR_L_ResetReading(layer.handle)
            CPLErrorReset()
            return FeatureIterator(layer: layer, fieldCount: layer.fields.count)
        }
    }

    /// The features one by one; check `error` once `next()` gives nil.
    public struct FeatureIterator: IteratorProtocol {
        let layer: VectorLayer
        let fieldCount: Int
        /// Set when GDAL stopped on an error rather than at the end of the layer.
        public private(set) var error: GDALError?

        /// The next feature; nil at the end of the layer or when GDAL stopped on an error.
        public mutating func next() -> Feature? {
            guard let feature = OGR_L_GetNextFeature(layer.handle) else {
                if CPLGetLastErrorType() == CE_Failure {
                    error = GDALError.last("cannot read layer \(layer.name) of", path: layer.dataset.path)
                }
                return nil
            }
            defer { OGR_F_Destroy(feature) }
            return Feature(
                fid: Int64(OGR_F_GetFID(feature)),
                values: (0..<fieldCount).map { VectorLayer.value(of: feature, field: Int32($0)) },
                wkb: VectorLayer.wkb(of: feature))
        }
    }

    /// Reads all features, throwing if GDAL stops on an error part-way.
    public func readAll() throws -> [Feature] {
        var iterator = features().makeIterator()
        var result: [Feature] = []
        while let feature = iterator.next() { result.append(feature) }
        if let error = iterator.error { throw error }
        return result
    }

    static func value(of feature: OGRFeatureH, field: Int32) -> FieldValue {
        guard OGR_F_IsFieldSetAndNotNull(feature, field) != 0 else { return .null }
        let definition = OGR_F_GetFieldDefnRef(feature, field)
        switch OGR_Fld_GetType(definition) {
        case OFTInteger, OFTInteger64:
            return .integer(Int64(OGR_F_GetFieldAsInteger64(feature, field)))
        case OFTReal:
            return .real(OGR_F_GetFieldAsDouble(feature, field))
        default:
            return .string(String(cString: OGR_F_GetFieldAsString(feature, field)))
        }
    }

    static func wkb(of feature: OGRFeatureH) -> [UInt8]? {
        var bytes: [UInt8] = []
        return appendWKB(of: feature, to: &bytes) == true ? bytes : nil
    }

    /// Appends the feature's geometry to `bytes` as 2D little-endian ISO WKB: Z and M dropped,
    /// curves linearised. Returns nil when the feature has no geometry, false when GDAL could
    /// not export it (the bytes appended are then to be dropped).
    static func appendWKB(of feature: OGRFeatureH, to bytes: inout [UInt8]) -> Bool? {
        guard let borrowed = OGR_F_GetGeometryRef(feature) else { return nil }
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
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: size))
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            OGR_G_ExportToIsoWkb(geometry, wkbNDR, buffer.baseAddress! + start)
        }
        return status == OGRERR_NONE
    }

    static func fieldType(_ type: OGRFieldType) -> FieldType {
        switch type {
        case OFTInteger: .integer
        case OFTInteger64: .integer64
        case OFTReal: .real
        case OFTString: .string
        case OFTDate: .date
        case OFTDateTime: .dateTime
        default: .other(String(cString: OGR_GetFieldTypeName(type)))
        }
    }
}
