import Foundation
import GeoKit
import Testing

@testable import SanseModel
@testable import SanseSurvey

/// Input layers read whole by the fast GeoJSON reader or feature by feature through GDAL.
@Suite("Layer reading")
struct LayerReaderTests {
    @Test func theFastGeoJSONReaderAndGDALGiveTheSameSurvey() throws {
        let rows = SurveyFixtures.rows(count: 700, duplicates: [9: 3, 400: 3], bowTies: [17, 650], missing: [5, 333])
        let (folder, inputs) = try SurveyFixtures.geoJSONSurvey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fast reader takes the file; naming the layer sends it through GDAL.
        #expect((try? GeoJSONReader.read(path: inputs.parcels.path)) != nil)
        var throughGDAL = inputs
        throughGDAL.parcels = InputSource(inputs.parcels.path, layer: "parcels")
        let fast = try SurveyLoader.load(inputs, config: .default)
        let gdal = try SurveyLoader.load(throughGDAL, config: .default)
        #expect(try SurveyFixtures.summary(fast) == SurveyFixtures.summary(gdal))
        #expect(fast.survey.parcels.count == 698)
    }
}
