import Foundation
import Testing

@Suite("sanse check", .serialized)
struct CheckCommandTests {
    @Test func unreadableInputExitsTwoNamingThePath() throws {
        let outcome = try CommandLineFixtures.sanse(
            ["check", "--parcels", "/no/such/宗地.shp", "--control-lines", "/no/such/control.shp"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/宗地.shp"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
    }

    @Test func checkReportsWithoutWritingAnything() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CommandLineFixtures.sanse(["check"] + CommandLineFixtures.demoArguments, in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("null_geometry 1"))
        #expect(outcome.stderr.contains("overlap 3"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
