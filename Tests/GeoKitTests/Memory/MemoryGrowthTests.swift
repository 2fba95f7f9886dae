import Foundation
import Testing
@testable import GeoKit

/// Resident memory of this process in bytes (Linux).
private func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// AddressSanitizer keeps freed memory in quarantine, so resident size says nothing there;
/// LeakSanitizer checks for leaks in that run instead.
private let runningUnderAddressSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil

@Suite("Memory: GEOS and PROJ objects made and destroyed do not accumulate")
struct MemoryGrowthTests {
    @Test(.enabled(if: !runningUnderAddressSanitizer, "LeakSanitizer covers leaks under ASan"))
    func creatingAndDestroyingManyObjectsDoesNotGrowMemory() throws {
        func churn(geometries: Int, transformers: Int) throws {
            for index in 0..<geometries {
                let x = Double(index % 1000)
                let polygon = try Geometry.polygon(
                    exterior: [Point2D(x, 0), Point2D(x + 1, 0), Point2D(x + 1, 1), Point2D(x, 1)])
                let copy = try Geometry(wkb: try polygon.wkb())
                _ = try copy.buffer(0.1).area()
                _ = try PreparedGeometry(copy).intersects(polygon)
            }
            for _ in 0..<transformers {
                let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
                _ = try transformer.transform(Point2D(121, 30))
            }
        }
        try churn(geometries: 20_000, transformers: 50)  // warm up caches and allocator pools
        // Resident memory is the whole process's, and other suites run alongside this one:
        // a leak grows it in every round, another test's allocations only now and then, so
        // the smallest growth of three rounds is the one that tells.
        var growths: [Int] = []
        for _ in 0..<3 {
            let before = residentBytes()
            try churn(geometries: 100_000, transformers: 500)
            growths.append(residentBytes() - before)
        }
        let growth = growths.min()!
        #expect(growth < 16 << 20, """
            resident memory grew by \(growth >> 10) KiB in the best of three rounds \
            (\(growths.map { $0 >> 10 }) KiB)
            """)
    }
}
