import Foundation
import Testing

@Suite("sanse run", .serialized)
struct RunCommandTests {
    @Test func runOnTheDemoWritesEveryOutputAndExitsOneForItsDefects() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run").path
        let outcome = try CommandLineFixtures.sanse(["run"] + CommandLineFixtures.demoArguments + ["--out", out])
        #expect(outcome.status == 1, "the demo's deliberate defects are reported: \(outcome.stderr.suffix(400))")
        #expect(outcome.stderr.contains("blocks 348"))
        for name in [
            "blocks.geojson", "parcels.geojson", "outlines.geojson", "control-lines.geojson", "summary.csv",
            "summary.md",
            "issues.csv", "run.json", "sanse.gpkg", "map.svg", "map-横河镇.svg",
        ] {
            let size = (try? FileManager.default.attributesOfItem(atPath: out + "/" + name)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name): \(size) bytes")
        }
        let issues = try String(contentsOfFile: out + "/issues.csv", encoding: .utf8)
        for defect in ["330282-103-0721", "330282-104-0451", "330282-105-0171"] {
            #expect(issues.contains(defect), "issues.csv names \(defect)")
        }
        #expect(outcome.stdout.isEmpty, "logs go to stderr, never stdout")
    }

    @Test func outputIntoTheInputFolderIsRefused() throws {
        let inputFolder = CommandLineFixtures.demo.appendingPathComponent("shapefile").path
        let outcome = try CommandLineFixtures.sanse(
            ["run"] + CommandLineFixtures.demoArguments + ["--out", inputFolder])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("must not be an input's folder"))
    }
}
