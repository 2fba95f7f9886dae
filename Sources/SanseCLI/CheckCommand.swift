import ArgumentParser
import Foundation
import Sanse

/// `sanse check`: load and validate only, and report what is wrong with the data.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a survey: the issues report, no maps (数据检查).")

    @OptionGroup var survey: SurveyOptions

    @Option(name: .long, help: "How many issues to list (all are counted).")
    var show = 20

    func run() throws {
        let config: Config
        do {
            config = try survey.loadConfig()
        } catch {
            log("sanse: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        let started = Date()
        let result: SurveyLoader.Result
        do {
            result = try SurveyLoader.load(survey.inputs, config: config, analysisCRS: survey.crs, sourceCRS: survey.sourceCrs, joinOn: survey.joinOn)
        } catch {
            log("sanse: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        let seconds = Date().timeIntervalSince(started)
        let loaded = result.survey
        log("analysis CRS: \(loaded.analysisCRS.definition) (\(loaded.analysisCRS.name)): \(loaded.analysisCRS.reason)")
        for layer in loaded.layers {
            log("\(layer.role): \(layer.path) [\(layer.layer), \(layer.driver), \(layer.sourceCRS)] \(layer.featuresKept)/\(layer.featuresRead) features kept")
        }
        let issues = result.issues.issues
        let byKind = Dictionary(grouping: issues, by: \.kind)
        for kind in SurveyIssue.Kind.allCases {
            if let found = byKind[kind] { log("  \(kind.rawValue): \(found.count)") }
        }
        for issue in issues.prefix(show) {
            log("  [\(issue.severity.rawValue)] \(issue.layer) \(issue.featureID ?? "-"): \(issue.messageZH) / \(issue.messageEN)")
        }
        for stage in result.timings.stages {
            log("  " + stage.name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%6.2f s", stage.seconds))
        }
        log(String(format: "loaded in %.2f s", seconds))
        if result.issues.hasProblems { throw ExitCode(ExitStatus.dataProblems) }
    }
}
