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
