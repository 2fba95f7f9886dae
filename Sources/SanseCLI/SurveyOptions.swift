import ArgumentParser
import Foundation
import Sanse
import SanseModel
import SanseOutput

/// The input options shared by `run` and `check`.
struct SurveyOptions: ParsableArguments {
    @Option(name: .long, help: "Parcels (宗地) layer: any vector format GDAL reads, or a PG: connection string.")
    var parcels: String

    @Option(name: .long, help: "Industrial control line (工业控制线) layer: polygons or closed lines.")
    var controlLines: String

    @Option(name: .long, help: "Towns (镇/街道) layer with names and size classes (大镇/小镇).")
    var towns: String?

    @Option(name: .long, help: "Attribute table (CSV) joined to the parcels, e.g. 亩均评价 results.")
    var attributes: String?

    @Option(name: .long, help: "Join key present in both the parcels and the attribute table, e.g. 统一社会信用代码.")
    var joinOn: String?

    @Option(name: .long, help: "Config file (YAML); `sanse config --default` prints every key.")
    var config: String?

    @Option(name: .long, help: "Analysis CRS, e.g. EPSG:4549 (default: chosen from the data).")
    var crs: String?

    @Option(name: .long, help: "CRS of inputs that declare none (a Shapefile without .prj).")
    var sourceCrs: String?

    @Option(name: .long, help: "Contiguity gap in metres (连片容差; default 30).")
    var gap: Double?

    func validate() throws {
        // The config's gap_m is checked by ConfigReader; this is the same rule for --gap.
        if let gap, !(gap >= 0 && gap <= Config.Contiguity.maximumGapMetres) {
            throw ValidationError("--gap must be between 0 and \(Int(Config.Contiguity.maximumGapMetres)) metres, got \(gap)")
        }
    }

    var inputs: SurveyInputs {
        SurveyInputs(
            parcels: InputSource(parcels), controlLines: InputSource(controlLines),
            towns: towns.map { InputSource($0) }, attributes: attributes.map { InputSource($0) })
    }

    /// The config, or a one-line error and exit code 2.
    func loadConfigOrExit() throws -> Config {
        do {
            return try loadConfig()
        } catch {
            log("sanse: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    func loadConfig() throws -> Config {
        var loaded = try config.map { try ConfigReader.load(path: $0) } ?? .default
        if let gap { loaded.contiguity.gapMetres = gap }
        return loaded
    }
}
