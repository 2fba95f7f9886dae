import GeoKit
import SanseModel

/// Towns (镇/街道) with size classes, from a towns layer or from the parcels' town field.
enum TownLoader {
    static func load(_ raw: RawLayer, projection: Projection?, config: Config, _ issues: inout IssueLog) throws -> [Town] {
        let nameIndex = ValueParsing.fieldIndex(raw.fields, candidates: config.fields.townName)
        let classIndex = ValueParsing.fieldIndex(raw.fields, candidates: config.fields.townSizeClass)
        if nameIndex == nil {
            issues.add("towns", nil, .missingField, .warning, zh: "镇街图层缺少名称字段（\(config.fields.townName.joined(separator: "/"))）",
                       en: "the towns layer has no name field (\(config.fields.townName.joined(separator: "/")))")
        }
        let preparation = GeometryPreparation(layer: "towns", transformer: try projection?.makeTransformer())
        var towns: [Town] = []
        for var chunk in raw.chunks {
            for row in 0..<chunk.count {
                let values = chunk.attributes(row)
                let name = nameIndex.flatMap { ValueParsing.text(values[$0]) } ?? "fid \(chunk.fids[row])"
                guard let projected = preparation.reproject(&chunk, row, id: name, &issues),
                      case .kept(let geometry, _) = preparation.polygonal(projected, id: name, &issues) else { continue }
                let given = classIndex.flatMap { ValueParsing.text(values[$0]) }
                towns.append(Town(name: name, sizeClass: sizeClass(of: name, given: given, config: config, &issues), geometry: geometry))
            }
        }
        return towns
    }

    /// Towns named in the parcels' town field, for surveys without a towns layer.
    static func fromParcels(_ parcels: [Parcel], config: Config, _ issues: inout IssueLog) -> [Town] {
        let names = Set(parcels.compactMap(\.town)).sorted()
        return names.map { Town(name: $0, sizeClass: sizeClass(of: $0, given: nil, config: config, &issues), geometry: nil) }
    }

    /// Config's `town_classes` first, then the layer's field, then the default (reported).
    private static func sizeClass(of name: String, given: String?, config: Config, _ issues: inout IssueLog) -> TownSizeClass {
        if let configured = config.sizing.townClasses[name] { return configured }
        if let given, let parsed = TownSizeClass(text: given) { return parsed }
        let fallback = config.sizing.defaultTownClass
        let what = given.map { "规模“\($0)”无法识别" } ?? "未标明规模"
        let whatEN = given.map { "size class \"\($0)\" not understood" } ?? "no size class given"
        issues.add("towns", name, .townSizeClassMissing, .info,
                   zh: "\(what)，按\(fallback.chinese)处理", en: "\(whatEN); treated as \(fallback.rawValue)")
        return fallback
    }
}
