import Foundation
import GeoKit

@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// Runs for the viewer's tests: the bundled demo as `sanse demo` runs it, and the viewer alone
/// written for a survey held in memory.
enum ViewerFixtures {
    static let repository = Repository.root

    /// The demo survey with its GCJ-02 copies, into a fresh folder (remove it with `discard`).
    static func demo(vectorTiles: Bool = false) throws -> (folder: URL, report: RunReport) {
        let demo = repository.appendingPathComponent("GeoData/demo")
        let file = { (name: String) in demo.appendingPathComponent(name).path }
        let config = try ConfigReader.load(path: file("sanse.yml"))
        let inputs = SurveyInputs(
            parcels: InputSource(file("shapefile/parcels.shp")),
            controlLines: InputSource(file("shapefile/control_lines.shp")),
            towns: InputSource(file("shapefile/towns.shp")), attributes: InputSource(file("muju-evaluation.csv")))
        let out = try SurveyFixtures.folder().appendingPathComponent("demo")
        var request = RunRequest(
            inputs: inputs, config: config, outputFolder: out.path, webCopies: [.gcj02], runName: "demo")
        request.vectorTiles = vectorTiles
        return (out, try Pipeline.run(request))
    }

    /// Only the viewer, for a survey analysed in memory.
    static func viewer(for survey: Survey, analysis: AnalysisResult) throws -> URL {
        let out = try SurveyFixtures.folder().appendingPathComponent("viewer")
        let folder = try OutputFolder(destination: out, inputs: [])
        let content = OutputContent(
            survey: survey, analysis: analysis, issues: [], config: .default, webCopies: [], workers: 2,
            surveyDate: nil,
            parcelsSourceName: "fixture")
        try ViewerFiles.product.write(content, folder)
        try folder.commit()
        return out
    }

    static func discard(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// A point inside the block, in WGS 84 lon/lat.
    static func pointInside(_ block: Block, analysisCRS: String) throws -> Point2D {
        let point = try block.land.geometry().pointOnSurface().points()[0]
        return try Transformer(from: analysisCRS, to: "EPSG:4326").transform(point)
    }
}
