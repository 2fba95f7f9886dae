import GeoKit
import SanseModel

/// Joins an attribute table (e.g. the year's 亩均评价 results, keyed by 统一社会信用代码) to
/// the parcels: mapped figures in the table replace the parcels' own, other columns are added.
enum AttributeJoin {
    struct Result {
        var matchedParcels = 0
        var unmatchedParcels = 0
        var unmatchedRows = 0
    }

    static func apply(_ table: RawLayer, to survey: inout Survey, parcelField: String, tableField: String, config: Config, _ issues: inout IssueLog) throws -> Result {
        guard let parcelKey = ValueParsing.fieldIndex(survey.parcelFields, candidates: [parcelField]) else {
            throw SurveyError(path: survey.layers.first?.path ?? "parcels", message: "join field \"\(parcelField)\" is not in the parcels layer (fields: \(survey.parcelFields.map(\.name).joined(separator: ", ")))")
        }
        guard let tableKey = ValueParsing.fieldIndex(table.fields, candidates: [tableField]) else {
            throw SurveyError(path: table.path, message: "join field \"\(tableField)\" is not in the attribute table (fields: \(table.fields.map(\.name).joined(separator: ", ")))")
        }

        let rows = table.rows
        var rowsByKey: [String: Int] = [:]
        for (row, values) in rows.enumerated() {
            guard let key = normalisedKey(values[tableKey]) else { continue }
            if rowsByKey[key] != nil {
                issues.add("attributes", key, .duplicateTableKey, .warning, zh: "属性表中键值重复，仅使用第一行", en: "key appears more than once in the table; the first row is used")
            } else {
                rowsByKey[key] = row
            }
        }

        // Table columns the parcels do not have already are carried through to the output.
        let existing = Set(survey.parcelFields.map { $0.name.lowercased() })
        let extraColumns = table.fields.indices.filter { $0 != tableKey && !existing.contains(table.fields[$0].name.lowercased()) }
        survey.parcelFields += extraColumns.map { table.fields[$0] }

        let mapping = ParcelLoader.Mapping(table.fields, config.fields)
        var result = Result()
        var usedRows = Set<Int>()
        for index in survey.parcels.indices {
            let key = normalisedKey(survey.parcels[index].sourceValues[parcelKey])
            guard let key, let row = rowsByKey[key] else {
                result.unmatchedParcels += 1
                survey.parcels[index].sourceValues += extraColumns.map { _ in .null }
                let id = survey.parcels[index].id
                issues.add("attributes", id, .parcelNotInTable, .info,
                           zh: "宗地的\(parcelField)“\(key ?? "")”在属性表中无对应记录", en: "the parcel's \(parcelField) \"\(key ?? "")\" has no row in the attribute table")
                continue
            }
            result.matchedParcels += 1
            usedRows.insert(row)
            let values = rows[row]
            ParcelLoader.applyFigures(from: values, mapping: mapping, to: &survey.parcels[index], layer: "attributes", config: config, &issues)
            if survey.enterprise(of: survey.parcels[index]) == nil, let column = mapping.enterprise {
                survey.parcels[index].enterpriseFromTable = ValueParsing.text(values[column])
            }
            survey.parcels[index].sourceValues += extraColumns.map { values[$0] }
        }
        for (key, row) in rowsByKey.sorted(by: { $0.value < $1.value }) where !usedRows.contains(row) {
            result.unmatchedRows += 1
            issues.add("attributes", key, .tableRowUnmatched, .info, zh: "属性表记录无对应宗地", en: "table row matches no parcel")
        }
        return result
    }

    /// Keys compare trimmed, full-width folded and upper-cased (credit codes are upper case).
    static func normalisedKey(_ value: FieldValue) -> String? {
        ValueParsing.text(value)?.uppercased()
    }
}
