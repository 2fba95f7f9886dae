import Foundation
import GeoKit
@testable import Sanse

/// A small survey written to files and run through the whole pipeline.
enum OutputFixtures {
    /// Runs the pipeline on the standard fixture (GeoJSON in lon/lat) and returns the output folder.
    static func run(webCopies: [WebCRS] = [], workers: Int = 2, into base: URL? = nil) throws -> (folder: URL, report: RunReport) {
        let (inputFolder, inputs) = try SurveyLoaderTests.geoJSONSurvey()
        let out = (base ?? inputFolder.deletingLastPathComponent()).appendingPathComponent("sanse-out-\(UUID().uuidString)")
        let request = RunRequest(inputs: inputs, config: .default, outputFolder: out.path, webCopies: webCopies, workers: workers)
        let report = try Pipeline.run(request)
        return (out, report)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }
}
