import GeoKit
import SanseModel

/// The tiles' attribute fields: the GeoJSON's properties with the types their values have.
enum TileFields {
    /// One field per property of `first`, typed by the first non-null value among `all`.
    static func definitions(
        _ first: FeatureProperties.Properties, among all: [FeatureProperties.Properties]
    ) -> [FieldDefinition] {
        first.indices.map { column in
            let sample = all.lazy.map { $0[column].1 }.first { if case .null = $0 { false } else { true } } ?? .null
            return FieldDefinition(name: first[column].0, type: type(of: sample))
        }
    }

    /// sanse's parcel properties, then the source attributes with their own types.
    static func parcelDefinitions(_ survey: Survey) -> [FieldDefinition] {
        let own: [FieldType] = [.string, .string, .string, .real, .real, .real, .string, .real, .string, .integer]
        return zip(FeatureProperties.parcelKeys, own).map { FieldDefinition(name: $0, type: $1) }
            + zip(FeatureProperties.sourceNames(survey.parcelFields), survey.parcelFields).map {
                FieldDefinition(name: $0, type: $1.type)
            }
    }

    private static func type(of value: JSONValue) -> FieldType {
        switch value {
        case .string, .null: .string
        case .number: .real
        case .integer, .bool: .integer64
        }
    }

    static func value(_ value: JSONValue) -> FieldValue {
        switch value {
        case .null: .null
        case .string(let text): .string(text)
        case .number(let number, _): .real(number)
        case .integer(let number): .integer(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        }
    }
}
