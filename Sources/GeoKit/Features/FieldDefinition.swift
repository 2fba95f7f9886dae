/// The type of an attribute field, as GDAL reports it.
public enum FieldType: Sendable, Equatable {
    /// 32-bit integers (OFTInteger).
    case integer
    /// 64-bit integers (OFTInteger64).
    case integer64
    /// Doubles (OFTReal).
    case real
    /// Text (OFTString).
    case string
    /// A date (OFTDate).
    case date
    /// A date and time (OFTDateTime).
    case dateTime
    /// Any other type, by GDAL's name for it (e.g. "Time", "IntegerList").
    case other(String)
}

/// A layer's field: its name and type.
public struct FieldDefinition: Sendable, Equatable {
    /// The name, as the layer spells it.
    public let name: String
    /// The type GDAL gives it.
    public let type: FieldType

    /// A field named `name` of `type`.
    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}
