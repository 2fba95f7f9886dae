import CGDAL

/// Writes features into one layer of a `VectorDatasetWriter`, which it keeps alive.
public final class LayerWriter {
    /// The layer's name.
    public let name: String
    private let handle: OGRLayerH
    private let writer: VectorDatasetWriter
    private let fieldCount: Int

    init(handle: OGRLayerH, writer: VectorDatasetWriter, name: String, fieldCount: Int) {
        self.handle = handle
        self.writer = writer
        self.name = name
        self.fieldCount = fieldCount
    }

    /// Writes one feature: values in the order the fields were declared, geometry as WKB.
    public func write(values: [FieldValue], wkb: [UInt8]?) throws {
        precondition(values.count == fieldCount, "layer \(name) has \(fieldCount) fields, got \(values.count) values")
        guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(handle)) else {
            throw GDALError.last("cannot make a feature for layer \(name) of", path: writer.path)
        }
        defer { OGR_F_Destroy(feature) }
        for (index, value) in values.enumerated() {
            let field = Int32(index)
            switch value {
            case .null: OGR_F_SetFieldNull(feature, field)
            case .integer(let number): OGR_F_SetFieldInteger64(feature, field, GIntBig(number))
            case .real(let number): OGR_F_SetFieldDouble(feature, field, number)
            case .string(let text): OGR_F_SetFieldString(feature, field, text)
            }
        }
        if let wkb {
            var geometry: OGRGeometryH?
            let status = wkb.withUnsafeBytes {
                OGR_G_CreateFromWkb($0.baseAddress, nil, &geometry, Int32($0.count))
            }
            guard status == OGRERR_NONE, let geometry else {
                throw GDALError(
                    operation: "bad WKB for a feature of layer \(name) of", path: writer.path,
                    message: "OGR error \(status)")
            }
            OGR_F_SetGeometryDirectly(feature, geometry)
        }
        guard OGR_L_CreateFeature(handle, feature) == OGRERR_NONE else {
            throw GDALError.last("cannot write a feature to layer \(name) of", path: writer.path)
        }
    }
}
