import GeoKit

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

    /// Parcels kept by one chunk of features, before ids are made unique.
    private struct Chunk: Sendable {
        var parcels: [Parcel] = []
        var hasSourceID: [Bool] = []
        var issues = IssueLog()
    }

    static func load(_ raw: RawLayer, projection: Projection?, config: Config, workers: Int, _ issues: inout IssueLog) throws -> [Parcel] {
        let mapping = Mapping(raw.fields, config.fields)
        if mapping.parcelID == nil {
            issues.add("parcels", nil, .missingField, .warning,
                       zh: "未找到宗地编号字段（\(config.fields.parcelID.joined(separator: "/"))），以要素序号代替",
                       en: "no parcel id field (\(config.fields.parcelID.joined(separator: "/"))); feature ids used instead")
        }
        // Geometry work runs in parallel on disjoint features; ids are made unique afterwards,
        // in feature order, so the result does not depend on the number of workers.
        let features = raw.features
        let chunks = try Parallel.mapChunks(count: features.count, workers: workers) { range in
            let preparation = GeometryPreparation(layer: "parcels", transformer: try projection?.makeTransformer())
            var chunk = Chunk()
            for feature in features[range] {
                let sourceID = mapping.parcelID.flatMap { ValueParsing.text(feature.values[$0]) }
                let label = sourceID ?? "fid \(feature.fid)"
                guard let projected = preparation.reproject(feature, id: label, &chunk.issues),
                      case .kept(let geometry, let repaired) = preparation.polygonal(projected, id: label, &chunk.issues) else { continue }
                var parcel = Parcel(
                    id: label, sourceFID: feature.fid,
                    town: mapping.town.flatMap { ValueParsing.text(feature.values[$0]) },
                    enterprise: mapping.enterprise.flatMap { ValueParsing.text(feature.values[$0]) },
                    grade: nil, taxPerMu: nil, far: nil, floorArea: nil,
                    sourceValues: feature.values, geometry: geometry, repaired: repaired)
                applyFigures(from: feature.values, mapping: mapping, to: &parcel, layer: "parcels", config: config, &chunk.issues)
                chunk.parcels.append(parcel)
                chunk.hasSourceID.append(sourceID != nil)
            }
            return chunk
        }
        var parcels: [Parcel] = []
        parcels.reserveCapacity(features.count)
        var usedIDs: [String: Int] = [:]
        // Id issues go after every chunk's issues: interleaved, their order would depend on
        // where the chunk boundaries fall, that is on the number of workers.
        var idIssues = IssueLog()
        for chunk in chunks {
            issues.append(contentsOf: chunk.issues)
            for (index, var parcel) in chunk.parcels.enumerated() {
                if !chunk.hasSourceID[index], mapping.parcelID != nil {
                    idIssues.add("parcels", parcel.id, .missingID, .warning, zh: "宗地编号为空，以要素序号代替", en: "empty parcel id; the feature id is used instead")
                }
                parcel.id = uniqueID(parcel.id, &usedIDs, &idIssues)
                parcels.append(parcel)
            }
        }
        issues.append(contentsOf: idIssues)
        return parcels
    }

    /// Sets grade, FAR, tax and floor area from mapped fields, reporting unreadable values.
    /// Only values that are present replace what the parcel has (so a table can fill gaps).
    static func applyFigures(from values: [FieldValue], mapping: Mapping, to parcel: inout Parcel, layer: String, config: Config, _ issues: inout IssueLog) {
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

    private static func number(_ values: [FieldValue], _ index: Int?, _ zh: String, _ en: String, _ id: String, _ layer: String, _ issues: inout IssueLog) -> Double? {
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
