// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sanse",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeoKit", targets: ["GeoKit"]),
        .library(name: "Sanse", targets: ["Sanse", "SanseModel", "SanseSurvey", "SanseAnalysis", "SanseOutput"]),
        .executable(name: "sanse", targets: ["SanseCLI"]),
        // For Fuzz/, the libFuzzer package, which depends on this one by path.
        .library(name: "SanseFuzzing", targets: ["SanseFuzzing", "TestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        // SHA-256 of the inputs for run.json: OpenSSL's is ~10× faster than portable code.
        .systemLibrary(
            name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        // The GeoPackage's feature rows and R-tree, written in bulk (GDAL makes the file).
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),

        // Safe Swift over GEOS, PROJ and GDAL; knows nothing of parcels or planning.
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ", "CGDAL", "CCrypto"]),

        // sanse's own targets, one per stage; a target imports only targets listed above it:
        // SanseModel ← {SanseSurvey, SanseAnalysis, SanseOutput} ← Sanse (pipeline) ← SanseCLI.
        // Loading, analysis and writing share only the model; only the pipeline runs them in order.
        // The vocabulary every stage shares: config and rules, survey, parcels, blocks, issues,
        // stage timings. Data and its reading from YAML; no loading, analysis or writing.
        .target(name: "SanseModel", dependencies: ["GeoKit", .product(name: "Yams", package: "Yams")]),
        // read → validate: the input layers into a projected, repaired `Survey`.
        .target(name: "SanseSurvey", dependencies: ["SanseModel", "GeoKit"]),
        // analyse → classify: contiguity, blocks, control-line shares, rules, ids, town table.
        .target(name: "SanseAnalysis", dependencies: ["SanseModel", "GeoKit"]),
        // write: one folder per format (GeoJSON, GeoPackage, tables, SVG maps, run manifest).
        .target(
            name: "SanseOutput", dependencies: ["SanseModel", "GeoKit", "CCrypto", "CSQLite"],
            // The web viewer's files are compiled in (Viewer/EmbeddedViewerAssets.swift, made by
            // scripts/embed-viewer-assets.py), so the binary writes them from wherever it is.
            exclude: ["Viewer/Assets", "Viewer/Vendor"]),
        // The run order (read → validate → analyse → classify → write), batch runs and diffs.
        .target(name: "Sanse", dependencies: ["SanseModel", "SanseSurvey", "SanseAnalysis", "SanseOutput", "GeoKit"]),

        // The `sanse` command; named apart from the library so the folders differ on
        // case-insensitive file systems.
        .executableTarget(
            name: "SanseCLI",
            dependencies: [
                "Sanse", "SanseModel", "SanseOutput", "GeoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // GEOS allocates and frees millions of small objects from both workers; glibc's
            // malloc spends a fifth of a run on them, jemalloc makes the run ~25% faster.
            // Release only: the sanitizer builds bring their own allocator.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]),

        // Fuzzing harnesses over the public loading entry points and a seeded mutation engine;
        // the test suite runs a short campaign, Fuzz/ runs them under libFuzzer.
        .target(name: "SanseFuzzing", dependencies: ["Sanse", "SanseModel", "SanseSurvey", "GeoKit", "TestSupport"]),
        // The one seeded random generator of the tests and the fuzzing campaigns.
        .target(name: "TestSupport"),

        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit", "TestSupport"]),
        .testTarget(
            name: "SanseTests",
            dependencies: ["Sanse", "SanseModel", "SanseSurvey", "SanseAnalysis", "SanseOutput", "GeoKit", "TestSupport"]),
        .testTarget(
            name: "SanseFuzzingTests", dependencies: ["SanseFuzzing", "Sanse", "SanseModel", "SanseSurvey", "TestSupport"]),
        // Runs the built `sanse` executable end to end.
        .testTarget(
            name: "SanseCLITests",
            dependencies: ["SanseCLI", "Sanse", "SanseModel", "SanseOutput", "GeoKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
