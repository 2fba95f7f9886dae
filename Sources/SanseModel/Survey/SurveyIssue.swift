/// Something wrong with, or done to, one feature of the input: reported, never silent.
public struct SurveyIssue: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        /// Noted, nothing lost (e.g. a CRS assumption that is almost certainly right).
        case info
        /// Changed or suspicious, but kept (repaired geometry, overlap, odd value).
        case warning
        /// The feature or value could not be used and was skipped.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case nullGeometry = "null_geometry"
        case emptyGeometry = "empty_geometry"
        case unreadableGeometry = "unreadable_geometry"
        case nonPolygonal = "non_polygonal"
        case repaired
        case unrepairable
        case zeroArea = "zero_area"
        case badCoordinates = "bad_coordinates"
        case reprojectionFailed = "reprojection_failed"
        case crsAssumed = "crs_assumed"
        case encodingAssumed = "encoding_assumed"
        case openLine = "open_line"
        case missingID = "missing_id"
        case duplicateID = "duplicate_id"
        case overlap
        case valueNotNumber = "value_not_number"
        case valueOutOfRange = "value_out_of_range"
        case unknownGrade = "unknown_grade"
        case farFromData = "far_from_data"
        case missingField = "missing_field"
        case townSizeClassMissing = "town_size_class_missing"
        case tableRowUnmatched = "table_row_unmatched"
        case parcelNotInTable = "parcel_not_in_table"
        case duplicateTableKey = "duplicate_table_key"
    }

    /// parcels, control_lines, towns or attributes.
    public let layer: String
    /// The feature's id (parcel id, or `fid N`), nil for a layer-wide note.
    public let featureID: String?
    public let kind: Kind
    public let severity: Severity
    public let messageZH: String
    public let messageEN: String

    public init(layer: String, featureID: String?, kind: Kind, severity: Severity, zh: String, en: String) {
        self.layer = layer
        self.featureID = featureID
        self.kind = kind
        self.severity = severity
        self.messageZH = zh
        self.messageEN = en
    }
}

/// The issues found while loading, in the order found.
public struct IssueLog: Sendable {
    public private(set) var issues: [SurveyIssue] = []

    public init() {}

    package mutating func add(_ layer: String, _ featureID: String?, _ kind: SurveyIssue.Kind, _ severity: SurveyIssue.Severity, zh: String, en: String) {
        issues.append(SurveyIssue(layer: layer, featureID: featureID, kind: kind, severity: severity, zh: zh, en: en))
    }

    mutating func append(contentsOf other: IssueLog) {
        issues += other.issues
    }

    package mutating func append<S: Sequence>(contentsOf other: S) where S.Element == SurveyIssue {
        issues += other
    }

    package mutating func append(_ issue: SurveyIssue) {
        issues.append(issue)
    }

    public func count(_ kind: SurveyIssue.Kind) -> Int { issues.filter { $0.kind == kind }.count }

    /// Whether anything was repaired, skipped or looks wrong: a run with such issues exits 1.
    public var hasProblems: Bool { issues.contains { $0.severity >= .warning } }
}
