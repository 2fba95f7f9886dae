import GeoKit

/// A town (镇/街道) with its size class.
public struct Town: Sendable {
    public var name: String
    public var sizeClass: TownSizeClass
    /// nil when the survey has no towns layer and towns come from the parcels' field.
    public var geometry: Geometry?

    package init(name: String, sizeClass: TownSizeClass, geometry: Geometry? = nil) {
        self.name = name
        self.sizeClass = sizeClass
        self.geometry = geometry
    }
}
