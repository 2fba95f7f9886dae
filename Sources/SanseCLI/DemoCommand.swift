import ArgumentParser
import Foundation
import GeoKit
import Sanse
import SanseModel
import SanseOutput

/// `sanse demo`: the full run on the bundled synthetic 慈溪 survey.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run on the bundled GeoData/demo survey (慈溪, synthetic) into Output/demo/.")

    @Option(name: .long, help: "Output folder.")
    var out = "Output/demo"

    func run() throws {
        guard let demo = Self.locateDemo() else {
            log("sanse: cannot find GeoData/demo; run from the sanse repository")
            throw ExitCode(ExitStatus.badInput)
        }
        let file = { (name: String) in demo.appendingPathComponent(name).path }
        let config = try runReportingErrors { try ConfigReader.load(path: file("sanse.yml")) }
        let inputs = SurveyInputs(
            parcels: InputSource(file("shapefile/parcels.shp")), controlLines: InputSource(file("shapefile/control_lines.shp")),
            towns: InputSource(file("shapefile/towns.shp")), attributes: InputSource(file("muju-evaluation.csv")))
        let started = Date()
        let report = try runReportingErrors {
            var request = RunRequest(inputs: inputs, config: config, outputFolder: out, webCopies: [.gcj02], runName: "demo")
            request.progress = { Progress.show($0) }
            return try Pipeline.run(request)
        }
        printReport(report)
        if let folder = report.outputFolder,
           let summary = try? String(contentsOfFile: folder + "/summary.md", encoding: .utf8) {
            print(summary)
            print("三色 map: \(folder)/map.svg · web GeoJSON: \(folder)/blocks.geojson · GIS: \(folder)/sanse.gpkg")
        }
        log(String(format: "demo finished in %.1f s", Date().timeIntervalSince(started)))
        // The demo data has deliberate defects; reporting them is the point, not a failure.
    }

    /// GeoData/demo in the current folder or above the executable (…/.build/release/sanse).
    static func locateDemo() -> URL? {
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.map { $0.appendingPathComponent("GeoData/demo") }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("sanse.yml").path) }
    }
}
