import Foundation
import SanseFuzzing
import Testing

/// A short, seeded mutation campaign per loading entry point, run by `swift test` and again
/// under AddressSanitizer by `make test-asan`. Longer runs:
/// `SANSE_FUZZ_ITERATIONS=100000 swift test --filter MutationCampaignTests`; libFuzzer: scripts/fuzz.sh.
@Suite("Fuzzing the loading entry points")
struct MutationCampaignTests {
    @Test func parcelsGeoJSON() throws { try runCampaign(.parcels, iterations: 300) }
    @Test func controlLinesGeoJSON() throws { try runCampaign(.controlLines, iterations: 200) }
    @Test func townsGeoJSON() throws { try runCampaign(.towns, iterations: 150) }
    @Test func configYAML() throws { try runCampaign(.config, iterations: 400) }
    @Test func attributeCSV() throws { try runCampaign(.attributes, iterations: 200) }
    @Test func blocksCSV() throws { try runCampaign(.blocksCSV, iterations: 400) }
    @Test func batchManifestYAML() throws { try runCampaign(.batchManifest, iterations: 400) }
    /// A survey that loads must also analyse and write: fewer iterations, each a whole run.
    @Test func parcelsThroughFullRun() throws { try runCampaign(.parcels, iterations: 40, fullRun: true) }

    private func runCampaign(_ target: FuzzTarget, iterations defaultIterations: Int, fullRun: Bool = false) throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["SANSE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
        let seed = environment["SANSE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_123
        let findings = URL(
            fileURLWithPath: environment["SANSE_FUZZ_FINDINGS"] ?? NSTemporaryDirectory() + "sanse-fuzz-findings")
        let corpus = [target.fixtureSeed] + (FuzzCorpus.seeds(target) + FuzzCorpus.regressions(target)).map(\.bytes)
        var campaign = MutationCampaign(
            target: target, seed: seed, iterations: iterations, corpus: corpus, findingsFolder: findings)
        campaign.fullRun = fullRun || environment["SANSE_FUZZ_FULL_RUN"] != nil
        let verbose = environment["SANSE_FUZZ_VERBOSE"] != nil
        let name = target.rawValue
        let summary = try campaign.run(
            progress: { done, partial in
                let speed = Int(Double(done) / partial.seconds)
                print(
                    "fuzz \(name): \(done) iterations, \(partial.findings.count) findings, \(speed) exec/s, "
                        + "corpus \(partial.corpusSize)")
            },
            newBehaviour: { behaviour in
                if verbose { print("fuzz \(name) new: \(behaviour)") }
            })
        let seconds = String(format: "%.1f", summary.seconds)
        print(
            "fuzz \(name): \(summary.iterations) iterations (seed \(seed)) in \(seconds) s, "
                + "\(summary.accepted) accepted, \(summary.rejected) rejected, corpus \(summary.corpusSize), "
                + "slowest \(String(format: "%.2f", summary.slowestSeconds)) s")
        #expect(summary.iterations == iterations)
        for finding in summary.findings.prefix(5) {
            Issue.record("\(name) iteration \(finding.iteration) (saved in \(findings.path)): \(finding.problem)")
        }
        // Both paths must be exercised, or the campaign only ever tests the first check.
        #expect(summary.accepted > 0)
        #expect(summary.rejected > 0)
    }
}
