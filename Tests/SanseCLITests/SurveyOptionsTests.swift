import Foundation
import Testing

/// `--gap` follows the same rule as the config's gap_m (a fuzzing finding: `--gap nan`, `inf`
/// or `-1` were taken as they came; inf and 1e300 failed in GEOS mid-analysis).
@Suite("sanse --gap")
struct GapOptionTests {
    @Test(arguments: ["nan", "inf", "-1", "1e300"])
    func outOfRangeGapIsBadUsage(_ gap: String) throws {
        let demo = CommandLineTests.demo
        let outcome = try CommandLineTests.sanse(["check", "--gap=\(gap)", "--parcels", demo.appendingPathComponent("shapefile/parcels.shp").path,
                                                  "--control-lines", demo.appendingPathComponent("shapefile/control_lines.shp").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--gap must be between 0 and 10000 metres"), "\(outcome.stderr)")
    }
}
