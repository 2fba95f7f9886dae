import Foundation
import GeoKit
import SanseModel

/// Parcels: field mapping, value normalisation, ids, geometry preparation.
enum ParcelLoader {
    struct Mapping: Sendable {
        var parcelID: Int?
        var town: Int?
        var enterprise: Int?
        var grade: Int?
        var taxPerMu: Int?
        var far: Int?
        var floorArea: Int?

        init(_ fields: [FieldDefinition], _ names: Config.FieldNames) {
            parcelID = ValueParsing.fieldIndex(fields, candidates: names.parcelID)
            town = ValueParsing.fieldIndex(fields, candidates: names.town)
            enterprise = ValueParsing.fieldIndex(fields, candidates: names.enterprise)
            grade = ValueParsing.fieldIndex(fields, candidates: names.grade)
            taxPerMu = ValueParsing.fieldIndex(fields, candidates: names.taxPerMu)
            far = ValueParsing.fieldIndex(fields, candidates: names.far)
            floorArea = ValueParsing.fieldIndex(fields, candidates: names.floorArea)
        }
    }

    /// What preparing one chunk of features gave, before ids are made unique.
    struct PreparedChunk: Sendable {
        var parcels: [Parcel] = []
        /// The index among all features of each parcel's feature.
        var parcelFeatures: [Int] = []
        var hasSourceID: [Bool] = []
        var issues = IssueLog()
        /// For each feature of the chunk, how many issues there are up to and including it.
        var issueEnds: [Int] = []
    }

    /// Issues are reported by eighths of the features: each eighth's geometry and value
    /// issues, then its id issues. A fixed number of groups, so that issues.csv does not
    /// depend on the number of workers.
    static let issueGroups = 8

    /// - Parameter chunks: the layer's features, freed chunk by chunk as they are prepared.
    static func load(_ chunks: consuming [FeatureChunk], fields: [FieldDefinition], projection: Projection?, config: Config, workers: Int, _ issues: inout IssueLog) throws -> [Parcel] {
        let preparation = ParcelPreparation(fields: fields, projection: projection, config: config, workers: workers)
        preparation.add(contentsOf: chunks)
        return try preparation.finish(&issues)
    }

    /// Makes the ids unique in feature order, so the result does not depend on the number of
    /// workers, and puts the issues in order.
    static func assemble(_ prepared: consuming [PreparedChunk], featureCount: Int, mapping: Mapping, config: Config, _ issues: inout IssueLog) -> [Parcel] {
        if mapping.parcelID == nil {
            issues.add("parcels", nil, .missingField, .warning,
                       zh: "未找到宗地编号字段（\(config.fields.parcelID.joined(separator: "/"))），以要素序号代替",
                       en: "no parcel id field (\(config.fields.parcelID.joined(separator: "/"))); feature ids used instead")
        }
        var parcels: [Parcel] = []
        parcels.reserveCapacity(featureCount)
        var idIssues = IssueLog()
        var idIssueFeatures: [Int] = []
        var usedIDs: [String: Int] = [:]
        usedIDs.reserveCapacity(featureCount)
        for index in prepared.indices {
            // Each chunk's parcels move into the one array, and go from here.
            let chunkParcels = prepared[index].parcels
            prepared[index].parcels = []
            for (row, var parcel) in chunkParcels.enumerated() {
                let before = idIssues.issues.count
                if !prepared[index].hasSourceID[row], mapping.parcelID != nil {
                    idIssues.add("parcels", parcel.id, .missingID, .warning, zh: "宗地编号为空，以要素序号代替", en: "empty parcel id; the feature id is used instead")
                }
                parcel.id = uniqueID(parcel.id, &usedIDs, &idIssues)
                idIssueFeatures += Array(repeating: prepared[index].parcelFeatures[row], count: idIssues.issues.count - before)
                parcels.append(parcel)
            }
        }
        interleave(prepared, idIssues: idIssues.issues, idIssueFeatures: idIssueFeatures, featureCount: featureCount, into: &issues)
        return parcels
    }

    static func prepare(_ chunk: inout FeatureChunk, firstFeature: Int, mapping: Mapping, preparation: GeometryPreparation, config: Config) -> PreparedChunk {
        var result = PreparedChunk()
        result.issueEnds.reserveCapacity(chunk.count)
        for row in 0..<chunk.count {
            defer { result.issueEnds.append(result.issues.issues.count) }
            let values = chunk.attributes(row)
            let sourceID = mapping.parcelID.flatMap { ValueParsing.text(values[$0]) }
            let label = sourceID ?? "fid \(chunk.fids[row])"
            guard let projected = preparation.reproject(&chunk, row, id: label, &result.issues, takingClean: true) else { continue }
            let shape: FlatPolygons, repaired: Bool
            switch projected {
            case .clean(let clean):
                (shape, repaired) = (clean, false)
            case .geometry(let parsed):
                guard case .kept(let geometry, let wasRepaired) = preparation.polygonal(parsed, id: label, &result.issues) else { continue }
                do {
                    shape = try FlatPolygons(geometry)
                } catch {
                    result.issues.add("parcels", label, .unrepairable, .error, zh: "几何处理失败，已跳过（\(error)）", en: "geometry processing failed, skipped (\(error))")
                    continue
                }
                repaired = wasRepaired
            }
            var parcel = Parcel(
                id: label, sourceFID: chunk.fids[row],
                town: mapping.town.flatMap { ValueParsing.text(values[$0]) },
                enterpriseFromTable: nil,
                grade: nil, taxPerMu: nil, far: nil, floorArea: nil,
                sourceValues: values, shape: shape, repaired: repaired)
            applyFigures(from: values, mapping: mapping, to: &parcel, layer: "parcels", config: config, &result.issues)
            result.parcels.append(parcel)
            result.parcelFeatures.append(firstFeature + row)
            result.hasSourceID.append(sourceID != nil)
        }
        return result
    }

