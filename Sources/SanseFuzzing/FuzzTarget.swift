/// One loading entry point under fuzzing: which input file the fuzzed bytes become.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// GeoJSON parcels → `SurveyLoader`.
    case parcels
    /// GeoJSON control lines (polygons or closed lines) → `SurveyLoader`.
    case controlLines = "control-lines"
    /// GeoJSON towns → `SurveyLoader`.
    case towns
    /// Config YAML → `ConfigReader`, then `SurveyLoader` with the config read.
    case config
    /// Attribute-table CSV → `SurveyLoader`'s join.
    case attributes
    /// A previous run's blocks.csv → `SurveyDiff` (sanse diff).
    case blocksCSV = "blocks-csv"
    /// A `sanse batch` manifest (YAML) → `BatchManifest.load`; the runs are not started, as
    /// a fuzzed manifest may name any output folder.
    case batchManifest = "batch-manifest"

    /// The name the fuzzed bytes are written under; the extension picks GDAL's driver.
    var fileName: String {
        switch self {
        case .parcels: "parcels.geojson"
        case .controlLines: "control_lines.geojson"
        case .towns: "towns.geojson"
        case .config: "sanse.yml"
        case .attributes: "attributes.csv"
        case .blocksCSV: "blocks.csv"
        case .batchManifest: "batch.yml"
        }
    }

    public var grammar: MutationGrammar {
        switch self {
        case .parcels, .controlLines, .towns: .geoJSON
        case .config: .yaml
        case .batchManifest: .batchManifest
        case .attributes, .blocksCSV: .csv
        }
    }

    /// The valid input the target's fixture uses, a seed for every run.
    public var fixtureSeed: [UInt8] {
        switch self {
        case .parcels: Array(HarnessFixtures.parcels.utf8)
        case .controlLines: Array(HarnessFixtures.controlLines.utf8)
        case .towns: Array(HarnessFixtures.towns.utf8)
        case .config: Array(HarnessFixtures.joinConfig.utf8)
        case .attributes: Array(HarnessFixtures.attributes.utf8)
        case .blocksCSV: Array(HarnessFixtures.blocksCSV.utf8)
        case .batchManifest: Array(HarnessFixtures.batchManifest.utf8)
        }
    }
}
