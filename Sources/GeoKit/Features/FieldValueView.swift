/// An attribute value seen where it is stored: text as UTF-8 bytes that are valid only during
/// the call that hands them over. Lets writers copy a million rows' text without making a
/// `String` of each value.
public enum FieldValueView {
    case null
    case integer(Int64)
    case real(Double)
    case text(UnsafeBufferPointer<UInt8>)
}
