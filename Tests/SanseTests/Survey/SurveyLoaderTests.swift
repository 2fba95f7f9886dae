import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("Survey loading")
struct SurveyLoaderTests {
    @Test func lonLatGeoJSONInCixiIsAnalysedInGaussKrugerCM120() throws {
        let (folder, inputs) = try SurveyFixtures.geoJSONSurvey()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SurveyLoader.load(inputs, config: .default)
        let survey = result.survey
        #expect(survey.analysisCRS.definition == "EPSG:4549")
        #expect(survey.analysisCRS.reason.contains("Gauss-Kruger"))

        // 8 features: P4 (no geometry) skipped, the rest kept; P3 repaired.
        #expect(survey.parcels.map(\.id) == ["P1", "P2", "P3", "P1#2", "P6", "P7", "P8"])
        let byID = Dictionary(uniqueKeysWithValues: survey.parcels.map { ($0.id, $0) })
        #expect(abs(try byID["P1"]!.geometry().area() - 10_000) < 0.01, "back in metres after the lon/lat round trip")
        #expect(byID["P1"]!.grade == .a)
        #expect(byID["P1"]!.far == 2.1)
        #expect(byID["P1"]!.taxPerMu == 1234.5)
        #expect(byID["P1"]!.town == "坎墩街道")
        #expect(survey.enterprise(of: byID["P1"]!) == "慈溪市甲电器有限公司")
        #expect(byID["P2"]!.grade == .c, "full-width ｃ")
        #expect(byID["P8"]!.grade == .d && byID["P8"]!.far == nil && byID["P8"]!.taxPerMu == nil)
        #expect(byID["P6"]!.far == nil, "FAR 25 is out of range")
        #expect(byID["P7"]!.grade == nil)
        #expect(byID["P3"]!.repaired && !byID["P1"]!.repaired)
        #expect(abs(try byID["P3"]!.geometry().area() - 5_000) < 0.5, "the bow-tie's two triangles")

        let log = result.issues
        #expect(log.count(.nullGeometry) == 1)
        #expect(log.issues.first { $0.kind == .nullGeometry }?.featureID == "P4")
        #expect(log.count(.repaired) == 1)
        #expect(log.issues.first { $0.kind == .repaired }?.messageEN.contains("Self-intersection") == true)
        #expect(log.count(.duplicateID) == 1)
        #expect(log.count(.valueOutOfRange) == 1)
        #expect(log.count(.unknownGrade) == 1)
        #expect(log.hasProblems)

        // The closed line became the control polygon; the open one is reported.
        #expect(survey.controlPolygons.count == 1)
        #expect(abs(try survey.controlPolygons[0].area() - 160 * 120) < 0.5)
        #expect(log.count(.openLine) == 1)
        #expect(Set(survey.towns.map(\.name)) == ["坎墩街道", "周巷镇"])
    }

