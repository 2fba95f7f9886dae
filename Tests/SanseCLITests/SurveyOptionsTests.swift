import Foundation
import Testing

/// The options every survey command shares: the inputs, the config and what overrides it.
@Suite("sanse survey options", .serialized)
struct SurveyOptionsTests {
    /// `--gap` follows the same rule as the config's gap_m (a fuzzing finding: `--gap nan`, `inf`
    /// or `-1` were taken as they came; inf and 1e300 failed in GEOS mid-analysis).
    @Test(arguments: ["nan", "inf", "-1", "1e300"])
    func outOfRangeGapIsBadUsage(_ gap: String) throws {
        let demo = CommandLineFixtures.demo
        let outcome = try CommandLineFixtures.sanse([
            "check", "--gap=\(gap)", "--parcels", demo.appendingPathComponent("shapefile/parcels.shp").path,
            "--control-lines", demo.appendingPathComponent("shapefile/control_lines.shp").path,
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--gap must be between 0 and 10000 metres"), "\(outcome.stderr)")
    }

    @Test func badConfigExitsTwoNamingFileAndLine() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("bad.yml")
        try """
        contiguity:
          gap_m: 30
        rules:
          - category: exit
            any:
              - {metric: inside, op: "<", value: 0.5}

        """.write(to: config, atomically: true, encoding: .utf8)
        var arguments = CommandLineFixtures.demoArguments
        arguments[arguments.count - 1] = config.path
        let outcome = try CommandLineFixtures.sanse(["check"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yml:6:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("unknown metric \"inside\""))
    }
}
