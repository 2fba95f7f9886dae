import Foundation
import GeoKit
import Testing
@testable import Sanse

/// The `sanse` executable run as a planner or a batch job runs it.
@Suite("sanse command line", .serialized)
struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demo = repository.appendingPathComponent("GeoData/demo")

    /// The executable built beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sanse").path
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func sanse(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
        let out = NSTemporaryDirectory() + "sanse-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out + ".out"); try? FileManager.default.removeItem(atPath: out + ".err") }
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let change = folder.map { "cd '\($0.path)' && " } ?? ""
        let command = "\(change)\(quoted) </dev/null >'\(out).out' 2>'\(out).err'"
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw SurveyError(path: executable, message: "cannot start") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Outcome(status: (status >> 8) & 0xFF,
                       stdout: (try? String(contentsOfFile: out + ".out", encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: out + ".err", encoding: .utf8)) ?? "")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    var demoArguments: [String] {
        let file = { (name: String) in Self.demo.appendingPathComponent(name).path }
        return ["--parcels", file("shapefile/parcels.shp"), "--control-lines", file("shapefile/control_lines.shp"),
                "--towns", file("shapefile/towns.shp"), "--attributes", file("muju-evaluation.csv"), "--config", file("sanse.yml")]
    }

    @Test func runOnTheDemoWritesEveryOutputAndExitsOneForItsDefects() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run").path
        let outcome = try Self.sanse(["run"] + demoArguments + ["--out", out])
        #expect(outcome.status == 1, "the demo's deliberate defects are reported: \(outcome.stderr.suffix(400))")
        #expect(outcome.stderr.contains("blocks 348"))
        for name in ["blocks.geojson", "parcels.geojson", "outlines.geojson", "control-lines.geojson", "summary.csv", "summary.md",
                     "issues.csv", "run.json", "sanse.gpkg", "map.svg", "map-横河镇.svg"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: out + "/" + name)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name): \(size) bytes")
        }
        let issues = try String(contentsOfFile: out + "/issues.csv", encoding: .utf8)
        for defect in ["330282-103-0721", "330282-104-0451", "330282-105-0171"] {
            #expect(issues.contains(defect), "issues.csv names \(defect)")
        }
        #expect(outcome.stdout.isEmpty, "logs go to stderr, never stdout")
    }

    @Test func demoCommandRunsFromTheRepository() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.sanse(["demo", "--out", folder.appendingPathComponent("demo").path], in: Self.repository)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("| **合计** |  | **348** |"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("demo/blocks.gcj02.geojson").path))
    }

    @Test func unreadableInputExitsTwoNamingThePath() throws {
        let outcome = try Self.sanse(["check", "--parcels", "/no/such/宗地.shp", "--control-lines", "/no/such/control.shp"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/宗地.shp"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
    }

    @Test func outputIntoTheInputFolderIsRefused() throws {
        let outcome = try Self.sanse(["run"] + demoArguments + ["--out", Self.demo.appendingPathComponent("shapefile").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("must not be an input's folder"))
    }

    @Test func badConfigExitsTwoNamingFileAndLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("bad.yml")
        try "contiguity:\n  gap_m: 30\nrules:\n  - category: exit\n    any:\n      - {metric: inside, op: \"<\", value: 0.5}\n".write(to: config, atomically: true, encoding: .utf8)
        var arguments = demoArguments
        arguments[arguments.count - 1] = config.path
        let outcome = try Self.sanse(["check"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yml:6:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("unknown metric \"inside\""))
    }

    @Test func checkReportsWithoutWritingAnything() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.sanse(["check"] + demoArguments, in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("null_geometry 1"))
        #expect(outcome.stderr.contains("overlap 3"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func defaultConfigPrintsAndParses() throws {
        let outcome = try Self.sanse(["config", "--default"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("gap_m: 30"))
        #expect(try ConfigReader.parse(outcome.stdout) == Config.default)
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try Self.sanse(["run", "--parcels"]).status == 2)
        #expect(try Self.sanse(["frobnicate"]).status == 2)
    }
}
