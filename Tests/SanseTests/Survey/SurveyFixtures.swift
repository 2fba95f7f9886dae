import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// Hand-made surveys with known answers, written by the tests into temporary folders.
/// Coordinates are CGCS2000 / 3-degree GK CM 120°E (EPSG:4549) metres near 慈溪.
enum SurveyFixtures {
    static let originX = 620_000.0, originY = 3_340_000.0

    struct ParcelRow {
        var id: String?
        var wkt: String?
        var enterprise = "慈溪市甲电器有限公司"
        var creditCode = "91330282MA2AAAAA1X"
        var grade = "A"
        var far = " 2.1 "
        var tax = "1,234.5"
        var town = "坎墩街道"
    }

    static func square(_ x: Double, _ y: Double, _ side: Double) -> String {
        let (x0, y0) = (originX + x, originY + y)
        return "POLYGON ((\(x0) \(y0), \(x0 + side) \(y0), \(x0 + side) \(y0 + side), \(x0) \(y0 + side), \(x0) \(y0)))"
    }

    /// Eight parcels, each exercising one case:
    /// P1 clean; P2 touches P1, grade "ｃ" (full-width); P3 a bow-tie; P4 no geometry;
    /// P1 again (duplicate id); P6 FAR 25 (out of range); P7 grade "X"; P8 overlaps P1 and P2 by
    /// 50×100 m each.
    static let parcels: [ParcelRow] = [
        ParcelRow(id: "P1", wkt: square(0, 0, 100), grade: "A类"),
        ParcelRow(id: "P2", wkt: square(100, 0, 100), enterprise: "慈溪市乙纺织有限公司", creditCode: "91330282MA2BBBBB2Y", grade: "ｃ", far: "0.8", tax: "12"),
        ParcelRow(id: "P3", wkt: "POLYGON ((\(originX + 300) \(originY), \(originX + 400) \(originY + 100), \(originX + 400) \(originY), \(originX + 300) \(originY + 100), \(originX + 300) \(originY)))", grade: "B"),
        ParcelRow(id: "P4", wkt: nil),
        ParcelRow(id: "P1", wkt: square(0, 300, 50), grade: "D", town: "周巷镇"),
        ParcelRow(id: "P6", wkt: square(200, 300, 50), far: "25", town: "周巷镇"),
        ParcelRow(id: "P7", wkt: square(300, 300, 50), grade: "X", town: "周巷镇"),
        ParcelRow(id: "P8", wkt: square(50, 0, 100), grade: "d", far: "", tax: ""),
    ]

    static let fields = ["宗地编号", "权利人", "统一社会信用代码", "亩均评价", "容积率", "亩均税收", "所属镇街"]

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the parcels with any GDAL driver. `transform` moves the metres to another CRS
    /// first (e.g. to lon/lat for GeoJSON); `shift` moves them by whole metres beforehand.
    static func writeParcels(
        _ rows: [ParcelRow] = parcels, to path: String, driver: String, crs: String?, layerOptions: [String] = [],
        fieldNames: [String] = fields, transform: Transformer? = nil, shift: Point2D = Point2D(0, 0)
    ) throws {
        let writer = try VectorDatasetWriter(path: path, driver: driver)
        let layer = try writer.createLayer(
            name: "parcels", crs: crs, geometryType: .polygon,
            fields: fieldNames.map { FieldDefinition(name: $0, type: .string) }, options: layerOptions)
        try writer.inTransaction {
            for row in rows {
                var all: [String: FieldValue] = [
                    "宗地编号": row.id.map(FieldValue.string) ?? .null, "权利人": .string(row.enterprise),
                    "统一社会信用代码": .string(row.creditCode), "亩均评价": .string(row.grade), "容积率": .string(row.far),
                    "亩均税收": .string(row.tax), "所属镇街": .string(row.town),
                ]
                all["TYSHXYDM"] = all["统一社会信用代码"]
                var wkb: [UInt8]?
                if let wkt = row.wkt {
                    var geometry = try Geometry(wkt: wkt)
                    geometry = try geometry.mapPoints { points in
                        for i in points.indices { points[i] = Point2D(points[i].x + shift.x, points[i].y + shift.y) }
                        if let transform { transform.transform(&points) }
                    }
                    wkb = try geometry.wkb()
                }
                try layer.write(values: fieldNames.map { all[$0] ?? .null }, wkb: wkb)
            }
        }
        try writer.close()
    }

