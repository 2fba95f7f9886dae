import Foundation

@testable import SanseModel

/// The `sanse` executable run as a planner or a batch job runs it, on the bundled demo survey.
enum CommandLineFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = repository.appendingPathComponent("GeoData/demo")

    /// The demo's inputs and config, as `sanse run` and `sanse check` take them.
    static var demoArguments: [String] {
        let file = { (name: String) in demo.appendingPathComponent(name).path }
        return [
            "--parcels", file("shapefile/parcels.shp"),
            "--control-lines", file("shapefile/control_lines.shp"),
            "--towns", file("shapefile/towns.shp"),
            "--attributes", file("muju-evaluation.csv"),
            "--config", file("sanse.yml"),
        ]
    }

    /// `sanse run` on the demo into `out`.
    static func demoRun(out: URL) -> [String] {
        ["run"] + demoArguments + ["--out", out.path]
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs sanse to its end, in `folder` when one is given. Unlike `SanseProcess`, it sets the
    /// working directory (where `sanse demo` looks for GeoData/demo) and has no time limit.
    static func sanse(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
        let executable = SanseProcess.executable
        let out = NSTemporaryDirectory() + "sanse-cli-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: out + ".out")
            try? FileManager.default.removeItem(atPath: out + ".err")
        }
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let change = folder.map { "cd '\($0.path)' && " } ?? ""
        let command = "\(change)\(quoted) </dev/null >'\(out).out' 2>'\(out).err'"
        let argv: [UnsafeMutablePointer<CChar>?] =
            ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
            throw SurveyError(path: executable, message: "cannot start")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Outcome(
            status: (status >> 8) & 0xFF,
            stdout: (try? String(contentsOfFile: out + ".out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: out + ".err", encoding: .utf8)) ?? "")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file of an output folder (the viewer's under web/ too), by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            guard try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory != true else { continue }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }
}
