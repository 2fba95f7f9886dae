/// One attribute value of one feature.
///
/// ```swift
/// FieldValue.real(3.0).text     // "3": whole reals read as integers, for matching keys
/// FieldValue.string("甲").text  // "甲"
/// FieldValue.null.text          // nil
/// ```
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    /// No value (a null or unset field).
    case null
    /// A whole number (GDAL's Integer and Integer64).
    case integer(Int64)
    /// A double (GDAL's Real).
    case real(Double)
    /// Text, and every other field type GDAL gives as text (dates among them).
    case string(String)

    /// Whether the value is `.null`.
    public var isNull: Bool { self == .null }

    /// The value as text, for display and for matching keys; nil for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value):
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        }
    }

    /// The text, or "null".
    public var description: String { text ?? "null" }
}
