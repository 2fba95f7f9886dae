import SanseFuzzing
import Testing

/// The checked-in inputs through the harness: the campaigns start from the seeds, and every
/// past finding must stay fixed.
@Suite("Fuzzing corpus")
struct LoadingHarnessTests {
    /// Every seed and every past finding loads or is refused with a message.
    @Test func corpusAndRegressionsReplay() throws {
        var replayed = 0
        for target in FuzzTarget.allCases {
            let harness = try LoadingHarness(target: target)
            for (name, bytes) in FuzzCorpus.seeds(target) + FuzzCorpus.regressions(target) {
                #expect(throws: Never.self, "\(target.rawValue)/\(name)") { try harness.run(bytes) }
                replayed += 1
            }
        }
        #expect(replayed > FuzzTarget.allCases.count)
    }

    @Test func seedsAreLoadable() throws {
        for target in FuzzTarget.allCases {
            let harness = try LoadingHarness(target: target)
            for (name, bytes) in [("fixture", target.fixtureSeed)] + FuzzCorpus.seeds(target) {
                guard case .accepted = try harness.run(bytes) else {
                    Issue.record(
                        """
                        seed \(target.rawValue)/\(name) is not a loadable input; \
                        mutations of it would mostly test the first check
                        """)
                    continue
                }
            }
        }
    }
}
