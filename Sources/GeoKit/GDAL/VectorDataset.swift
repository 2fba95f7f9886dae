import CGDAL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A vector dataset opened read-only: a file, a folder of Shapefiles, or a connection string
/// such as `PG:dbname=survey`. Owns the GDAL handle and closes it on deinit.
///
/// Not thread-safe (GDAL datasets are not); one reader per dataset.
///
/// ```swift
/// let dataset = try VectorDataset(path: "survey.shp", openOptions: ["ENCODING=GBK"])
/// guard let layer = dataset.layer(at: 0) else { … }
/// print(layer.name, layer.featureCount, layer.fields.map(\.name))
/// try layer.readChunks { chunk in … }  // or layer.readAll() for [Feature]
/// ```
public final class VectorDataset {
    /// The path or connection string it was opened from.
    public let path: String
    let handle: GDALDatasetH

    /// Opens a dataset read-only; throws `GDALError` naming the path ("no such file or
    /// directory" when that is the reason).
    /// - Parameter openOptions: driver options as `KEY=VALUE`, e.g. `ENCODING=GBK` for a
    ///   Shapefile without a `.cpg`, or `GEOM_POSSIBLE_NAMES=wkt` for a CSV.
    public init(path: String, openOptions: [String] = []) throws {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let handle = GDALLibrary.withConstStringList(openOptions) { options in
            GDALOpenEx(path, flags, nil, options, nil)
        }
        guard let handle else {
            let error = GDALError.last("cannot open", path: path)
            // GDAL's "not recognized" hides the likeliest cause: a wrong path.
            if error.message.contains("not recognized") || error.message == "GDAL gave no reason",
               !path.contains(":"), access(path, F_OK) != 0 {
                throw GDALError(operation: "cannot open", path: path, message: "no such file or directory")
            }
            throw error
        }
        self.path = path
        self.handle = handle
    }

    deinit {
        GDALClose(handle)
    }

    /// GDAL's short driver name, e.g. "ESRI Shapefile", "GPKG", "GeoJSON".
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle), let name = GDALGetDriverShortName(driver) else { return "" }
        return String(cString: name)
    }

    /// The number of layers.
    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// Every layer, in the dataset's order.
    public var layers: [VectorLayer] {
        (0..<layerCount).compactMap { layer(at: $0) }
    }

    /// Every layer's name, in the dataset's order.
    public var layerNames: [String] { layers.map(\.name) }

    /// Layer `index` (from 0); nil when there is none.
    public func layer(at index: Int) -> VectorLayer? {
        guard let layer = GDALDatasetGetLayer(handle, Int32(index)) else { return nil }
        return VectorLayer(layer, dataset: self)
    }

    /// The layer called `name`; nil when there is none.
    public func layer(named name: String) -> VectorLayer? {
        guard let layer = GDALDatasetGetLayerByName(handle, name) else { return nil }
        return VectorLayer(layer, dataset: self)
    }
}
