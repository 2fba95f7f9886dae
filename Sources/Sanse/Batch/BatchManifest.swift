import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey
import Yams

/// `sanse batch`: many runs from one manifest (one per town, or per survey vintage), run in
/// turn, each failure recorded and the rest carried on.
///
/// ```yaml
/// defaults:                      # applied to every run; a run's own keys win
///   config: sanse.yml
///   control_lines: data/控制线.shp
/// runs:
///   - name: 2025
///     parcels: data/2025/宗地.shp
///     attributes: data/2025/亩均评价.csv
///     join_on: 统一社会信用代码
///     out: Output/2025
///     config_overrides: {contiguity: {gap_m: 20}}
/// ```
/// Relative paths are relative to the manifest's folder.
public struct BatchManifest: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var request: RunRequest?
        /// Why the entry could not become a run (a missing key, a bad config).
        public var problem: String?
    }

    public var path: String
    public var entries: [Entry]

    static let keys = ["name", "parcels", "control_lines", "towns", "attributes", "join_on", "config", "config_overrides",
                       "crs", "source_crs", "out", "web_crs", "parcels_layer", "control_lines_layer", "towns_layer"]

    public static func load(path: String, workers: Int = Parallel.defaultWorkerCount) throws -> BatchManifest {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(source: path, line: nil, message: "cannot read the batch manifest")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(source: path, line: nil, message: "not valid YAML: \(error)")
        }
        let reader = NodeReader(source: path)
        guard let root else { throw ConfigError(source: path, line: nil, message: "the manifest is empty") }
        var defaults: [String: Node] = [:]
        var runs: [Node] = []
        for (key, value) in try reader.mapping(root, keys: ["defaults", "runs"]) {
            if key == "defaults" {
                for (name, setting) in try reader.mapping(value, keys: keys) { defaults[name] = setting }
            } else {
                guard case .sequence(let items) = value else { throw reader.fail(value, "runs must be a list") }
                runs = Array(items)
            }
        }
        guard !runs.isEmpty else { throw ConfigError(source: path, line: nil, message: "the manifest lists no runs") }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var entries: [Entry] = []
        for (index, node) in runs.enumerated() {
            var settings = defaults
            for (name, setting) in try reader.mapping(node, keys: keys) { settings[name] = setting }
            let name = (try? settings["name"].flatMap(reader.string)) ?? nil
            let label = name ?? "run \(index + 1)"
            do {
                entries.append(Entry(name: label, request: try request(settings, name: label, base: base, reader: reader, workers: workers), problem: nil))
            } catch {
                entries.append(Entry(name: label, request: nil, problem: "\(error)"))
            }
        }
        return BatchManifest(path: path, entries: entries)
    }

    private static func request(_ settings: [String: Node], name: String, base: URL, reader: NodeReader, workers: Int) throws -> RunRequest {
        func text(_ key: String) throws -> String? { try settings[key].flatMap(reader.string) }
        func file(_ key: String) throws -> String? {
            guard let value = try text(key) else { return nil }
            if value.hasPrefix("/") || value.hasPrefix("PG:") { return value }
            return base.appendingPathComponent(value).standardizedFileURL.path
        }
        guard let parcels = try file("parcels"), let control = try file("control_lines") else {
            throw ConfigError(source: reader.source, line: nil, message: "\(name): parcels and control_lines are required")
        }
        var config = try file("config").map { try ConfigReader.load(path: $0) } ?? .default
        if let overrides = settings["config_overrides"] {
            config = try ConfigReader.parse(try Yams.serialize(node: overrides, allowUnicode: true), source: "\(reader.source) (\(name) config_overrides)", base: config)
        }
        var webCopies: [WebCRS] = []
        if let web = try text("web_crs") {
            guard let parsed = WebCRS(rawValue: web.lowercased()) else { throw ConfigError(source: reader.source, line: nil, message: "\(name): web_crs must be gcj02") }
            webCopies.append(parsed)
        }
        let inputs = SurveyInputs(
            parcels: InputSource(parcels, layer: try text("parcels_layer")),
            controlLines: InputSource(control, layer: try text("control_lines_layer")),
            towns: try file("towns").map { InputSource($0, layer: try text("towns_layer")) },
            attributes: try file("attributes").map { InputSource($0) })
        let out = try file("out") ?? base.appendingPathComponent("Output/\(name)").path
        return RunRequest(inputs: inputs, config: config, analysisCRS: try text("crs"), sourceCRS: try text("source_crs"),
                          joinOn: try text("join_on"), outputFolder: out, webCopies: webCopies, workers: workers, runName: name)
    }
}
