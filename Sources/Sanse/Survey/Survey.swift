import GeoKit

/// 亩均评价 grade of the firm using a parcel. C and D are the low-efficiency classes.
public enum Grade: String, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D"

    public var isLowEfficiency: Bool { self == .c || self == .d }
}

/// One surveyed parcel (宗地), valid and polygonal, in the analysis CRS.
///
/// A survey holds a million of these: the optional figures are stored as NaN for "missing"
/// (an optional `Double` takes 16 bytes where the number takes 8), so a parcel takes 112
/// bytes instead of 160.
public struct Parcel: Sendable {
    /// Unique within the survey; a duplicated source id gets a `#2`, `#3` … suffix.
    public var id: String
    public var town: String?
    /// The enterprise as a joined attribute table names it, for a parcel whose own field is
    /// empty. The parcel's own is read from `sourceValues` (`Survey.enterprise(of:)`): a
    /// million names would otherwise be held twice.
    public var enterpriseFromTable: String?
    /// Every source attribute, in the order of `Survey.parcelFields`; reads like an array of
    /// `FieldValue`s, stored compactly in a table shared with the neighbouring parcels.
    public var sourceValues: AttributeRow
    public var sourceFID: Int64
    private var storedTaxPerMu: Double
    private var storedFAR: Double
    private var storedFloorArea: Double
    /// Its polygons' coordinates; `shape.geometry()` builds the GEOS geometry for an operation
    /// (parcels are many and small: GEOS's form would take four times the memory).
    public var shape: FlatPolygons
    public var grade: Grade?
    /// Whether MakeValid rebuilt the geometry.
    public var repaired: Bool

    public init(
        id: String, sourceFID: Int64, town: String?, enterpriseFromTable: String?, grade: Grade?, taxPerMu: Double?, far: Double?,
        floorArea: Double?, sourceValues: AttributeRow, shape: FlatPolygons, repaired: Bool
    ) {
        self.id = id
        self.town = town
        self.enterpriseFromTable = enterpriseFromTable
        self.sourceValues = sourceValues
        self.sourceFID = sourceFID
        storedTaxPerMu = Self.stored(taxPerMu)
        storedFAR = Self.stored(far)
        storedFloorArea = Self.stored(floorArea)
        self.shape = shape
        self.grade = grade
        self.repaired = repaired
    }

    public var taxPerMu: Double? {
        get { Self.figure(storedTaxPerMu) }
        set { storedTaxPerMu = Self.stored(newValue) }
    }

    public var far: Double? {
        get { Self.figure(storedFAR) }
        set { storedFAR = Self.stored(newValue) }
    }

    public var floorArea: Double? {
        get { Self.figure(storedFloorArea) }
        set { storedFloorArea = Self.stored(newValue) }
    }

    /// A new GEOS geometry of the parcel, for this thread.
    public func geometry() throws -> Geometry { try shape.geometry() }

    // Figures are finite when present (the loader refuses NaN and infinities), so NaN is free
    // to mean "missing".
    private static func stored(_ figure: Double?) -> Double { figure ?? .nan }
    private static func figure(_ stored: Double) -> Double? { stored.isNaN ? nil : stored }
}

/// A town (镇/街道) with its size class.
public struct Town: Sendable {
    public var name: String
    public var sizeClass: TownSizeClass
    /// nil when the survey has no towns layer and towns come from the parcels' field.
    public var geometry: Geometry?
}

/// The analysis CRS and why it was chosen (written to the run manifest).
public struct AnalysisCRS: Sendable, Equatable {
    /// What PROJ is given, e.g. `EPSG:4549`.
    public var definition: String
    public var name: String
    public var reason: String
}

/// One input layer as read, for the manifest.
public struct LoadedLayer: Sendable, Equatable {
    public var role: String
    public var path: String
    public var layer: String
    public var driver: String
    public var sourceCRS: String
    public var featuresRead: Int
    public var featuresKept: Int
    /// For an input that is not a local file (a database table, a URL): the SHA-256 of the
    /// rows read, which stands for its content in run.json and the run's fingerprint.
    public var rowsSHA256: String? = nil
}

/// The survey after loading: mapped, normalised, repaired and projected.
public struct Survey: Sendable {
    public var parcels: [Parcel]
    /// The parcels' source attribute fields (plus joined table fields), carried to the output.
    public var parcelFields: [FieldDefinition]
    public var controlPolygons: [Geometry]
    public var towns: [Town]
    public var analysisCRS: AnalysisCRS
    public var layers: [LoadedLayer]
    /// Which of `parcelFields` names the enterprise (权利人), if any.
    public var enterpriseField: Int? = nil

    /// The parcel's enterprise: its own field's text, else what a joined table gave.
    public func enterprise(of parcel: Parcel) -> String? {
        if let field = enterpriseField, field < parcel.sourceValues.count, let own = ValueParsing.text(parcel.sourceValues[field]) {
            return own
        }
        return parcel.enterpriseFromTable
    }
}

/// Where one input comes from: a file or connection string, and a layer within it.
public struct InputSource: Sendable, Equatable {
    public var path: String
    public var layer: String?

    public init(_ path: String, layer: String? = nil) {
        self.path = path
        self.layer = layer
    }
}

public struct SurveyInputs: Sendable, Equatable {
    public var parcels: InputSource
    public var controlLines: InputSource
    public var towns: InputSource?
    public var attributes: InputSource?

    public init(parcels: InputSource, controlLines: InputSource, towns: InputSource? = nil, attributes: InputSource? = nil) {
        self.parcels = parcels
        self.controlLines = controlLines
        self.towns = towns
        self.attributes = attributes
    }
}

/// A problem that stops the run (exit code 2): the input cannot be used at all.
public struct SurveyError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    /// Both keep only the public form of the input's name: the error is shown, logged and
    /// written to batch summaries.
    public init(path: String, message: String) {
        self.path = DatasetName.publicForm(path)
        self.message = DatasetName.publicText(message, quoting: [path])
    }

    public var description: String { "\(path): \(message)" }
}
