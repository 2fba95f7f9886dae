import Foundation
import SanseFuzzing
import XCTest

/// A short, seeded mutation campaign per loading entry point, run by `swift test` and again
/// under AddressSanitizer by `make test-asan`. Longer runs:
/// `SANSE_FUZZ_ITERATIONS=100000 swift test --filter LoadingFuzzTests`; libFuzzer: scripts/fuzz.sh.
final class LoadingFuzzTests: XCTestCase {
    func testParcelsGeoJSON() throws { try runCampaign(.parcels, iterations: 300) }
    func testControlLinesGeoJSON() throws { try runCampaign(.controlLines, iterations: 200) }
    func testTownsGeoJSON() throws { try runCampaign(.towns, iterations: 150) }
    func testConfigYAML() throws { try runCampaign(.config, iterations: 400) }
    func testAttributeCSV() throws { try runCampaign(.attributes, iterations: 200) }
    func testBlocksCSV() throws { try runCampaign(.blocksCSV, iterations: 400) }
    func testBatchManifestYAML() throws { try runCampaign(.batchManifest, iterations: 400) }
    /// A survey that loads must also analyse and write: fewer iterations, each a whole run.
    func testParcelsThroughFullRun() throws { try runCampaign(.parcels, iterations: 40, fullRun: true) }

    /// Every seed and every past finding loads or is refused with a message.
    func testCorpusAndRegressionsReplay() throws {
        var replayed = 0
        for target in FuzzTarget.allCases {
            let harness = try LoadingHarness(target: target)
            for (name, bytes) in FuzzCorpus.seeds(target) + FuzzCorpus.regressions(target) {
                XCTAssertNoThrow(try harness.run(bytes), "\(target.rawValue)/\(name)")
                replayed += 1
            }
        }
        XCTAssertGreaterThan(replayed, FuzzTarget.allCases.count)
    }

    func testSeedsAreLoadable() throws {
        for target in FuzzTarget.allCases {
            let harness = try LoadingHarness(target: target)
            for (name, bytes) in [("fixture", target.fixtureSeed)] + FuzzCorpus.seeds(target) {
                guard case .accepted = try harness.run(bytes) else {
                    XCTFail("seed \(target.rawValue)/\(name) is not a loadable input; mutations of it would mostly test the first check")
                    continue
                }
            }
        }
    }

    private func runCampaign(_ target: FuzzTarget, iterations defaultIterations: Int, fullRun: Bool = false) throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["SANSE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
        let seed = environment["SANSE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_123
        let findings = URL(fileURLWithPath: environment["SANSE_FUZZ_FINDINGS"] ?? NSTemporaryDirectory() + "sanse-fuzz-findings")
        let corpus = [target.fixtureSeed] + (FuzzCorpus.seeds(target) + FuzzCorpus.regressions(target)).map(\.bytes)
        var campaign = MutationCampaign(target: target, seed: seed, iterations: iterations, corpus: corpus, findingsFolder: findings)
        campaign.fullRun = fullRun || environment["SANSE_FUZZ_FULL_RUN"] != nil
        let verbose = environment["SANSE_FUZZ_VERBOSE"] != nil
        let summary = try campaign.run(progress: { done, partial in
            print("fuzz \(target.rawValue): \(done) iterations, \(partial.findings.count) findings, \(Int(Double(done) / partial.seconds)) exec/s, corpus \(partial.corpusSize)")
        }, newBehaviour: { behaviour in
            if verbose { print("fuzz \(target.rawValue) new: \(behaviour)") }
        })
        print("fuzz \(target.rawValue): \(summary.iterations) iterations (seed \(seed)) in \(String(format: "%.1f", summary.seconds)) s, "
              + "\(summary.accepted) accepted, \(summary.rejected) rejected, corpus \(summary.corpusSize), slowest \(String(format: "%.2f", summary.slowestSeconds)) s")
        XCTAssertEqual(summary.iterations, iterations)
        for finding in summary.findings.prefix(5) {
            XCTFail("\(target.rawValue) iteration \(finding.iteration) (saved in \(findings.path)): \(finding.problem)")
        }
        // Both paths must be exercised, or the campaign only ever tests the first check.
        XCTAssertGreaterThan(summary.accepted, 0)
        XCTAssertGreaterThan(summary.rejected, 0)
    }
}
