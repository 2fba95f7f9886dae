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
