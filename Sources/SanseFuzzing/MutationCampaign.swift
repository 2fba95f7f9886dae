import Foundation
import TestSupport

/// The in-process fuzzer: seeded mutations of a corpus, each run through a `LoadingHarness`.
/// Inputs that make the loader behave in a new way (a new rejection message or set of issue
/// kinds) join the corpus, a cheap stand-in for coverage feedback that keeps runs
/// deterministic: the same seed and corpus always produce the same inputs.
public struct MutationCampaign {
    public struct Finding: Sendable {
        public var iteration: Int
        public var input: [UInt8]
        public var problem: String
    }

    public struct Summary: Sendable {
        public var iterations = 0
        public var accepted = 0
        public var rejected = 0
        public var corpusSize = 0
        public var seconds = 0.0
        public var slowestSeconds = 0.0
        public var findings: [Finding] = []
    }

    public var target: FuzzTarget
    public var seed: UInt64
    public var iterations: Int
    public var corpus: [[UInt8]]
    /// An iteration running longer than this is a hang: its input is saved and the process ends.
    public var hangSeconds: Double
    /// Resident memory beyond this is unbounded growth, handled like a hang.
    public var memoryLimitBytes: Int
    /// Where findings (and a hang's input) are written; nil keeps them in the summary only.
    public var findingsFolder: URL?
    /// See `LoadingHarness.fullRun`.
    public var fullRun = false

    public init(target: FuzzTarget, seed: UInt64, iterations: Int, corpus: [[UInt8]], hangSeconds: Double = 60,
                memoryLimitBytes: Int = 4 << 30, findingsFolder: URL? = nil) {
        self.target = target
        self.seed = seed
        self.iterations = iterations
        self.corpus = corpus.isEmpty ? [target.fixtureSeed] : corpus
        self.hangSeconds = hangSeconds
        self.memoryLimitBytes = memoryLimitBytes
        self.findingsFolder = findingsFolder
    }

    /// - Parameters:
    ///   - progress: called every 1000 iterations.
    ///   - newBehaviour: called with each behaviour seen for the first time, e.g. to print them.
    public func run(progress: ((Int, Summary) -> Void)? = nil, newBehaviour: ((String) -> Void)? = nil) throws -> Summary {
        let harness = try LoadingHarness(target: target, fullRun: fullRun)
        let mutator = Mutator(grammar: target.grammar)
        let watchdog = Watchdog(limit: hangSeconds) { [findingsFolder, target] input, seconds in
            let path = Self.save(input, named: "hang-\(target.rawValue)-\(Int(seconds))s", in: findingsFolder)
            FileHandle.standardError.write(Data("sanse fuzz: \(target.rawValue) input ran \(Int(seconds)) s (hang); saved to \(path ?? "nowhere")\n".utf8))
            abort()
        }
        var corpus = self.corpus
        var behaviours = Set<String>()
        var summary = Summary()
        let start = Date()
        for iteration in 0..<iterations {
            var random = SplitMix64(seed: seed &+ UInt64(iteration) &* 0x2545_F491_4F6C_DD1D)
            let base = corpus[random.below(corpus.count)]
            let input = mutator.mutate(base, corpus: corpus, random: &random)
            let began = Date()
            watchdog.started(input)
            do {
                let outcome = try harness.run(input)
                switch outcome {
                case .accepted: summary.accepted += 1
                case .rejected: summary.rejected += 1
                }
                let behaviour = Self.behaviour(outcome)
                if behaviours.insert(behaviour).inserted {
                    newBehaviour?(behaviour)
                    if corpus.count < 512 { corpus.append(input) }
                }
            } catch {
                let finding = Finding(iteration: iteration, input: input, problem: String(describing: error))
                summary.findings.append(finding)
                Self.save(input, named: "finding-\(target.rawValue)-\(seed)-\(iteration)", in: findingsFolder)
            }
            watchdog.finished()
            summary.slowestSeconds = max(summary.slowestSeconds, Date().timeIntervalSince(began))
            summary.iterations = iteration + 1
            if iteration % 64 == 0, let resident = Self.residentBytes(), resident > memoryLimitBytes {
                let path = Self.save(input, named: "memory-\(target.rawValue)-\(seed)-\(iteration)", in: findingsFolder)
                FileHandle.standardError.write(Data("sanse fuzz: resident memory \(resident >> 20) MiB after \(target.rawValue) iteration \(iteration); last input saved to \(path ?? "nowhere")\n".utf8))
                abort()
            }
            if let progress, (iteration + 1) % 1000 == 0 {
                summary.seconds = Date().timeIntervalSince(start)
                summary.corpusSize = corpus.count
                progress(iteration + 1, summary)
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        summary.corpusSize = corpus.count
        return summary
    }

    /// The outcome without what varies from input to input (numbers, quoted names, the
    /// echoed line): "rejected …unknown key  expected one of…", or the accepted survey's issue
    /// kinds.
    static func behaviour(_ outcome: HarnessOutcome) -> String {
        switch outcome {
        case .accepted(let text): return "accepted " + text.filter { !$0.isNumber }
        case .rejected(let text):
            var kept = "", quoted = false
            for character in text.prefix(while: { $0 != "\n" }) {
                if character == "\"" { quoted.toggle() } else if !quoted, !character.isNumber { kept.append(character) }
            }
            return "rejected " + kept.prefix(120)
        }
    }

    @discardableResult
    static func save(_ input: [UInt8], named name: String, in folder: URL?) -> String? {
        guard let folder else { return nil }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        return (try? Data(input).write(to: url)) == nil ? nil : url.path
    }

    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Ends the process when one input runs too long, after handing it to `onHang` (an in-process
/// loop cannot interrupt the loader, and a hung test would only say "timed out").
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (input: [UInt8], since: Date)?

    init(limit: Double, onHang: @escaping @Sendable ([UInt8], Double) -> Void) {
        // Holds the watchdog weakly: the thread ends soon after the campaign drops it.
        let thread = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                guard let self else { return }
                if let current = self.lock.withLock({ self.current }) {
                    let seconds = Date().timeIntervalSince(current.since)
                    if seconds > limit { onHang(current.input, seconds) }
                }
            }
        }
        thread.start()
    }

    func started(_ input: [UInt8]) { lock.withLock { current = (input, Date()) } }
    func finished() { lock.withLock { current = nil } }
}
