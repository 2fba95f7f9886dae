/// The geometry types GEOS knows, numbered as GEOS numbers them.
public enum GeometryType: Int32, Sendable, CustomStringConvertible {
    /// One position.
    case point = 0
    /// A sequence of positions joined by straight segments.
    case lineString = 1
    /// A closed line string, as the rings of a polygon are.
    case linearRing = 2
    /// An exterior ring with any number of holes.
    case polygon = 3
    /// Several points.
    case multiPoint = 4
    /// Several line strings.
    case multiLineString = 5
    /// Several polygons.
    case multiPolygon = 6
    /// Geometries of any types.
    case geometryCollection = 7

    /// The WKT name, e.g. "MultiPolygon".
    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Polygon or MultiPolygon.
    public var isPolygonal: Bool { self == .polygon || self == .multiPolygon }
    /// A Multi type or a GeometryCollection: a geometry made of parts.
    public var isCollection: Bool { rawValue >= 4 }
}