    @Test func beilunAndHelsinkiGetTheirOwnZones() throws {
        // Move the fixture ~60 km east (北仑, lon ≈ 121.87) and check the zone changes.
        let (beilun, beilunInputs) = try SurveyFixtures.geoJSONSurvey(shift: Point2D(60_000, 0))
        defer { try? FileManager.default.removeItem(at: beilun) }
        #expect(try SurveyLoader.load(beilunInputs, config: .default).survey.analysisCRS.definition == "EPSG:4550")

        // Helsinki: treat the fixture's metres as UTM 35N around (385 km E, 6671 km N).
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let toLonLat = try Transformer(from: "EPSG:32635", to: "EPSG:4326")
        let parcels = folder.appendingPathComponent("helsinki.geojson").path
        let control = folder.appendingPathComponent("control.geojson").path
        let offset = Point2D(385_000 - SurveyFixtures.originX, 6_671_000 - SurveyFixtures.originY)
        try SurveyFixtures.writeParcels(to: parcels, driver: "GeoJSON", crs: nil, transform: toLonLat, shift: offset)
        try SurveyFixtures.writeControlLines(to: control, driver: "GeoJSON", crs: nil, transform: toLonLat)
        let helsinki = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)), config: .default)
        #expect(helsinki.survey.analysisCRS.definition == "EPSG:32635")
        #expect(helsinki.survey.analysisCRS.reason.contains("UTM"))
    }

    @Test func gbkShapefileWithChineseFieldsMapsCorrectly() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fields = ["宗地编号", "权利人", "亩均评价", "容积率", "亩均税收", "所属镇街"]
        let parcels = folder.appendingPathComponent("宗地.shp").path
        let control = folder.appendingPathComponent("控制线.shp").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "ESRI Shapefile", crs: "EPSG:4549", layerOptions: ["ENCODING=GBK"], fieldNames: fields)
        try SurveyFixtures.writeControlLines(to: control, driver: "ESRI Shapefile", crs: "EPSG:4549", layerOptions: ["ENCODING=GBK"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("宗地.cpg").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("宗地.prj").path))

        let result = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)), config: .default)
        #expect(result.survey.analysisCRS.definition == "EPSG:4549")
        #expect(result.survey.analysisCRS.reason.contains("own CRS"))
        #expect(result.survey.parcelFields.map(\.name) == fields)
        let p2 = try #require(result.survey.parcels.first { $0.id == "P2" })
        #expect(result.survey.enterprise(of: p2) == "慈溪市乙纺织有限公司")
        #expect(p2.town == "坎墩街道")
        #expect(p2.grade == .c)
        #expect(p2.far == 0.8)
        #expect(try p2.geometry().area() == 10_000, "no reprojection: exact")
        #expect(result.survey.parcels.count == 7)
    }

    @Test func geoPackageGivesTheSameSurveyAsTheShapefile() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("survey.gpkg").path
        try SurveyFixtures.writeParcels(to: gpkg, driver: "GPKG", crs: "EPSG:4549")
        let control = folder.appendingPathComponent("control.gpkg").path
        try SurveyFixtures.writeControlLines(to: control, driver: "GPKG", crs: "EPSG:4549")
        let result = try SurveyLoader.load(SurveyInputs(parcels: InputSource(gpkg), controlLines: InputSource(control)), config: .default)
        #expect(result.survey.parcels.map(\.id) == ["P1", "P2", "P3", "P1#2", "P6", "P7", "P8"])
        #expect(result.survey.parcels.map(\.grade) == [.a, .c, .b, .d, .a, nil, .d])
        #expect(result.survey.layers.map(\.driver) == ["GPKG", "GPKG"])
        #expect(result.survey.layers[0].featuresRead == 8 && result.survey.layers[0].featuresKept == 7)
    }

    @Test func attributeTableJoinsByCreditCode() throws {
        let (folder, base) = try SurveyFixtures.geoJSONSurvey()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("亩均评价.csv").path
        try SurveyFixtures.writeEvaluationCSV(to: csv)
        var inputs = base
        inputs.attributes = InputSource(csv)
        let result = try SurveyLoader.load(inputs, config: .default, joinOn: "统一社会信用代码")
        let byID = Dictionary(uniqueKeysWithValues: result.survey.parcels.map { ($0.id, $0) })
        // 甲 owns every parcel but P2: all rated B with tax 30 now; 乙 (P2, lower-case key in
        // the table) rated A with tax 45.5.
        #expect(byID["P1"]!.grade == .b && byID["P1"]!.taxPerMu == 30)
        #expect(byID["P8"]!.grade == .b && byID["P8"]!.taxPerMu == 30)
        #expect(byID["P2"]!.grade == .a && byID["P2"]!.taxPerMu == 45.5)
        #expect(byID["P1"]!.far == 2.1, "figures the table lacks are kept")
        #expect(result.issues.count(.tableRowUnmatched) == 1)
        #expect(result.issues.issues.first { $0.kind == .tableRowUnmatched }?.featureID == "91330282MA2CCCCC3Z")
        #expect(result.issues.count(.parcelNotInTable) == 0)
        // Columns the parcels lack are carried through.
        #expect(result.survey.parcelFields.map(\.name).suffix(2) == ["企业名称", "评价年度"])
        #expect(byID["P2"]!.sourceValues.last == .string("2025"))
    }

    @Test func zonePrefixedShapefileWithoutPRJIsDetectedAndReported() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Zone 40 with its prefix: eastings 40 620 000 …
        let parcels = folder.appendingPathComponent("parcels.shp").path
        let control = folder.appendingPathComponent("control.shp").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "ESRI Shapefile", crs: nil, layerOptions: ["ENCODING=UTF-8"],
                                        fieldNames: ["宗地编号"], shift: Point2D(40_000_000, 0))
        let writer = try VectorDatasetWriter(path: control, driver: "ESRI Shapefile")
        let layer = try writer.createLayer(name: "control", crs: nil, geometryType: .polygon, fields: [])
        try layer.write(values: [], wkb: try Geometry(wkt: "POLYGON ((40619990 3339990, 40620150 3339990, 40620150 3340110, 40619990 3340110, 40619990 3339990))").wkb())
        try writer.close()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("parcels.prj").path))

        let result = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)), config: .default)
        #expect(result.survey.analysisCRS.definition == "EPSG:4528")
        let assumed = result.issues.issues.filter { $0.kind == .crsAssumed }
        #expect(assumed.count == 2)
        #expect(assumed[0].messageEN.contains("zone 40"))
        #expect(try result.survey.parcels[0].geometry().area() == 10_000)
    }

    @Test func shapefileWithoutPRJOrZonePrefixIsAnErrorNamingTheFix() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("parcels.shp").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "ESRI Shapefile", crs: nil, layerOptions: ["ENCODING=UTF-8"], fieldNames: ["宗地编号"])
        let inputs = SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(parcels))
        do {
            _ = try SurveyLoader.load(inputs, config: .default)
            Issue.record("a Shapefile without .prj was accepted")
        } catch let error as SurveyError {
            #expect(error.path == parcels)
            #expect(error.message.contains("--source-crs"))
        }
        // With --source-crs it loads.
        let loaded = try SurveyLoader.load(inputs, config: .default, sourceCRS: "EPSG:4549")
        #expect(loaded.survey.parcels.count == 7)
    }

    @Test func missingInputNamesThePath() throws {
        let inputs = SurveyInputs(parcels: InputSource("/no/such/parcels.gpkg"), controlLines: InputSource("/no/such/control.gpkg"))
        #expect {
            try SurveyLoader.load(inputs, config: .default)
        } throws: { error in
            (error as? SurveyError)?.path == "/no/such/parcels.gpkg" && (error as? SurveyError)?.message.lowercased().contains("no such file") == true
        }
    }
}

