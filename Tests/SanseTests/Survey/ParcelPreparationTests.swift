import Foundation
import Testing

@testable import SanseModel
@testable import SanseSurvey

/// Parcels prepared on worker threads while they are read: the same parcels and issues, in
/// the same order, whatever the number of workers and however the file is read.
@Suite("Parcel preparation")
struct ParcelPreparationTests {
    @Test func issuesDoNotDependOnTheNumberOfWorkers() throws {
        let rows = SurveyFixtures.rows(
            count: 1300, duplicates: [10: 5, 130: 5, 900: 901], bowTies: [20, 200, 1299],
            missing: [0, 640])
        let (folder, inputs) = try SurveyFixtures.geoJSONSurvey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try SurveyFixtures.summary(SurveyLoader.load(inputs, config: .default, workers: 1))
        for workers in [2, 3, 5] {
            let loaded = try SurveyLoader.load(inputs, config: .default, workers: workers)
            #expect(try SurveyFixtures.summary(loaded) == reference, "\(workers) workers")
        }
    }

    /// Issues come in eighths of the features: an eighth's geometry and value issues, then
    /// its id issues (the order sanse has always reported them in with two workers).
    @Test func issuesComeInEighthsOfTheFeatures() throws {
        // 1024 features: eighths of 128.
        let rows = SurveyFixtures.rows(count: 1024, duplicates: [10: 5, 130: 5], bowTies: [20, 200])
        let (folder, inputs) = try SurveyFixtures.geoJSONSurvey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let issues = try SurveyLoader.load(inputs, config: .default).issues.issues.filter {
            $0.kind == .repaired || $0.kind == .duplicateID
        }
        #expect(issues.map(\.kind) == [.repaired, .duplicateID, .repaired, .duplicateID])
        #expect(issues.map(\.featureID) == ["Z-0020", "Z-0005", "Z-0200", "Z-0005"])
    }

    /// A projected GeoPackage is prepared while GDAL reads it: the same parcels and issues as
    /// the same survey read whole (GeoJSON with the same CRS), whatever the number of workers.
    @Test func preparingWhileReadingGivesWhatReadingWholeGives() throws {
        let rows = SurveyFixtures.rows(count: 900, duplicates: [9: 3, 400: 3], bowTies: [17, 650])
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let geoPackage = folder.appendingPathComponent("parcels.gpkg").path
        let geoJSON = folder.appendingPathComponent("parcels.geojson").path
        let control = folder.appendingPathComponent("control.gpkg").path
        try SurveyFixtures.writeParcels(rows, to: geoPackage, driver: "GPKG", crs: "EPSG:4549")
        try SurveyFixtures.writeParcels(rows, to: geoJSON, driver: "GeoJSON", crs: "EPSG:4549")
        try SurveyFixtures.writeControlLines(to: control, driver: "GPKG", crs: "EPSG:4549")
        // Feature ids differ (GeoPackage counts from 1), and so do the layers' files.
        func comparable(_ result: SurveyLoader.Result) throws -> [String] {
            var copy = result
            for index in copy.survey.parcels.indices { copy.survey.parcels[index].sourceFID = 0 }
            copy.survey.layers = []
            return try SurveyFixtures.summary(copy)
        }
        let whole = try comparable(
            SurveyLoader.load(
                SurveyInputs(parcels: InputSource(geoJSON), controlLines: InputSource(control)), config: .default))
        for workers in [1, 2, 3] {
            let streamed = try SurveyLoader.load(
                SurveyInputs(parcels: InputSource(geoPackage), controlLines: InputSource(control)), config: .default,
                workers: workers)
            #expect(try comparable(streamed) == whole, "\(workers) workers")
            #expect(streamed.survey.parcels.count == 900)
            #expect(streamed.survey.layers.first?.featuresRead == 900)
        }
    }

    /// GDAL stops part-way through a projected file: the error names the file and how far it
    /// got, and the workers preparing what was read are stopped.
    @Test func aReadErrorWhilePreparingIsReportedAndStopsTheWorkers() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("parcels.shp").path
        let control = folder.appendingPathComponent("control.gpkg").path
        try SurveyFixtures.writeParcels(
            SurveyFixtures.rows(count: 5000), to: parcels, driver: "ESRI Shapefile",
            crs: "EPSG:4549", layerOptions: ["ENCODING=UTF-8"])
        try SurveyFixtures.writeControlLines(to: control, driver: "GPKG", crs: "EPSG:4549")
        // The shapes end two thirds of the way; the index still lists them all.
        let shapes = folder.appendingPathComponent("parcels.shp")
        let bytes = try Data(contentsOf: shapes)
        try bytes.prefix(bytes.count * 2 / 3).write(to: shapes)
        do {
            _ = try SurveyLoader.load(
                SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)), config: .default,
                workers: 2)
            Issue.record("a truncated file loaded")
        } catch let error as SurveyError {
            #expect(error.path == parcels)
            #expect(error.message.contains("reading stopped after"), "\(error.message)")
        }
    }
}
