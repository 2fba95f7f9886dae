/// What a run of features says about one property, for typing the field as GDAL does once
/// every run has been read.
struct PropertyEvidence {
    var hasText = false
    var hasNumber = false
    var hasReal = false
    /// An integer outside 32 bits (GDAL: Integer64).
    var hasWideInteger = false
    /// The first non-null value of the run: nil none yet, true text, false a number/boolean.
    var firstIsText: Bool?
    /// Whether that first value, when text, is one GDAL would take for a date or time (and
    /// then type and reformat the field).
    var firstTextIsDate = false
}