    /// The rows written as GeoJSON in lon/lat (or `target`), with the control lines; `shift`
    /// moves the parcels by whole metres first.
    static func geoJSONSurvey(
        _ rows: [ParcelRow] = parcels, shift: Point2D = Point2D(0, 0), projectTo target: String = "EPSG:4326",
        from source: String = "EPSG:4549"
    ) throws -> (URL, SurveyInputs) {
        let folder = try Self.folder()
        let toLonLat = try Transformer(from: source, to: target)
        let parcels = folder.appendingPathComponent("parcels.geojson").path
        let control = folder.appendingPathComponent("control.geojson").path
        try writeParcels(rows, to: parcels, driver: "GeoJSON", crs: nil, transform: toLonLat, shift: shift)
        try writeControlLines(to: control, driver: "GeoJSON", crs: nil, transform: toLonLat)
        return (folder, SurveyInputs(parcels: InputSource(parcels), controlLines: InputSource(control)))
    }

    /// A control area as a closed LineString covering x 0…150 of the first row (so P2 is half
    /// inside), plus an open line that must be reported.
    static func writeControlLines(to path: String, driver: String, crs: String?, layerOptions: [String] = [], transform: Transformer? = nil) throws {
        let writer = try VectorDatasetWriter(path: path, driver: driver)
        let layer = try writer.createLayer(name: "control_lines", crs: crs, geometryType: .lineString,
                                           fields: [FieldDefinition(name: "名称", type: .string)], options: layerOptions)
        let closed = "LINESTRING (\(originX - 10) \(originY - 10), \(originX + 150) \(originY - 10), \(originX + 150) \(originY + 110), \(originX - 10) \(originY + 110), \(originX - 10) \(originY - 10))"
        let open = "LINESTRING (\(originX) \(originY + 500), \(originX + 500) \(originY + 500), \(originX + 500) \(originY + 900))"
        for (name, wkt) in [("工业控制线", closed), ("未闭合", open)] {
            let geometry = try Geometry(wkt: wkt).mapPoints { points in if let transform { transform.transform(&points) } }
            try layer.write(values: [.string(name)], wkb: try geometry.wkb())
        }
        try writer.close()
    }

    /// The 亩均评价 table keyed by credit code: 甲 rated B with tax 30, 乙 rated A; one firm
    /// without parcels.
    static func writeEvaluationCSV(to path: String) throws {
        let text = """
        \u{FEFF}统一社会信用代码,企业名称,亩均评价,亩均税收,评价年度
        91330282MA2AAAAA1X,慈溪市甲电器有限公司,B,30,2025
        91330282ma2bbbbb2y,慈溪市乙纺织有限公司,A类,"45.5",2025
        91330282MA2CCCCC3Z,慈溪市丙机械有限公司,C,2,2025

        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `count` parcels 40 m apart in rows of 32; `duplicates` maps a row to the row whose id it
    /// repeats, `bowTies` are self-intersecting, `missing` have no geometry.
    static func rows(
        count: Int, duplicates: [Int: Int] = [:], bowTies: Set<Int> = [], missing: Set<Int> = []
    ) -> [ParcelRow] {
        (0..<count).map { index in
            let x = Double(index % 32) * 40, y = Double(index / 32) * 40
            var wkt: String? = square(x, y, 30)
            if bowTies.contains(index) {
                let (x0, y0) = (originX + x, originY + y)
                wkt = "POLYGON ((\(x0) \(y0), \(x0 + 30) \(y0 + 30), \(x0 + 30) \(y0), \(x0) \(y0 + 30), \(x0) \(y0)))"
            }
            if missing.contains(index) { wkt = nil }
            let id = "Z-\(String(format: "%04d", duplicates[index] ?? index))"
            let grade = ["A", "b", "C类", "", "Ｄ"][index % 5], far = ["1.2", " 2 ", "/", ""][index % 4]
            return ParcelRow(id: id, wkt: wkt, grade: grade, far: far, town: index % 3 == 0 ? "周巷镇" : "坎墩街道")
        }
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
}