@Suite("Survey loading: hostile coordinates")
struct HostileCoordinateTests {
    @Test func aFeatureAtOneE300IsSkippedAndDoesNotMoveTheCRSChoice() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("huge.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"宗地编号":"bad"},"geometry":{"type":"Polygon","coordinates":[[[121.2,30.2],[1e300,30.2],[121.3,30.3],[121.2,30.2]]]}},
        {"type":"Feature","properties":{"宗地编号":"good"},"geometry":{"type":"Polygon","coordinates":[[[121.2,30.2],[121.21,30.2],[121.21,30.21],[121.2,30.2]]]}}]}
        """.write(to: parcels, atomically: true, encoding: .utf8)
        let control = folder.appendingPathComponent("control.geojson").path
        try SurveyFixtures.writeControlLines(to: control, driver: "GeoJSON", crs: nil, transform: try Transformer(from: "EPSG:4549", to: "EPSG:4326"))
        let result = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels.path), controlLines: InputSource(control)), config: .default)
        #expect(result.survey.analysisCRS.definition == "EPSG:4549")
        #expect(result.survey.parcels.map(\.id) == ["good"])
        #expect(result.issues.issues.first { $0.featureID == "bad" }?.kind == .badCoordinates)
    }

    @Test func projectedCoordinatesDeclaredAsLonLatAreAClearError() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // GK metres written into a file that declares EPSG:4326.
        let parcels = folder.appendingPathComponent("mislabelled.gpkg").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "GPKG", crs: "EPSG:4326")
        do {
            _ = try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(parcels)), config: .default)
            Issue.record("metres declared as degrees were accepted")
        } catch let error as SurveyError {
            #expect(error.path == parcels)
            #expect(error.message.contains("not a longitude and latitude"))
        }
    }
}

@Suite("Survey loading: incomplete Shapefiles")
struct IncompleteShapefileTests {
    @Test func aShapefileWithoutItsDBFIsAnErrorNamingIt() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("parcels.shp").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "ESRI Shapefile", crs: "EPSG:4549", layerOptions: ["ENCODING=UTF-8"], fieldNames: ["宗地编号"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("parcels.dbf"))
        #expect {
            try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(parcels)), config: .default)
        } throws: { error in
            (error as? SurveyError)?.message.contains(".dbf") == true && (error as? SurveyError)?.path == parcels
        }
    }

    @Test func aShapefileWithoutItsSHXIsAnErrorNamingIt() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("parcels.shp").path
        try SurveyFixtures.writeParcels(to: parcels, driver: "ESRI Shapefile", crs: "EPSG:4549", layerOptions: ["ENCODING=UTF-8"], fieldNames: ["宗地编号"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("parcels.shx"))
        #expect {
            try SurveyLoader.load(SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(parcels)), config: .default)
        } throws: { error in
            (error as? SurveyError)?.message.contains(".shx") == true
        }
    }
}
