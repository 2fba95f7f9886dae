import Foundation
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("sanse diff", .serialized)
struct DiffCommandTests {
    @Test func diffFindsEveryBlockThatChangedColour() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = CommandLineFixtures.demo.path
        let inputs = ["--parcels", "\(demo)/cixi-survey.gpkg", "--control-lines", "\(demo)/cixi-survey.gpkg", "--towns", "\(demo)/cixi-survey.gpkg"]
        // The later vintage is judged more strictly: FAR below 1.5 now means renewal.
        let stricter = folder.appendingPathComponent("stricter.yml")
        try """
        rules:
          - category: exit
            any: [{metric: inside_share, op: "<", value: 0.5}]
          - category: renew
            any: [{metric: cd_share, op: ">=", value: 0.5}, {metric: far, op: "<", value: 1.5}]
          - category: retain
        """.write(to: stricter, atomically: true, encoding: .utf8)
        let old = folder.appendingPathComponent("2024").path, new = folder.appendingPathComponent("2025").path
        #expect(try CommandLineFixtures.sanse(["run"] + inputs + ["--out", old]).status == 1)
        #expect(try CommandLineFixtures.sanse(["run"] + inputs + ["--config", stricter.path, "--out", new]).status == 1)

        let out = folder.appendingPathComponent("diff").path
        let outcome = try CommandLineFixtures.sanse(["diff", old, new, "--out", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")

        // The same parcels make the same blocks, so the expected changes are the blocks whose
        // category differs between the two blocks.csv files.
        let before = try SurveyDiff.readBlocks(old), after = try SurveyDiff.readBlocks(new)
        let expected = zip(before, after).filter { $0.category != $1.category }.map { $1.id }
        #expect(!expected.isEmpty)
        #expect(zip(before, after).allSatisfy { $0.category == $1.category || ($0.category == .retain && $1.category == .renew) })
        let diff = try SurveyDiff.compare(old: old, new: new)
        #expect(diff.colourChanges.map(\.newBlockID) == expected)
        #expect(diff.addedParcels.isEmpty && diff.removedParcels.isEmpty && diff.newBlocks.isEmpty)
        let total = try #require(diff.towns.last)
        #expect(total.town == "合计")
        #expect(abs((total.after[.renew] ?? 0) - (total.before[.renew] ?? 0) - diff.colourChanges.reduce(0) { $0 + $1.landMu }) < 1e-6)

        let markdown = try String(contentsOfFile: out + "/diff.md", encoding: .utf8)
        #expect(markdown.contains("变色区块 \(expected.count) 个"))
        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/diff.geojson"))) as! [String: Any]
        #expect((geojson["features"] as! [Any]).count == expected.count)
        let svg = try String(contentsOfFile: out + "/diff.svg", encoding: .utf8)
        #expect(svg.components(separatedBy: "data-block-id=").count - 1 == expected.count)
    }

    @Test func diffOfAFolderThatIsNotAnOutputExitsTwo() throws {
        let outcome = try CommandLineFixtures.sanse(["diff", "/no/such/old", "/no/such/new"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/old/blocks.csv"))
    }
}
