import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// What one run is asked to do.
public struct RunRequest: Sendable {
    /// The inputs, each with its layer: its own, else the config's `layers.*`.
    public var inputs: SurveyInputs
    public var config: Config
    /// `--crs`, `--source-crs`, `--join-on`: override the config.
    public var analysisCRS: String?
    public var sourceCRS: String?
    public var joinOn: String?
    /// Where the outputs go (replaced as a whole when the run succeeds).
    public var outputFolder: String
    /// Extra GeoJSON copies in other lon/lat systems (`--web-crs gcj02`).
    public var webCopies: [WebCRS]
    public var workers: Int
    /// Also write tiles.mbtiles, vector tiles for tile servers (`--tiles`).
    public var vectorTiles = false
    public var runName: String
    /// Told the name of each stage as it starts (the CLI shows it on a terminal).
    public var progress: (@Sendable (String) -> Void)?

    public init(inputs: SurveyInputs, config: Config, analysisCRS: String? = nil, sourceCRS: String? = nil, joinOn: String? = nil,
                outputFolder: String, webCopies: [WebCRS] = [], workers: Int = Parallel.defaultWorkerCount, runName: String? = nil) {
        self.inputs = inputs.namingLayers(config.layers)
        self.config = config
        self.analysisCRS = analysisCRS
        self.sourceCRS = sourceCRS
        self.joinOn = joinOn
        self.outputFolder = outputFolder
        self.webCopies = webCopies
        self.workers = workers
        self.runName = runName ?? URL(fileURLWithPath: outputFolder).lastPathComponent
    }
}
