import Testing

@testable import SanseModel

@Suite("sanse config")
struct ConfigCommandTests {
    @Test func defaultConfigPrintsAndParses() throws {
        let outcome = try CommandLineFixtures.sanse(["config", "--default"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("gap_m: 30"))
        #expect(try ConfigReader.parse(outcome.stdout) == Config.default)
    }
}
