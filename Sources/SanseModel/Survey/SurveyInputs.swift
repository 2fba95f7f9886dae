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

    /// The inputs with the config's layer names (`layers.*`) where an input names none itself
    /// (`--parcels file`, a batch entry without `parcels_layer`).
    public func namingLayers(_ names: Config.LayerNames) -> SurveyInputs {
        func named(_ source: InputSource?, _ name: String?) -> InputSource? {
            guard var source else { return nil }
            if source.layer == nil { source.layer = name }
            return source
        }
        return SurveyInputs(
            parcels: named(parcels, names.parcels)!, controlLines: named(controlLines, names.controlLines)!,
            towns: named(towns, names.towns), attributes: named(attributes, names.attributes))
    }

    /// The paths of every input given, parcels first.
    public var paths: [String] {
        [parcels.path, controlLines.path] + [towns?.path, attributes?.path].compactMap { $0 }
    }
}
