import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// A small survey written to files and run through the whole pipeline.
enum OutputFixtures {
    /// The GeoJSON files of every run (in WGS 84; a web copy adds its CRS before `.geojson`).
    static let geoJSONFiles = ["blocks.geojson", "parcels.geojson", "outlines.geojson", "control-lines.geojson"]

    /// Runs the pipeline on the standard fixture (GeoJSON in lon/lat) and returns the output folder.
    /// Without `base` the output goes into a fresh folder of its own: tests look for staging
    /// leftovers next to it, and a shared /tmp holds other tests' runs in progress.
    static func run(webCopies: [WebCRS] = [], workers: Int = 2, into base: URL? = nil) throws -> (folder: URL, report: RunReport) {
        let (inputFolder, inputs) = try SurveyFixtures.geoJSONSurvey()
        defer { try? FileManager.default.removeItem(at: inputFolder) }
        let parent = try base ?? SurveyFixtures.folder()
        let out = parent.appendingPathComponent("sanse-out-\(UUID().uuidString)")
        let request = RunRequest(inputs: inputs, config: .default, outputFolder: out.path, webCopies: webCopies, workers: workers)
        let report = try Pipeline.run(request)
        return (out, report)
    }

    /// Removes a folder made by `run()` without a base, with the private folder around it.
    static func discard(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }
}
