/// The type of an attribute field, as GDAL reports it.
public enum FieldType: Sendable, Equatable {
    case integer
    case integer64
    case real
    case string
    case date
    case dateTime
    case other(String)
}

public struct FieldDefinition: Sendable, Equatable {
    public let name: String
    public let type: FieldType

    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// One attribute value of one feature.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)

    public var isNull: Bool { self == .null }

    /// The value as text, for display and for matching keys; nil for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        }
    }

    public var description: String { text ?? "null" }
}

/// One feature read from a layer: its id, attribute values in field order, and its geometry as
/// 2D WKB (nil when the feature has no geometry).
public struct Feature: Sendable {
    public let fid: Int64
    public let values: [FieldValue]
    public let wkb: [UInt8]?

    public init(fid: Int64, values: [FieldValue], wkb: [UInt8]?) {
        self.fid = fid
        self.values = values
        self.wkb = wkb
    }
}
