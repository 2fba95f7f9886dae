import Foundation
import Testing

@testable import Sanse
@testable import SanseModel
@testable import SanseOutput

/// Outputs are written beside their destination and moved into place only when complete.
@Suite("Output folder", .serialized)
struct OutputFolderTests {
    @Test func outputNextToTheInputsIsRefusedAndNothingIsWritten() throws {
        let (inputFolder, inputs) = try SurveyFixtures.geoJSONSurvey()
        defer { try? FileManager.default.removeItem(at: inputFolder) }
        let before = try FileManager.default.contentsOfDirectory(atPath: inputFolder.path).sorted()
        #expect(throws: OutputError.self) {
            try Pipeline.run(RunRequest(inputs: inputs, config: .default, outputFolder: inputFolder.path))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: inputFolder.path).sorted() == before, "inputs untouched"
        )
    }

    @Test func aFailedRunLeavesNoOutputAndKeepsThePreviousOne() throws {
        let (folder, _) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let previous = try Data(contentsOf: folder.appendingPathComponent("blocks.geojson"))
        let broken = SurveyInputs(
            parcels: InputSource("/no/such/parcels.geojson"), controlLines: InputSource("/no/such/control.geojson"))
        #expect(throws: SurveyError.self) {
            try Pipeline.run(RunRequest(inputs: broken, config: .default, outputFolder: folder.path))
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("blocks.geojson")) == previous)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(".partial-") })
    }
}
