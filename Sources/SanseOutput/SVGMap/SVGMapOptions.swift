import SanseModel

/// What goes around the map: title, notes, which town, and how big.
public struct SVGMapOptions: Sendable {
    /// The map's title, e.g. `慈溪市老旧工业区块三色图`.
    public var title: String
    /// Under the title: the survey and its date, e.g. `2026年11月 · 工业用地调查`.
    public var subtitle: String
    /// The coordinate system note; empty = made from the survey's analysis CRS.
    public var crsNote: String
    /// Where the data come from, e.g. `数据来源：工业用地调查；sanse 0.1 生成`.
    public var sourceNote: String
    /// nil = the whole survey; a town name = only that town's blocks and parcels.
    public var town: String?
    /// Width of the map frame in pixels; the page adds margins, the title and the legend panel.
    public var widthPixels: Double

    public init(
        title: String = "老旧工业区块“三色”图",
        subtitle: String = "",
        crsNote: String = "",
        sourceNote: String = "数据来源：工业用地调查；sanse 生成",
        town: String? = nil,
        widthPixels: Double = 1600
    ) {
        self.title = title
        self.subtitle = subtitle
        self.crsNote = crsNote
        self.sourceNote = sourceNote
        self.town = town
        self.widthPixels = widthPixels
    }
}

/// Why a map cannot be drawn.
public enum SVGMapError: Error, Equatable, CustomStringConvertible {
    /// `SVGMapOptions.town` names a town with neither blocks nor a boundary.
    case unknownTown(String)
    case badWidth(Double)

    public var description: String {
        switch self {
        case .unknownTown(let name): "no blocks and no boundary for town \(name)"
        case .badWidth(let width): "map width must be between 200 and 20000 pixels, got \(width)"
        }
    }
}
