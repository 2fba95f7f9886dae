/// An attribute value seen where it is stored: text as UTF-8 bytes that are valid only during
/// the call that hands them over. Lets writers copy a million rows' text without making a
/// `String` of each value.
public enum FieldValueView {
    /// No value.
    case null
    /// A whole number (GDAL's Integer and Integer64; booleans as 0 and 1).
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 bytes as stored, possibly invalid; valid only during the call.
    case text(UnsafeBufferPointer<UInt8>)
}
