import GeoKit

/// The analysis CRS and why it was chosen (written to the run manifest).
public struct AnalysisCRS: Sendable, Equatable {
    /// What PROJ is given, e.g. `EPSG:4549`.
    public var definition: String
    public var name: String
    public var reason: String

    package init(definition: String, name: String, reason: String) {
        self.definition = definition
        self.name = name
        self.reason = reason
    }
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

    package init(role: String, path: String, layer: String, driver: String, sourceCRS: String, featuresRead: Int, featuresKept: Int, rowsSHA256: String? = nil) {
        self.role = role
        self.path = path
        self.layer = layer
        self.driver = driver
        self.sourceCRS = sourceCRS
        self.featuresRead = featuresRead
        self.featuresKept = featuresKept
        self.rowsSHA256 = rowsSHA256
    }
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

    package init(parcels: [Parcel], parcelFields: [FieldDefinition], controlPolygons: [Geometry], towns: [Town], analysisCRS: AnalysisCRS, layers: [LoadedLayer], enterpriseField: Int? = nil) {
        self.parcels = parcels
        self.parcelFields = parcelFields
        self.controlPolygons = controlPolygons
        self.towns = towns
        self.analysisCRS = analysisCRS
        self.layers = layers
        self.enterpriseField = enterpriseField
    }
}
