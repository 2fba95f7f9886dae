// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sanse",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeoKit", targets: ["GeoKit"]),
        .library(name: "Sanse", targets: ["Sanse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, nothing else: a module map and a shim header each.
        .systemLibrary(
            name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(
            name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),

        // Safe Swift over GEOS, PROJ and GDAL; knows nothing of parcels or planning.
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ", "CGDAL"]),

        // The pipeline: survey loading, analysis, rules and outputs.
        .target(name: "Sanse", dependencies: ["GeoKit", .product(name: "Yams", package: "Yams")]),

        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit"]),
        .testTarget(name: "SanseTests", dependencies: ["Sanse", "GeoKit"]),
    ],
    swiftLanguageModes: [.v6]
)
