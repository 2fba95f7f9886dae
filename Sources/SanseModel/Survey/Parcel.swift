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
