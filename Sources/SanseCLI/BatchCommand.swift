import ArgumentParser
import Foundation
import GeoKit
import Sanse
import SanseModel
import SanseOutput

/// `sanse batch MANIFEST.yml`: many runs, carrying on past failures.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run every entry of a manifest (e.g. one per town or survey year); failures do not stop the batch.")

    @Argument(help: "The batch manifest (YAML): defaults and a list of runs.")
    var manifest: String

    @Flag(name: .long, help: "Run even when inputs, config and tool are unchanged since the last run.")
    var force = false

    @Option(name: .long, help: "Where to write the batch summary (default: batch-summary.md beside the manifest's outputs).")
    var summary: String?

    @OptionGroup var workers: WorkerOptions


    func run() throws {
        let loaded = try runReportingErrors { try BatchManifest.load(path: manifest, workers: workers.count) }
        let outcomes = Batch.run(loaded, force: force) { index, count, name in
            log("[\(index)/\(count)] \(name)")
        }
        for outcome in outcomes {
            log("  \(outcome.name): \(outcome.status.rawValue) — \(outcome.message)")
        }
        let text = Batch.summary(outcomes, manifest: manifest)
        let target = summary ?? URL(fileURLWithPath: manifest).deletingLastPathComponent().appendingPathComponent("Output/batch-summary.md").path
        do {
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try text.write(toFile: target, atomically: true, encoding: .utf8)
            log("batch summary: \(target)")
        } catch {
            log("sanse: \(target): cannot write the batch summary (\(error.localizedDescription))")
        }
        if outcomes.contains(where: { $0.status == .failed }) { throw ExitCode(ExitStatus.dataProblems) }
    }
}
