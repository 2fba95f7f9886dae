import Testing

@Suite("sanse")
struct SanseCommandTests {
    @Test func badUsageExitsTwo() throws {
        #expect(try CommandLineFixtures.sanse(["run", "--parcels"]).status == 2)
        #expect(try CommandLineFixtures.sanse(["frobnicate"]).status == 2)
    }
}
