import Testing
@testable import GeoKit

@Suite("Library versions")
struct LibraryVersionsTests {
    @Test(arguments: [
        ("3.11.1-CAPI-1.17.1", LibraryVersion(3, 11, 1)),
        ("3.6.2", LibraryVersion(3, 6, 2)),
        ("9.1", LibraryVersion(9, 1, 0)),
        ("3.8.0dev", LibraryVersion(3, 8, 0)),
        ("3.12.0beta1-CAPI-1.18.0", LibraryVersion(3, 12, 0)),
        ("10.0.1.5", LibraryVersion(10, 0, 1)),
        ("3.9.", LibraryVersion(3, 9, 0)),
    ])
    func versionsAreReadFromTheLibrarysText(text: String, expected: LibraryVersion) {
        #expect(LibraryVersion(parsing: text) == expected)
    }

    @Test(arguments: ["", "3", "v3.11", "Rel. 9.1.1", "three.eleven", ".11.1"])
    func textWithoutAVersionIsNone(text: String) {
        #expect(LibraryVersion(parsing: text) == nil)
    }

    @Test func versionsCompareNumberByNumber() {
        #expect(LibraryVersion(3, 10) < LibraryVersion(3, 11))
        #expect(LibraryVersion(3, 11) < LibraryVersion(3, 11, 1))
        #expect(LibraryVersion(3, 9, 9) < LibraryVersion(3, 10))
        #expect(LibraryVersion(9, 1) >= LibraryVersion(9, 1, 0))
        #expect(LibraryVersion(10, 0) > LibraryVersion(9, 9, 9))
        #expect(LibraryVersion(3, 11, 1).description == "3.11.1")
    }

    @Test func theMinimumsAreTheReleasesTheCodeIsWrittenAgainst() {
        #expect(LibraryVersions.Library.geos.minimumVersion == LibraryVersion(3, 11))
        #expect(LibraryVersions.Library.proj.minimumVersion == LibraryVersion(9, 1))
        #expect(LibraryVersions.Library.gdal.minimumVersion == LibraryVersion(3, 6))
    }

    @Test func aTooOldLibraryIsNamedWithWhatWasFound() {
        let old = LibraryVersions(geos: "3.10.2-CAPI-1.16.0", proj: "9.1.1", gdal: "3.6.2")
        let tooOldGEOS = UnsupportedLibraryVersion(
            library: .geos, reported: "3.10.2-CAPI-1.16.0", found: LibraryVersion(3, 10, 2))
        #expect(throws: tooOldGEOS) { try old.check() }
        #expect(tooOldGEOS.description
            == "GEOS 3.10.2 is too old: GeoKit needs GEOS 3.11.0 or newer (GEOS reports \"3.10.2-CAPI-1.16.0\")")
        let oldPROJ = LibraryVersions(geos: "3.11.0-CAPI-1.17.0", proj: "9.0.1", gdal: "3.6.0")
        #expect(throws: UnsupportedLibraryVersion(library: .proj, reported: "9.0.1", found: LibraryVersion(9, 0, 1))) {
            try oldPROJ.check()
        }
        let oldGDAL = LibraryVersions(geos: "3.12.1-CAPI-1.18.1", proj: "9.4.0", gdal: "3.5.3")
        #expect(throws: UnsupportedLibraryVersion(library: .gdal, reported: "3.5.3", found: LibraryVersion(3, 5, 3))) {
            try oldGDAL.check()
        }
        let unreadable = LibraryVersions(geos: "3.11.1-CAPI-1.17.1", proj: "", gdal: "3.6.2")
        #expect(throws: UnsupportedLibraryVersion(library: .proj, reported: "", found: nil)) { try unreadable.check() }
        #expect(throws: Never.self) { try LibraryVersions(geos: "3.11.0", proj: "9.1.0", gdal: "3.6.0").check() }
    }

    /// The libraries on this machine: the versions read, and supported.
    @Test func theLoadedLibrariesAreReadAndSupported() throws {
        let current = LibraryVersions.current
        for library in LibraryVersions.Library.allCases {
            #expect(current.version(of: library) != nil, "\(library.rawValue) reports \"\(current[library])\"")
        }
        #expect(current.description.hasPrefix("GEOS \(current.geos), PROJ "))
        try LibraryVersions.checkSupported()
    }
}
