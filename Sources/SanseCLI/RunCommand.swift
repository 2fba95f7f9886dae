import ArgumentParser
import Foundation
import GeoKit
import Sanse
import SanseModel
import SanseOutput

/// `sanse run`: the full run, every output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a survey and write the 三色 map, GeoJSON, GeoPackage and tables.")

    @OptionGroup var survey: SurveyOptions

    @Option(name: .long, help: "Output folder (default Output/<run name>); replaced as a whole when the run succeeds.")
    var out: String?

    @Option(name: .long, help: "Also write GeoJSON in this web CRS: gcj02 (高德/腾讯, approximate).")
    var webCrs: String?

    @Flag(name: .long, help: "Also write tiles.mbtiles: vector tiles (MVT) for tile servers and county platforms.")
    var tiles = false

    @OptionGroup var workers: WorkerOptions


    func run() throws {
        let config = try survey.loadConfigOrExit()
        var copies: [WebCRS] = []
        if let webCrs {
            guard let parsed = WebCRS(rawValue: webCrs.lowercased()), parsed == .gcj02 else {
                log("sanse: --web-crs takes gcj02 (WGS 84 GeoJSON is always written)")
                throw ExitCode(ExitStatus.badInput)
            }
            copies.append(parsed)
        }
        // Named after the parcels' public name: the folder's name is shown and goes into run.json.
        let parcels = URL(fileURLWithPath: DatasetName.publicForm(survey.parcels))
        let name = parcels.deletingPathExtension().lastPathComponent
        var request = RunRequest(
            inputs: survey.inputs, config: config, analysisCRS: survey.crs, sourceCRS: survey.sourceCrs, joinOn: survey.joinOn,
            outputFolder: out ?? "Output/\(name)", webCopies: copies, workers: workers.count)
        request.vectorTiles = tiles
        request.progress = { Progress.show($0) }
        let report = try runReportingErrors { try Pipeline.run(request) }
        keptUntilExit = report
        printReport(report)
        if report.hasProblems { throw ExitCode(ExitStatus.dataProblems) }
    }
}

/// The last run's survey and results, left for the system to reclaim when the process ends:
/// freeing a million parcels' strings and arrays one by one takes half a second, and the
/// process is about to exit anyway.
nonisolated(unsafe) var keptUntilExit: RunReport?

/// Runs a pipeline call, turning failures into a one-line message and exit code 2.
func runReportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        // SurveyError, OutputError and ConfigError all describe themselves as "file: reason".
        log("sanse: \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
}

func printReport(_ report: RunReport) {
    let survey = report.survey, analysis = report.analysis
    log("analysis CRS: \(survey.analysisCRS.definition) (\(survey.analysisCRS.name)) — \(survey.analysisCRS.reason)")
    for layer in survey.layers {
        let source = "\(DatasetName.publicForm(layer.path)) [\(layer.layer), \(layer.driver), \(layer.sourceCRS)]"
        log("\(layer.role): \(source) \(layer.featuresKept) of \(layer.featuresRead) kept")
    }
    log("parcels \(survey.parcels.count), blocks \(analysis.blocks.count)")
    for category in Category.allCases {
        let blocks = analysis.blocks.filter { $0.category == category }
        log("  \(category.chinese) \(category.rawValue): \(blocks.count) blocks, \(String(format: "%.1f", blocks.reduce(0) { $0 + $1.landMu })) 亩")
    }
    let byKind = Dictionary(grouping: report.issues, by: \.kind)
    if !report.issues.isEmpty {
        log("issues: " + SurveyIssue.Kind.allCases.compactMap { kind in byKind[kind].map { "\(kind.rawValue) \($0.count)" } }.joined(separator: ", "))
    }
    for stage in report.timings.stages {
        log("  " + stage.name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%7.2f s", stage.seconds))
    }
    if let folder = report.outputFolder { log("outputs: \(folder)") }
}
