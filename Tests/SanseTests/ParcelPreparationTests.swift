import Foundation
import GeoKit
import Testing
@testable import Sanse

/// Reading large surveys: the fast GeoJSON path against GDAL's, and results that do not
/// depend on the number of workers.
@Suite("Survey reading")
struct SurveyReadingTests {
    /// `count` parcels 40 m apart in rows of 32; `duplicates` maps a row to the row whose id it
    /// repeats, `bowTies` are self-intersecting, `missing` have no geometry.
    static func rows(count: Int, duplicates: [Int: Int] = [:], bowTies: Set<Int> = [], missing: Set<Int> = []) -> [SurveyFixtures.ParcelRow] {
        (0..<count).map { index in
            let x = Double(index % 32) * 40, y = Double(index / 32) * 40
            var wkt: String? = SurveyFixtures.square(x, y, 30)
            if bowTies.contains(index) {
                let (x0, y0) = (SurveyFixtures.originX + x, SurveyFixtures.originY + y)
                wkt = "POLYGON ((\(x0) \(y0), \(x0 + 30) \(y0 + 30), \(x0 + 30) \(y0), \(x0) \(y0 + 30), \(x0) \(y0)))"
            }
            if missing.contains(index) { wkt = nil }
            let id = "Z-\(String(format: "%04d", duplicates[index] ?? index))"
            return SurveyFixtures.ParcelRow(id: id, wkt: wkt, grade: ["A", "b", "C类", "", "Ｄ"][index % 5], far: ["1.2", " 2 ", "/", ""][index % 4], town: index % 3 == 0 ? "周巷镇" : "坎墩街道")
        }
    }

    static func survey(_ rows: [SurveyFixtures.ParcelRow]) throws -> (URL, SurveyInputs) {
        let folder = try SurveyFixtures.folder()
        let toLonLat = try Transformer(from: "EPSG:4549", to: "EPSG:4326")
        let parcels = folder.appendingPathComponent("parcels.geojson").path
        let control = folder.appendingPathComponent("control.geojson").path
        try SurveyFixtures.writeParcels(rows, to: parcels, driver: "GeoJSON", crs: nil, transform: toLonLat)
        try SurveyFixtures.writeControlLines(to: control, driver: "GeoJSON", crs: nil, transform: toLonLat)
        return (folder, SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)))
    }

    /// Everything a loaded survey holds that the outputs use.
    static func summary(_ result: SurveyLoader.Result) throws -> [String] {
        let survey = result.survey
        var lines = ["crs \(survey.analysisCRS)", "fields \(survey.parcelFields)", "layers \(survey.layers)", "towns \(survey.towns.map(\.name))"]
        for parcel in survey.parcels {
            lines.append("\(parcel.id) \(parcel.sourceFID) \(parcel.town ?? "-") \(survey.enterprise(of: parcel) ?? "-") \(String(describing: parcel.grade)) \(String(describing: parcel.far)) \(String(describing: parcel.taxPerMu)) \(parcel.repaired) \(Array(parcel.sourceValues)) \(try parcel.geometry().wkb())")
        }
        lines += result.issues.issues.map { "\($0.layer) \($0.featureID ?? "-") \($0.kind) \($0.messageEN)" }
        return lines
    }

    @Test func theFastGeoJSONReaderAndGDALGiveTheSameSurvey() throws {
        let rows = Self.rows(count: 700, duplicates: [9: 3, 400: 3], bowTies: [17, 650], missing: [5, 333])
        let (folder, inputs) = try Self.survey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fast reader takes the file; naming the layer sends it through GDAL.
        #expect((try? GeoJSONReader.read(path: inputs.parcels.path)) != nil)
        var throughGDAL = inputs
        throughGDAL.parcels = InputSource(inputs.parcels.path, layer: "parcels")
        let fast = try SurveyLoader.load(inputs, config: .default)
        let gdal = try SurveyLoader.load(throughGDAL, config: .default)
        #expect(try Self.summary(fast) == Self.summary(gdal))
        #expect(fast.survey.parcels.count == 698)
    }

    @Test func issuesDoNotDependOnTheNumberOfWorkers() throws {
        let rows = Self.rows(count: 1300, duplicates: [10: 5, 130: 5, 900: 901], bowTies: [20, 200, 1299], missing: [0, 640])
        let (folder, inputs) = try Self.survey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try Self.summary(SurveyLoader.load(inputs, config: .default, workers: 1))
        for workers in [2, 3, 5] {
            #expect(try Self.summary(SurveyLoader.load(inputs, config: .default, workers: workers)) == reference, "\(workers) workers")
        }
    }

    /// Issues come in eighths of the features: an eighth's geometry and value issues, then
    /// its id issues (the order sanse has always reported them in with two workers).
    @Test func issuesComeInEighthsOfTheFeatures() throws {
        // 1024 features: eighths of 128.
        let rows = Self.rows(count: 1024, duplicates: [10: 5, 130: 5], bowTies: [20, 200])
        let (folder, inputs) = try Self.survey(rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let issues = try SurveyLoader.load(inputs, config: .default).issues.issues.filter { $0.kind == .repaired || $0.kind == .duplicateID }
        #expect(issues.map(\.kind) == [.repaired, .duplicateID, .repaired, .duplicateID])
        #expect(issues.map(\.featureID) == ["Z-0020", "Z-0005", "Z-0200", "Z-0005"])
    }

    /// A projected GeoPackage is prepared while GDAL reads it: the same parcels and issues as
    /// the same survey read whole (GeoJSON with the same CRS), whatever the number of workers.
    @Test func preparingWhileReadingGivesWhatReadingWholeGives() throws {
        let rows = Self.rows(count: 900, duplicates: [9: 3, 400: 3], bowTies: [17, 650])
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
            return try Self.summary(copy)
        }
        let whole = try comparable(SurveyLoader.load(SurveyInputs(parcels: InputSource(geoJSON), controlLines: InputSource(control)), config: .default))
        for workers in [1, 2, 3] {
            let streamed = try SurveyLoader.load(SurveyInputs(parcels: InputSource(geoPackage), controlLines: InputSource(control)), config: .default, workers: workers)
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
        try SurveyFixtures.writeParcels(Self.rows(count: 5000), to: parcels, driver: "ESRI Shapefile", crs: "EPSG:4549", layerOptions: ["ENCODING=UTF-8"])
        try SurveyFixtures.writeControlLines(to: control, driver: "GPKG", crs: "EPSG:4549")
        // The shapes end two thirds of the way; the index still lists them all.
        let shapes = folder.appendingPathComponent("parcels.shp")
        let bytes = try Data(contentsOf: shapes)
        try bytes.prefix(bytes.count * 2 / 3).write(to: shapes)
        do {
            _ = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)), config: .default, workers: 2)
            Issue.record("a truncated file loaded")
        } catch let error as SurveyError {
            #expect(error.path == parcels)
            #expect(error.message.contains("reading stopped after"), "\(error.message)")
        }
    }
}
