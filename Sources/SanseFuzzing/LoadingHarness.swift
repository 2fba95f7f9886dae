#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GeoKit
import Sanse
import SanseModel
import SanseSurvey

/// What one input did at a public loading entry point.
public enum HarnessOutcome: Equatable, Sendable {
    /// Loaded, and everything loaded passed the invariants.
    case accepted(String)
    /// Refused with a SurveyError or ConfigError: the message a planner would see.
    case rejected(String)
}

/// An input broke the loading contract without crashing: an unexpected error type, an empty
/// message, or a loaded survey that breaks an invariant.
public struct ContractViolation: Error, CustomStringConvertible {
    public let description: String
}

/// Feeds bytes to sanse's loading entry points as a user's file would reach them: written to a
/// real file (so any reader behind the entry point is covered) next to valid companions.
/// The checked contract: a loaded survey whose parcels and polygons are usable, or a
/// SurveyError/ConfigError with a message. Crashes, hangs, leaks and sanitizer errors are for
/// the process running the harness (libFuzzer, the test) to catch.
public final class LoadingHarness {
    public let target: FuzzTarget
    /// Also runs the whole pipeline (analysis and every output) on each input that loads: a
    /// survey that loads must also produce its outputs. Slower; off for the plain loading
    /// contract.
    public let fullRun: Bool
    private let folder: URL
    private let input: URL
    private let parcels: URL, controlLines: URL, towns: URL, attributes: URL
    private let validBlocksFolder: URL
    private let joinConfig: Config

    public init(target: FuzzTarget, fullRun: Bool = false) throws {
        self.target = target
        self.fullRun = fullRun
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-fuzz-\(target.rawValue)-\(UUID().uuidString)")
        let fixtures = folder.appendingPathComponent("fixtures")
        validBlocksFolder = folder.appendingPathComponent("valid-run")
        for directory in [folder, fixtures, validBlocksFolder] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        input = folder.appendingPathComponent(target.fileName)
        parcels = fixtures.appendingPathComponent("parcels.geojson")
        controlLines = fixtures.appendingPathComponent("control_lines.geojson")
        towns = fixtures.appendingPathComponent("towns.geojson")
        attributes = fixtures.appendingPathComponent("attributes.csv")
        for (text, url) in [(HarnessFixtures.parcels, parcels), (HarnessFixtures.controlLines, controlLines), (HarnessFixtures.towns, towns),
                            (HarnessFixtures.attributes, attributes), (HarnessFixtures.joinConfig, fixtures.appendingPathComponent("sanse.yml")),
                            (HarnessFixtures.blocksCSV, validBlocksFolder.appendingPathComponent("blocks.csv"))] {
            try Data(text.utf8).write(to: url)
        }
        joinConfig = try ConfigReader.parse(HarnessFixtures.joinConfig)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs one input. Throws `ContractViolation`; anything worse ends the process.
    public func run(_ bytes: [UInt8]) throws -> HarnessOutcome {
        try store(bytes, at: input)
        do {
            switch target {
            case .parcels:
                return try loadSurvey(SurveyInputs(parcels: source(input), controlLines: source(controlLines)), config: .default)
            case .controlLines:
                return try loadSurvey(SurveyInputs(parcels: source(parcels), controlLines: source(input)), config: .default)
            case .towns:
                return try loadSurvey(SurveyInputs(parcels: source(parcels), controlLines: source(controlLines), towns: source(input)), config: .default)
            case .attributes:
                return try loadSurvey(SurveyInputs(parcels: source(parcels), controlLines: source(controlLines), attributes: source(input)), config: joinConfig)
            case .config:
                let config = try ConfigReader.load(path: input.path)
                try SurveyInvariants.check(config)
                // The config's layers, fields, CRS and join settings steer the loading itself.
                let attributesInput = config.join.parcelField == nil ? nil : source(attributes)
                return try loadSurvey(SurveyInputs(parcels: source(parcels), controlLines: source(controlLines), towns: source(towns),
                                                   attributes: attributesInput), config: config)
            case .blocksCSV:
                let fuzzedRun = folder.path
                let forward = try SurveyDiff.compare(old: fuzzedRun, new: validBlocksFolder.path)
                let backward = try SurveyDiff.compare(old: validBlocksFolder.path, new: fuzzedRun)
                return .accepted("\(forward.colourChanges.count) + \(backward.colourChanges.count) colour changes")
            case .batchManifest:
                let manifest = try BatchManifest.load(path: input.path, workers: 1)
                for entry in manifest.entries {
                    guard (entry.request == nil) != (entry.problem == nil), entry.problem?.isEmpty != true, !entry.name.isEmpty else {
                        throw ContractViolation(description: "batch entry \"\(entry.name)\" has neither or both a request and a problem, or no name")
                    }
                    if let config = entry.request?.config { try SurveyInvariants.check(config) }
                }
                return .accepted("\(manifest.entries.count) runs, \(manifest.entries.filter { $0.problem != nil }.count) with problems")
            }
        } catch let error as SurveyError {
            guard !error.message.isEmpty, !error.path.isEmpty else { throw ContractViolation(description: "SurveyError without a message or path: \(error)") }
            return .rejected(error.description)
        } catch let error as ConfigError {
            guard !error.message.isEmpty else { throw ContractViolation(description: "ConfigError without a message: \(error)") }
            return .rejected(error.description)
        } catch let violation as ContractViolation {
            throw violation
        } catch {
            throw ContractViolation(description: "\(type(of: error)) escaped the loading entry point instead of a SurveyError/ConfigError: \(error)")
        }
    }

    private func source(_ url: URL) -> InputSource { InputSource(url.path) }

    /// A plain write: Foundation's `Data.write` syncs the file to disk, which costs more than
    /// loading it.
    private func store(_ bytes: [UInt8], at url: URL) throws {
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw ContractViolation(description: "cannot write the harness input \(url.path): errno \(errno)") }
        defer { close(file) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(file, $0.baseAddress! + written, bytes.count - written) }
            guard count > 0 else { throw ContractViolation(description: "cannot write the harness input \(url.path): errno \(errno)") }
            written += count
        }
    }

    private func loadSurvey(_ inputs: SurveyInputs, config: Config) throws -> HarnessOutcome {
        let result = try SurveyLoader.load(inputs, config: config, workers: 1)
        try SurveyInvariants.check(result, config: config)
        if fullRun {
            let output = folder.appendingPathComponent("run")
            do {
                // Outputs in two lon/lat systems, as the web viewer's users ask for.
                _ = try Pipeline.run(RunRequest(inputs: inputs, config: config, outputFolder: output.path, webCopies: [.gcj02], workers: 1))
            } catch {
                throw ContractViolation(description: "the survey loaded, but the full run failed: \(type(of: error)): \(error)")
            }
        }
        let kinds = Set(result.issues.issues.map(\.kind.rawValue)).sorted().joined(separator: ",")
        return .accepted("\(result.survey.parcels.count) parcels, \(result.survey.controlPolygons.count) control polygons, \(result.survey.towns.count) towns; issues: \(kinds)")
    }
}
