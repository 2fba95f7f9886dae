import GeoKit
import Sanse
import SanseModel
import SanseSurvey

/// What every successfully loaded survey and config must satisfy, whatever the input was.
enum SurveyInvariants {
    /// Coordinates beyond this cannot be a survey on Earth (the loader's own limit).
    static let coordinateLimit = 1e9

    static func check(_ result: SurveyLoader.Result, config: Config) throws {
        let survey = result.survey
        guard !survey.parcels.isEmpty else { throw violation("a survey loaded with no parcels") }
        guard !survey.controlPolygons.isEmpty else { throw violation("a survey loaded with no control polygons") }
        guard !survey.analysisCRS.definition.isEmpty else { throw violation("no analysis CRS") }
        var ids = Set<String>()
        for parcel in survey.parcels {
            guard !parcel.id.isEmpty, ids.insert(parcel.id).inserted else { throw violation("parcel id \"\(parcel.id)\" is empty or not unique") }
            guard parcel.sourceValues.count == survey.parcelFields.count else {
                throw violation("parcel \(parcel.id) has \(parcel.sourceValues.count) values for \(survey.parcelFields.count) fields")
            }
            try checkPolygonal(try parcel.shape.geometry(), "parcel \(parcel.id)")
            for (name, figure) in [("tax per mu", parcel.taxPerMu), ("FAR", parcel.far), ("floor area", parcel.floorArea)] {
                if let figure, !figure.isFinite { throw violation("parcel \(parcel.id) has a non-finite \(name): \(figure)") }
            }
            if let far = parcel.far, far < 0 || far > config.checks.farMax { throw violation("parcel \(parcel.id) kept FAR \(far)") }
            if let floor = parcel.floorArea, floor < 0 { throw violation("parcel \(parcel.id) kept floor area \(floor)") }
        }
        for (index, polygon) in survey.controlPolygons.enumerated() {
            try checkPolygonal(polygon, "control polygon \(index)")
        }
        for town in survey.towns {
            guard !town.name.isEmpty else { throw violation("a town without a name") }
            if let geometry = town.geometry { try checkPolygonal(geometry, "town \(town.name)") }
        }
        for layer in survey.layers where layer.featuresKept < 0 || layer.featuresKept > layer.featuresRead {
            throw violation("layer \(layer.role) kept \(layer.featuresKept) of \(layer.featuresRead) features")
        }
        for issue in result.issues.issues where issue.messageEN.isEmpty || issue.messageZH.isEmpty {
            throw violation("an issue of kind \(issue.kind) has no message")
        }
    }

    /// Valid, non-empty, polygonal, with a positive area and finite, earthly coordinates.
    static func checkPolygonal(_ geometry: Geometry, _ what: String) throws {
        guard !geometry.isEmpty else { throw violation("\(what) is empty") }
        guard geometry.type.isPolygonal else { throw violation("\(what) is a \(geometry.type), not polygonal") }
        guard geometry.isValid else { throw violation("\(what) is not valid: \((try? geometry.validityReason()) ?? "?")") }
        let area = try geometry.area()
        guard area.isFinite, area > 0 else { throw violation("\(what) has area \(area)") }
        guard let box = geometry.envelope,
              [box.minX, box.minY, box.maxX, box.maxY].allSatisfy({ $0.isFinite && abs($0) < coordinateLimit }) else {
            throw violation("\(what) has coordinates out of range: \(String(describing: geometry.envelope))")
        }
    }

    static func check(_ config: Config) throws {
        // Every range and cross-key rule the schema declares, as the reader checks them.
        let problems = ConfigSchema.problems(in: config)
        guard problems.isEmpty else {
            throw violation("the config read breaks its schema: \(problems.joined(separator: "; "))")
        }
        for rule in config.rules where rule.conditions.contains(where: { !$0.value.isFinite }) {
            throw violation("a rule condition has a non-finite value: \(rule)")
        }
    }

    private static func violation(_ text: String) -> ContractViolation { ContractViolation(description: text) }
}
