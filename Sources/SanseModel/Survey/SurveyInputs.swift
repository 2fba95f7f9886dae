import GeoKit

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

    /// The paths of every input given, parcels first.
    public var paths: [String] {
        [parcels.path, controlLines.path] + [towns?.path, attributes?.path].compactMap { $0 }
    }
}