    /// Appends the geometry and value issues, and the id issues, group by group (see
    /// `issueGroups`).
    private static func interleave(_ prepared: [PreparedChunk], idIssues: [SurveyIssue], idIssueFeatures: [Int], featureCount: Int, into issues: inout IssueLog) {
        let groups = max(1, min(issueGroups, (featureCount + 63) / 64))
        var chunkIndex = 0, rowInChunk = 0, nextIDIssue = 0
        var issueStart = 0
        for group in 0..<groups {
            let end = featureCount * (group + 1) / groups
            // Geometry and value issues of the group's features, which run across chunks.
            var feature = featureCount * group / groups
            while feature < end {
                let chunk = prepared[chunkIndex]
                let last = min(chunk.issueEnds.count, rowInChunk + (end - feature))
                let issueEnd = chunk.issueEnds[last - 1]
                issues.append(contentsOf: chunk.issues.issues[issueStart..<issueEnd])
                issueStart = issueEnd
                feature += last - rowInChunk
                rowInChunk = last
                if rowInChunk == chunk.issueEnds.count {
                    chunkIndex += 1
                    rowInChunk = 0
                    issueStart = 0
                }
            }
            while nextIDIssue < idIssues.count, idIssueFeatures[nextIDIssue] < end {
                issues.append(idIssues[nextIDIssue])
                nextIDIssue += 1
            }
        }
    }

    /// Sets grade, FAR, tax and floor area from mapped fields, reporting unreadable values.
    /// Only values that are present replace what the parcel has (so a table can fill gaps).
    static func applyFigures(from values: AttributeRow, mapping: Mapping, to parcel: inout Parcel, layer: String, config: Config, _ issues: inout IssueLog) {
        if let index = mapping.grade {
            switch ValueParsing.grade(values[index]) {
            case .value(let grade): parcel.grade = grade
            case .invalid(let text):
                issues.add(layer, parcel.id, .unknownGrade, .warning, zh: "亩均评价等级“\(text)”无法识别，按缺失处理", en: "grade \"\(text)\" is not A/B/C/D; treated as missing")
            case .missing: break
            }
        }
        if let far = number(values, mapping.far, "容积率", "FAR", parcel.id, layer, &issues) {
            if far < 0 || far > config.checks.farMax {
                issues.add(layer, parcel.id, .valueOutOfRange, .warning,
                           zh: "容积率 \(far) 超出 0–\(config.checks.farMax)，按缺失处理", en: "FAR \(far) outside 0–\(config.checks.farMax); treated as missing")
            } else {
                parcel.far = far
            }
        }
        if let tax = number(values, mapping.taxPerMu, "亩均税收", "tax per mu", parcel.id, layer, &issues) { parcel.taxPerMu = tax }
        if let floor = number(values, mapping.floorArea, "建筑面积", "floor area", parcel.id, layer, &issues) {
            if floor < 0 {
                issues.add(layer, parcel.id, .valueOutOfRange, .warning, zh: "建筑面积 \(floor) 为负，按缺失处理", en: "floor area \(floor) is negative; treated as missing")
            } else {
                parcel.floorArea = floor
            }
        }
    }

    private static func number(_ values: AttributeRow, _ index: Int?, _ zh: String, _ en: String, _ id: String, _ layer: String, _ issues: inout IssueLog) -> Double? {
        guard let index else { return nil }
        switch ValueParsing.number(values[index]) {
        case .value(let number): return number
        case .invalid(let text):
            issues.add(layer, id, .valueNotNumber, .warning, zh: "\(zh)“\(text)”不是数字，按缺失处理", en: "\(en) \"\(text)\" is not a number; treated as missing")
            return nil
        case .missing: return nil
        }
    }

    /// The id itself the first time; `id#2`, `id#3` … for repeats, reported.
    private static func uniqueID(_ id: String, _ used: inout [String: Int], _ issues: inout IssueLog) -> String {
        guard let seen = used[id] else {
            used[id] = 1
            return id
        }
        var copy = seen + 1
        while used["\(id)#\(copy)"] != nil { copy += 1 }
        used[id] = copy
        let unique = "\(id)#\(copy)"
        used[unique] = 1
        issues.add("parcels", id, .duplicateID, .warning, zh: "宗地编号重复，此要素记为 \(unique)", en: "duplicate parcel id; this feature is kept as \(unique)")
        return unique
    }
}
