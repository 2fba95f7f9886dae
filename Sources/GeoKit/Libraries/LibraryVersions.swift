import CGDAL
import CGEOS
import CPROJ

/// The GEOS, PROJ and GDAL releases this process runs on, as each library reports them at run
/// time, and the oldest releases GeoKit is written against.
///
/// ```swift
/// print(LibraryVersions.current)  // GEOS 3.11.1-CAPI-1.17.1, PROJ 9.1.1, GDAL 3.6.2
/// try LibraryVersions.checkSupported()
/// // throws e.g. "GEOS 3.10.2 is too old: GeoKit needs GEOS 3.11.0 or newer (GEOS reports "3.10.2-CAPI-1.16.0")"
/// ```
public struct LibraryVersions: Sendable, Equatable, CustomStringConvertible {
    /// The C libraries GeoKit wraps.
    public enum Library: String, CaseIterable, Sendable {
        /// Geometry operations (`Geometry`).
        case geos = "GEOS"
        /// Coordinate transformations (`Transformer`, `CoordinateReferenceSystem`).
        case proj = "PROJ"
        /// Vector data reading and writing (`VectorDataset`, `VectorDatasetWriter`).
        case gdal = "GDAL"

        /// The oldest release GeoKit's calls are written and tested against: GEOS 3.11, PROJ 9.1,
        /// GDAL 3.6 (whose GeoJSON driver `GeoJSONReader` reads like).
        public var minimumVersion: LibraryVersion {
            switch self {
            case .geos: LibraryVersion(3, 11)
            case .proj: LibraryVersion(9, 1)
            case .gdal: LibraryVersion(3, 6)
            }
        }
    }

    /// GEOS's `GEOSversion()`, e.g. "3.11.1-CAPI-1.17.1".
    public var geos: String
    /// PROJ's `proj_info().version`, e.g. "9.1.1".
    public var proj: String
    /// GDAL's `GDALVersionInfo("RELEASE_NAME")`, e.g. "3.6.2".
    public var gdal: String

    /// Versions as the libraries would report them, e.g. to check another set.
    public init(geos: String, proj: String, gdal: String) {
        self.geos = geos
        self.proj = proj
        self.gdal = gdal
    }

    /// The libraries loaded into this process.
    public static let current = LibraryVersions(
        geos: GEOSversion().map { String(cString: $0) } ?? "",
        proj: proj_info().version.map { String(cString: $0) } ?? "",
        gdal: GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "")

    /// The text `library` reported.
    public subscript(library: Library) -> String {
        switch library {
        case .geos: geos
        case .proj: proj
        case .gdal: gdal
        }
    }

    /// The release number in the text `library` reported; nil when it has none.
    public func version(of library: Library) -> LibraryVersion? {
        LibraryVersion(parsing: self[library])
    }

    /// Throws for the first library (GEOS, PROJ, GDAL) older than its `minimumVersion`, or
    /// whose version cannot be read.
    public func check() throws(UnsupportedLibraryVersion) {
        for library in Library.allCases {
            let found = version(of: library)
            if found.map({ $0 < library.minimumVersion }) ?? true {
                throw UnsupportedLibraryVersion(library: library, reported: self[library], found: found)
            }
        }
    }

    /// `LibraryVersions.current.check()`: whether this process runs on releases GeoKit supports.
    public static func checkSupported() throws(UnsupportedLibraryVersion) {
        try current.check()
    }

    /// e.g. "GEOS 3.11.1-CAPI-1.17.1, PROJ 9.1.1, GDAL 3.6.2".
    public var description: String {
        Library.allCases.map { "\($0.rawValue) \(self[$0])" }.joined(separator: ", ")
    }
}
