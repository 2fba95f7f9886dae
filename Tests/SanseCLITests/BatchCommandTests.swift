import Foundation
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("sanse batch", .serialized)
struct BatchCommandTests {
    @Test func aBrokenRunDoesNotStopTheBatchAndUnchangedRunsAreSkipped() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = CommandLineFixtures.demo.path
        let manifest = folder.appendingPathComponent("batch.yml")
        try """
        defaults:
          control_lines: \(demo)/cixi-survey.gpkg
          control_lines_layer: control_lines
          towns: \(demo)/cixi-survey.gpkg
          towns_layer: towns
        runs:
          - name: gap30
            parcels: \(demo)/cixi-survey.gpkg
            parcels_layer: parcels
            out: out/gap30
          - name: missing
            parcels: data/没有这个文件.shp
            out: out/missing
          - name: gap10
            parcels: \(demo)/cixi-survey.gpkg
            parcels_layer: parcels
            out: out/gap10
            config_overrides: {contiguity: {gap_m: 10}}
        """.write(to: manifest, atomically: true, encoding: .utf8)

        let first = try CommandLineFixtures.sanse(
            ["batch", manifest.path, "--summary", folder.appendingPathComponent("summary.md").path])
        #expect(first.status == 1, "a failed run makes the batch exit 1")
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| gap30 | ok_with_issues |"))
        #expect(summary.contains("| missing | failed |") && summary.contains("没有这个文件.shp"))
        #expect(summary.contains("| gap10 | ok_with_issues |"))
        let gap30 = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/gap30/run.json"))) as! [String: Any]
        let gap10 = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/gap10/run.json"))) as! [String: Any]
        let blocks30 = (gap30["counts"] as! [String: Any])["blocks"] as! Int, blocks10 = (gap10["counts"] as! [String: Any])["blocks"] as! Int
        #expect(blocks30 == 348 && blocks10 > blocks30, "the override narrowed the gap")

        let second = try CommandLineFixtures.sanse(
            ["batch", manifest.path, "--summary", folder.appendingPathComponent("again.md").path])
        #expect(second.status == 1)
        let again = try String(contentsOf: folder.appendingPathComponent("again.md"), encoding: .utf8)
        #expect(again.contains("| gap30 | skipped |") && again.contains("| gap10 | skipped |"))

        let forced = try CommandLineFixtures.sanse(
            ["batch", manifest.path, "--force", "--summary", folder.appendingPathComponent("forced.md").path])
        #expect(try String(contentsOf: folder.appendingPathComponent("forced.md"), encoding: .utf8).contains("| gap30 | ok_with_issues |"))
        #expect(forced.stderr.contains("[3/3] gap10"), "overall progress")
    }
}
