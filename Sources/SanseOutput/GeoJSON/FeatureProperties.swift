import GeoKit
import SanseModel

/// The properties each output feature carries: SPEC's names, a contract with web pages and
/// scripts.
enum FeatureProperties {
    typealias Properties = [(String, JSONValue)]

    static let fillOpacity = 0.6

    static func block(_ block: Block) -> Properties {
        [
            ("block_id", .string(block.id)),
            ("town", block.town.map(JSONValue.string) ?? .null),
            ("category", .string(block.category.rawValue)),
            ("category_zh", .string(block.category.chinese)),
            ("reasons", .string(block.reasons)),
            ("parcel_count", .integer(Int64(block.parcelIndices.count))),
            ("land_m2", .number(block.landM2, decimals: 2)),
            ("land_ha", .number(block.landHa, decimals: 4)),
            ("land_mu", .number(block.landMu, decimals: 2)),
            ("outline_m2", .number(block.outlineM2, decimals: 2)),
            ("inside_share", .number(block.insideShare, decimals: 6)),
            ("line_status", .string(block.lineStatus.rawValue)),
            ("cd_share", .optional(block.cdShare, decimals: 6)),
            ("far", .optional(block.far, decimals: 3)),
            ("tax_per_mu", .optional(block.taxPerMu, decimals: 2)),
            ("is_cluster_10ha", .bool(block.isCluster10ha)),
            ("renovation_candidate", .bool(block.renovationCandidate)),
        ] + simplestyle(block)
    }

    /// simplestyle-spec keys, so viewers that honour them colour the blocks without code.
    static func simplestyle(_ block: Block) -> Properties {
        [
            ("fill", .string(block.category.fillColour)),
            ("fill-opacity", .number(fillOpacity, decimals: 2)),
            ("stroke", .string(block.category.strokeColour)),
            ("stroke-width", .number(1, decimals: 0)),
            ("title", .string("\(block.id) \(block.category.chinese) \(Metric.landMu.text(block.landMu))亩")),
        ]
    }

    static func outline(_ block: Block) -> Properties {
        [
            ("block_id", .string(block.id)),
            ("town", block.town.map(JSONValue.string) ?? .null),
            ("category", .string(block.category.rawValue)),
            ("outline_m2", .number(block.outlineM2, decimals: 2)),
            ("land_mu", .number(block.landMu, decimals: 2)),
        ] + simplestyle(block)
    }

    static let parcelKeys = ["parcel_id", "block_id", "town", "area_m2", "area_mu", "inside_share", "line_status",
                             "distance_to_line_m", "category", "repaired"]

    /// The parcel's checks, then its source attributes under their own names (prefixed
    /// `source_` where a name clashes with one of sanse's).
    static func parcel(_ parcel: Parcel, _ result: ParcelResult, blockID: String, sourceNames: [String]) -> Properties {
        var properties: Properties = []
        forEachOwnValue(parcel, result, blockID: blockID) { properties.append((parcelKeys[properties.count], $0)) }
        for (name, value) in zip(sourceNames, parcel.sourceValues) {
            properties.append((name, json(value)))
        }
        return properties
    }

    /// The values of sanse's own parcel properties, in the order of `parcelKeys`: the one
    /// definition the GeoJSON, the GeoPackage and the property list all take them from.
    static func forEachOwnValue(_ parcel: Parcel, _ result: ParcelResult, blockID: String, _ body: (JSONValue) -> Void) {
        body(.string(parcel.id))
        body(.string(blockID))
        body(result.town.map(JSONValue.string) ?? .null)
        body(.number(result.areaM2, decimals: 2))
        body(.number(result.areaMu, decimals: 3))
        body(.number(result.insideShare, decimals: 6))
        body(.string(result.lineStatus.rawValue))
        body(.optional(result.distanceToLineM, decimals: 2))
        body(.string(result.category.rawValue))
        body(.bool(parcel.repaired))
    }

    /// `"key":` of each parcel property (sanse's, then the source fields'), escaped once.
    static func parcelKeyTexts(sourceNames: [String]) -> [[UInt8]] {
        (parcelKeys + sourceNames).map { name in
            var text: [UInt8] = []
            JSONText.appendString(name, to: &text)
            text.append(UInt8(ascii: ":"))
            return text
        }
    }

    /// The members of `parcel(…)`'s object, written straight into `out` (no property list, no
    /// `String` per source value): the same bytes, for the million-parcel file.
    /// - Parameter keys: `parcelKeyTexts(sourceNames:)`.
    static func appendParcel(_ parcel: Parcel, _ result: ParcelResult, blockID: String, keys: [[UInt8]], to out: inout [UInt8]) {
        var member = 0
        func key() {
            if member > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[member])
            member += 1
        }
        forEachOwnValue(parcel, result, blockID: blockID) { value in
            key()
            value.append(to: &out)
        }
        let values = parcel.sourceValues
        for column in 0..<min(values.count, keys.count - parcelKeys.count) {
            key()
            values.withValue(column) { JSONText.appendField($0, to: &out) }
        }
    }

    /// Source field names as written to outputs: unique, never one of sanse's own. Compared
    /// ignoring case, as GeoPackage (SQLite) columns are: GeoJSON may carry both `Tag` and `tag`.
    static func sourceNames(_ fields: [FieldDefinition]) -> [String] {
        var used = Set(parcelKeys)
        return fields.map { field in
            var name = used.contains(field.name.lowercased()) ? "source_\(field.name)" : field.name
            while used.contains(name.lowercased()) { name += "_" }
            used.insert(name.lowercased())
            return name
        }
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .number(number, decimals: 10)
        case .string(let text): .string(text)
        }
    }
}
