import CGDAL

/// Process-wide GDAL configuration options (`CPLSetConfigOption`).
///
/// ```swift
/// GDALConfiguration.set("OGR_CURRENT_DATE", "2000-01-01T00:00:00Z")
/// ```
public enum GDALConfiguration {
    /// Sets option `key` for the whole process, or clears it with nil. e.g. `OGR_CURRENT_DATE`
    /// fixes the timestamps GDAL writes into GeoPackages, so the same data gives the same file.
    public static func set(_ key: String, _ value: String?) {
        GDALLibrary.ensureRegistered()
        CPLSetConfigOption(key, value)
    }
}
