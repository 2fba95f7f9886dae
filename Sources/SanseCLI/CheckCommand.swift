import ArgumentParser
import Foundation
import GeoKit
import Sanse
import SanseModel
import SanseOutput

/// `sanse check`: load, validate and analyse; the issues report, no maps.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a survey: the issues report, no maps (数据检查).")

    @OptionGroup var survey: SurveyOptions

    @Option(name: .long, help: "How many issues to list (all are counted).")
    var show = 20

    @OptionGroup var workers: WorkerOptions


    func run() throws {
        let config = try survey.loadConfigOrExit()
        var request = RunRequest(inputs: survey.inputs, config: config, analysisCRS: survey.crs, sourceCRS: survey.sourceCrs,
                                 joinOn: survey.joinOn, outputFolder: "", workers: workers.count)
        request.progress = { Progress.show($0) }
        let report = try runReportingErrors { try Pipeline.check(request) }
        printReport(report)
        for issue in report.issues.prefix(show) {
            log("  [\(issue.severity.rawValue)] \(issue.layer) \(issue.featureID ?? "-"): \(issue.messageZH) / \(issue.messageEN)")
        }
        if report.hasProblems { throw ExitCode(ExitStatus.dataProblems) }
    }
}
