import Foundation
import Testing

/// Ctrl-C, SIGTERM and SIGHUP during a run of the demo survey (Shapefiles, attributes, config;
/// 5 000 parcels, several seconds in a debug build): the process ends by the signal (the
/// shell's 130 / 143 / 129), no output or staging folder is left, the previous output is
/// untouched and the next run succeeds.
@Suite("interruption", .serialized)
struct InterruptionTests {
    enum Moment { case analysing, writing }

    /// Starts a run into `out` and sends `signal` once its staging folder exists (`analysing`)
    /// or has its first output file (`writing`).
    static func interrupt(_ process: SanseProcess, out: URL, with signal: Int32, at moment: Moment) -> SanseProcess.Outcome {
        let staging = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).partial-\(process.pid)").path
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            if let finished = process.poll() {
                Issue.record("the run ended before it could be interrupted: \(finished.ending); \(finished.stderr.suffix(500))")
                return finished
            }
            if let files = try? FileManager.default.contentsOfDirectory(atPath: staging), moment == .analysing || !files.isEmpty { break }
            usleep(2_000)
        }
        process.send(signal)
        return process.wait(timeLimit: 120)
    }

    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aRunInterruptedWhileWritingLeavesNothingAndTheNextRunSucceeds(signal: Int32) throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo")
        let interrupted = Self.interrupt(
            try SanseProcess(CommandLineFixtures.demoRun(out: out)), out: out, with: signal, at: .writing)
        #expect(interrupted.ending == .signalled(signal), "\(interrupted.ending): \(interrupted.stderr.suffix(500))")
        #expect(interrupted.stderr.contains("sanse: interrupted"))
        #expect(Self.contents(folder).isEmpty, "no output, staging or previous folder: \(Self.contents(folder))")

        let next = try SanseProcess.run(CommandLineFixtures.demoRun(out: out), timeLimit: 300)
        #expect(next.ending == .exited(1), "the demo's defects are reported: \(next.stderr.suffix(500))")
        #expect(Self.contents(folder) == ["demo"])
        #expect(Self.contents(out).contains("run.json") && Self.contents(out).contains("sanse.gpkg"))
    }

    @Test(arguments: [SIGINT, SIGHUP])
    func aRunInterruptedWhileAnalysingLeavesNothing(signal: Int32) throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo")
        let interrupted = Self.interrupt(
            try SanseProcess(CommandLineFixtures.demoRun(out: out)), out: out, with: signal, at: .analysing)
        #expect(interrupted.ending == .signalled(signal), "\(interrupted.ending): \(interrupted.stderr.suffix(500))")
        #expect(Self.contents(folder).isEmpty, "\(Self.contents(folder))")
    }

    @Test func thePreviousOutputSurvivesAnInterruptedRerun() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo")
        let first = try SanseProcess.run(CommandLineFixtures.demoRun(out: out), timeLimit: 300)
        #expect(first.ending == .exited(1), "\(first.stderr.suffix(500))")
        let before = try CommandLineFixtures.files(in: out)
        #expect(before.count > 20)

        let interrupted = Self.interrupt(
            try SanseProcess(CommandLineFixtures.demoRun(out: out)), out: out, with: SIGTERM, at: .writing)
        #expect(interrupted.ending == .signalled(SIGTERM), "\(interrupted.ending): \(interrupted.stderr.suffix(500))")
        #expect(Self.contents(folder) == ["demo"], "no staging or previous folder beside it: \(Self.contents(folder))")
        #expect(try CommandLineFixtures.files(in: out) == before, "the previous output, byte for byte")
    }

    /// A signal ignored when sanse starts (`nohup`, a script's background job) stays ignored:
    /// the run finishes.
    @Test func anIgnoredSignalIsLeftIgnored() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo")
        let process = try SanseProcess(CommandLineFixtures.demoRun(out: out), ignoring: [SIGINT])
        let outcome = Self.interrupt(process, out: out, with: SIGINT, at: .writing)
        #expect(outcome.ending == .exited(1), "\(outcome.ending): \(outcome.stderr.suffix(500))")
        #expect(Self.contents(out).contains("run.json"))
    }
}
