import CGDAL

/// Creates a vector dataset with any GDAL driver that can write (GeoPackage, Shapefile,
/// GeoJSON, FlatGeobuf …) and writes layers into it. Owns the GDAL handle; `close()` flushes
/// and reports failures, deinit closes quietly if `close()` was not called.
///
/// ```swift
/// let writer = try VectorDatasetWriter(path: "out.gpkg", driver: "GPKG")
/// let layer = try writer.createLayer(
///     name: "parcels", crs: "EPSG:4549", geometryType: .multiPolygon,
///     fields: [FieldDefinition(name: "name", type: .string)])
/// try writer.inTransaction {
///     try layer.write(values: [.string("甲")], wkb: shape.wkb(asMultiPolygon: true))
/// }
/// try writer.close()
/// ```
public final class VectorDatasetWriter {
    /// Where the dataset is written.
    public let path: String
    /// GDAL's short name of the driver writing it.
    public let driver: String
    private var handle: GDALDatasetH?

    /// Creates the dataset (replacing nothing: the path must be free for most drivers).
    /// - Parameters:
    ///   - driver: GDAL's short driver name, e.g. "GPKG", "ESRI Shapefile", "GeoJSON".
    ///   - options: dataset creation options, `KEY=VALUE`.
    public init(path: String, driver: String = "GPKG", options: [String] = []) throws {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let driverHandle = GDALGetDriverByName(driver) else {
            throw GDALError(operation: "no GDAL driver \(driver) to write", path: path, message: "driver not available")
        }
        let handle = GDALLibrary.withStringList(options) { GDALCreate(driverHandle, path, 0, 0, 0, GDT_Unknown, $0) }
        guard let handle else { throw GDALError.last("cannot create", path: path) }
        self.path = path
        self.driver = driver
        self.handle = handle
    }

    deinit {
        if let handle { GDALClose(handle) }
    }

    /// Creates a layer.
    /// - Parameters:
    ///   - crs: anything GDAL's `SetFromUserInput` takes (`EPSG:4549`, WKT, PROJJSON), or nil.
    ///   - geometryType: nil for a layer without geometry.
    ///   - options: layer creation options, e.g. `ENCODING=GBK` for a Shapefile (default UTF-8).
    public func createLayer(
        name: String, crs: String?, geometryType: GeometryType?, fields: [FieldDefinition], options: [String] = []
    ) throws -> LayerWriter {
        let dataset = try openHandle()
        var reference: OGRSpatialReferenceH?
        if let crs {
            reference = OSRNewSpatialReference(nil)
            guard OSRSetFromUserInput(reference, crs) == OGRERR_NONE else {
                OSRRelease(reference)
                throw GDALError.last("unknown CRS \"\(crs.prefix(60))\" for layer \(name) of", path: path)
            }
            OSRSetAxisMappingStrategy(reference, OAMS_TRADITIONAL_GIS_ORDER)
        }
        defer { if let reference { OSRRelease(reference) } }
        var options = options
        // A Shapefile's default is ISO-8859-1, which cannot hold a Chinese field name or value:
        // UTF-8 with a .cpg unless the caller asked for another encoding.
        if driver == "ESRI Shapefile", !options.contains(where: { $0.uppercased().hasPrefix("ENCODING=") }) {
            options.append("ENCODING=UTF-8")
        }
        let layer = GDALLibrary.withStringList(options) {
            GDALDatasetCreateLayer(dataset, name, reference, Self.ogrType(geometryType), $0)
        }
        guard let layer else { throw GDALError.last("cannot create layer \(name) in", path: path) }
        for field in fields {
            let definition = OGR_Fld_Create(field.name, Self.ogrFieldType(field.type))
            defer { OGR_Fld_Destroy(definition) }
            guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                throw GDALError.last("cannot create field \(field.name) of layer \(name) in", path: path)
            }
        }
        return LayerWriter(handle: layer, writer: self, name: name, fieldCount: fields.count)
    }

    /// Runs `body` in one transaction where the driver supports them (GeoPackage: much faster
    /// bulk writes); drivers without transactions just run it.
    public func inTransaction(_ body: () throws -> Void) throws {
        let dataset = try openHandle()
        let started = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
        do {
            try body()
        } catch {
            if started { GDALDatasetRollbackTransaction(dataset) }
            throw error
        }
        if started, GDALDatasetCommitTransaction(dataset) != OGRERR_NONE {
            throw GDALError.last("cannot commit writes to", path: path)
        }
    }

    /// Runs an SQL statement (e.g. to fill GeoPackage's `layer_styles`), discarding any result.
    public func execute(sql: String) throws {
        let dataset = try openHandle()
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(dataset, sql, nil, nil)
        if let result { GDALDatasetReleaseResultSet(dataset, result) }
        if CPLGetLastErrorType() == CE_Failure { throw GDALError.last("SQL failed on", path: path) }
    }

    /// Flushes and closes the dataset; throws if GDAL reported a failure while closing.
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        CPLErrorReset()
        GDALClose(handle)
        if CPLGetLastErrorType() == CE_Failure { throw GDALError.last("cannot finish writing", path: path) }
    }

    private func openHandle() throws -> GDALDatasetH {
        guard let handle else { throw GDALError(operation: "write to", path: path, message: "dataset already closed") }
        return handle
    }

    static func ogrType(_ type: GeometryType?) -> OGRwkbGeometryType {
        switch type {
        case nil: wkbNone
        case .point: wkbPoint
        case .lineString, .linearRing: wkbLineString
        case .polygon: wkbPolygon
        case .multiPoint: wkbMultiPoint
        case .multiLineString: wkbMultiLineString
        case .multiPolygon: wkbMultiPolygon
        case .geometryCollection: wkbGeometryCollection
        }
    }

    static func ogrFieldType(_ type: FieldType) -> OGRFieldType {
        switch type {
        case .integer: OFTInteger
        case .integer64: OFTInteger64
        case .real: OFTReal
        case .date: OFTDate
        case .dateTime: OFTDateTime
        case .string, .other: OFTString
        }
    }
}
