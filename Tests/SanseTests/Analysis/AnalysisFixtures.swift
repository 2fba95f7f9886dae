import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// Surveys built in memory, in metres, for analysis tests with known answers.
enum AnalysisFixtures {
    struct P {
        var id: String
        var wkt: String
        var grade: Grade? = nil
        var far: Double? = nil
        var tax: Double? = nil
        var town: String? = nil
        var enterprise: String? = nil
    }

    static func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> String {
        "POLYGON ((\(x) \(y), \(x + width) \(y), \(x + width) \(y + height), \(x) \(y + height), \(x) \(y)))"
    }

    static func square(_ x: Double, _ y: Double, _ side: Double = 100) -> String {
        rectangle(x, y, side, side)
    }

    static func survey(_ parcels: [P], control: [String], towns: [(String, TownSizeClass, String?)] = []) throws -> Survey {
        // Fixture parcels have no attribute columns: their enterprise stands where a joined
        // table's would.
        let built = try parcels.enumerated().map { index, p in
            Parcel(id: p.id, sourceFID: Int64(index), town: p.town, enterpriseFromTable: p.enterprise, grade: p.grade,
                   taxPerMu: p.tax, far: p.far, floorArea: nil, sourceValues: [], shape: try FlatPolygons(try Geometry(wkt: p.wkt)), repaired: false)
        }
        let townList = try towns.map { Town(name: $0.0, sizeClass: $0.1, geometry: try $0.2.map { try Geometry(wkt: $0) }) }
        return Survey(
            parcels: built, parcelFields: [], controlPolygons: try control.map { try Geometry(wkt: $0) },
            towns: townList.isEmpty ? [] : townList,
            analysisCRS: AnalysisCRS(definition: "EPSG:4549", name: "test", reason: "test"), layers: [])
    }

    /// A control area far away, for tests that are not about the line.
    static let everywhere = rectangle(-10_000, -10_000, 30_000, 30_000)
}
