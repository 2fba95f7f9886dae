import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey
import Yams

public enum Batch {
    /// Runs every entry in turn; a failure is recorded and the batch goes on.
    public static func run(_ manifest: BatchManifest, force: Bool, progress: (Int, Int, String) -> Void) -> [BatchOutcome] {
        var outcomes: [BatchOutcome] = []
        for (index, entry) in manifest.entries.enumerated() {
            progress(index + 1, manifest.entries.count, entry.name)
            let started = Date()
            guard let request = entry.request else {
                outcomes.append(BatchOutcome(name: entry.name, status: .failed, message: entry.problem ?? "invalid entry", outputFolder: nil, seconds: 0))
                continue
            }
            if !force, let recorded = RunFingerprint.recorded(in: request.outputFolder), recorded == RunFingerprint.of(request) {
                outcomes.append(BatchOutcome(name: entry.name, status: .skipped, message: "inputs, config and tool unchanged",
                                             outputFolder: request.outputFolder, seconds: Date().timeIntervalSince(started)))
                continue
            }
            do {
                let report = try Pipeline.run(request)
                let problems = report.issues.filter { $0.severity >= .warning }.count
                outcomes.append(BatchOutcome(
                    name: entry.name, status: problems > 0 ? .okWithIssues : .ok,
                    message: "\(report.survey.parcels.count) parcels, \(report.analysis.blocks.count) blocks" + (problems > 0 ? ", \(problems) issues" : ""),
                    outputFolder: report.outputFolder, seconds: Date().timeIntervalSince(started)))
            } catch {
                let message = DatasetName.publicText("\(error)", quoting: request.inputs.paths)
                outcomes.append(BatchOutcome(name: entry.name, status: .failed, message: message, outputFolder: nil,
                                             seconds: Date().timeIntervalSince(started)))
            }
        }
        return outcomes
    }

    /// The batch summary as Markdown. Names and messages in public form (`DatasetName`): a
    /// failed entry's message may quote the manifest, and so a connection string.
    public static func summary(_ outcomes: [BatchOutcome], manifest: String) -> String {
        var text = "# sanse batch: \(DatasetName.publicForm(manifest))\n\n"
        text += "| run | status | result | output | seconds |\n|---|---|---|---|---:|\n"
        for outcome in outcomes {
            let message = DatasetName.publicForm(outcome.message)
                .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            let output = DatasetName.publicForm(outcome.outputFolder ?? "")
            let seconds = String(format: "%.1f", outcome.seconds)
            text += "| \(outcome.name) | \(outcome.status.rawValue) | \(message) | \(output) | \(seconds) |\n"
        }
        let failed = outcomes.filter { $0.status == .failed }.count
        text += "\n\(outcomes.count) runs: \(outcomes.count - failed) finished or skipped, \(failed) failed.\n"
        return text
    }
}
