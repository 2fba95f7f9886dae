// swift-tools-version:6.0
// libFuzzer harnesses for sanse's loading path: a package of its own so that the main
// package's `swift build` never sees `-sanitize=fuzzer`. Build and run with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "sanse-fuzz",
    dependencies: [
        // Named, so the product reference does not depend on the checkout's folder name.
        .package(name: "sanse", path: ".."),
    ],
    targets: [
        // libFuzzer's own mutation entry point, which the structure-aware mutator calls.
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "sanse-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "SanseFuzzing", package: "sanse")],
            path: "Sources/SanseFuzz"),
    ],
    swiftLanguageModes: [.v6]
)
