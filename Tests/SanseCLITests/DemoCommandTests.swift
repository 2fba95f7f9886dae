import Foundation
import Testing

@Suite("sanse demo")
struct DemoCommandTests {
    @Test func demoCommandRunsFromTheRepository() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CommandLineFixtures.sanse(
            ["demo", "--out", folder.appendingPathComponent("demo").path],
            in: CommandLineFixtures.repository)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("| **合计** |  | **348** |"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("demo/blocks.gcj02.geojson").path))
    }
}
