import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// The one place that runs the stages in order: read → validate → analyse → classify → write.
public enum Pipeline {
    /// Loads, validates and analyses, writing nothing (`sanse check`).
    public static func check(_ request: RunRequest) throws -> RunReport {
        request.progress?("reading and checking the survey")
        let loaded = try SurveyLoader.load(request.inputs, config: request.config, analysisCRS: request.analysisCRS,
                                           sourceCRS: request.sourceCRS, joinOn: request.joinOn, workers: request.workers)
        FreedMemory.returnToSystem()
        request.progress?("analysing \(loaded.survey.parcels.count) parcels")
        let analysis = try Analyzer.run(loaded.survey, config: request.config, workers: request.workers)
        FreedMemory.returnToSystem()
        var timings = loaded.timings
        timings.append(analysis.timings)
        return RunReport(survey: loaded.survey, analysis: analysis, issues: loaded.issues.issues + analysis.issues.issues,
                         timings: timings, outputFolder: nil, outputs: [])
    }

    /// The full run: everything `check` does, then every output, moved into place at the end.
    public static func run(_ request: RunRequest) throws -> RunReport {
        // Refuse a bad output folder before spending minutes on the analysis.
        let folder = try OutputFolder(destination: URL(fileURLWithPath: request.outputFolder), inputs: request.inputs.paths)
        defer { folder.discard() }
        var report = try check(request)
        request.progress?("writing outputs")
        let outputs = try write(&report, request: request, to: folder)
        try folder.commit()
        report.outputFolder = folder.destination.path
        report.outputs = outputs
        return report
    }

    /// Every output product, then run.json, which names them. The inputs are hashed for
    /// run.json on a thread of their own meanwhile.
    private static func write(_ report: inout RunReport, request: RunRequest, to folder: OutputFolder) throws -> [String] {
        let started = DispatchTime.now().uptimeNanoseconds
        var content = OutputContent(
            survey: report.survey, analysis: report.analysis, issues: report.issues, config: request.config,
            webCopies: request.webCopies, workers: request.workers,
            surveyDate: request.config.surveyDate ?? newestInputMonth(request.inputs),
            parcelsSourceName: URL(fileURLWithPath: DatasetName.publicForm(request.inputs.parcels.path)).lastPathComponent)
        content.vectorTiles = request.vectorTiles
        let inputPaths = Set(report.survey.layers.map(\.path) + request.inputs.paths)
        let digests = BackgroundJob {
            Dictionary(uniqueKeysWithValues: inputPaths.map { ($0, RunManifest.files(of: $0)) })
        }
        let written: [String]
        do {
            written = try OutputWriter.write(content, to: folder, timings: &report.timings)
        } catch {
            _ = digests.wait()
            throw error
        }
        let inputFiles = try digests.wait().get()
        report.timings.record("write outputs", seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        let files = { (path: String) in inputFiles[path] ?? RunManifest.files(of: path) }
        let manifest = RunManifest(
            runName: request.runName, content: content,
            fingerprint: RunFingerprint.of(request, files: files) { _, role in
                report.survey.layers.first { $0.role == role }?.rowsSHA256
            },
            inputFiles: files, outputs: written, folder: folder, timings: report.timings)
        try manifest.write(to: folder)
        return written + [RunManifest.fileName]
    }

    /// The newest input file's month, e.g. 2026年11月: the same inputs give the same map title.
    static func newestInputMonth(_ inputs: SurveyInputs) -> String? {
        let dates = inputs.paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        guard let newest = dates.max() else { return nil }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: newest)
        return "\(parts.year!)年\(parts.month!)月"
    }

    /// For a process interrupted by a signal, just before it dies: removes every unfinished
    /// output folder and keeps any commit from starting (the previous output stays as it was).
    public static func discardUnfinishedOutputsBeforeDying() {
        OutputFolder.discardAllOpenAndHold()
    }

    /// For a process about to exit: waits while an interruption cleans up (it then ends the
    /// process by its signal) and keeps a later one from starting.
    public static func holdOutputsBeforeExit() {
        OutputFolder.hold()
    }
}
