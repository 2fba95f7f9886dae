import CGDAL
/// Process-wide GDAL configuration options (`CPLSetConfigOption`).
public enum GDALConfiguration {
    /// e.g. `OGR_CURRENT_DATE` fixes the timestamps GDAL writes into GeoPackages, so the same
    /// data gives the same file.
    public static func set(_ key: String, _ value: String?) {
        GDALLibrary.ensureRegistered()
        CPLSetConfigOption(key, value)
    }
}
