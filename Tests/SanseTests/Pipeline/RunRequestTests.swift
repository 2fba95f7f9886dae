import Foundation
import GeoKit
@testable import Sanse
@testable import SanseModel
import Testing

/// The config's `layers.*` name the layer of an input that names none itself.
@Suite("Run request")
struct RunRequestTests {
    static let demoSurvey = Repository.path("GeoData/demo/cixi-survey.gpkg")

    @Test func anInputsOwnLayerWinsOverTheConfigs() {
        var names = Config.LayerNames()
        names.parcels = "from_config"
        names.towns = "towns_from_config"
        let inputs = SurveyInputs(
            parcels: InputSource("a.gpkg"), controlLines: InputSource("b.gpkg", layer: "own"), towns: InputSource("c.gpkg"))
        let named = inputs.namingLayers(names)
        #expect(named.parcels.layer == "from_config")
        #expect(named.controlLines.layer == "own")
        #expect(named.towns?.layer == "towns_from_config")
        #expect(named.attributes == nil)
    }

    @Test func theConfigsLayerNamePicksTheLayerThatIsRead() throws {
        let inputs = SurveyInputs(parcels: InputSource(Self.demoSurvey), controlLines: InputSource(Self.demoSurvey))
        let byHint = try Pipeline.check(RunRequest(inputs: inputs, config: .default, outputFolder: "", workers: 1))
        #expect(byHint.survey.layers.map(\.layer) == ["parcels", "control_lines"])

        var config = Config.default
        config.layers.parcels = "towns"
        let byConfig = try Pipeline.check(RunRequest(inputs: inputs, config: config, outputFolder: "", workers: 1))
        #expect(byConfig.survey.layers.map(\.layer) == ["towns", "control_lines"])
        #expect(byConfig.survey.parcels.count < byHint.survey.parcels.count)

        config.layers.parcels = "no_such_layer"
        #expect(throws: SurveyError.self) {
            try Pipeline.check(RunRequest(inputs: inputs, config: config, outputFolder: "", workers: 1))
        }
    }
}
