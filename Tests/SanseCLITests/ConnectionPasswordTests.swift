import Foundation
@testable import Sanse
@testable import SanseModel
import Testing

/// A database password given in a connection string reaches no output file, no log line and
/// no error message (issue 17): every file of the output folder is searched byte for byte.
@Suite("Passwords in connection strings", .serialized)
struct ConnectionPasswordTests {
    static let password = "Secr3tPass"

    @Test(.enabled(if: DemoDatabase.usable, "needs PostgreSQL + PostGIS (scripts/setup.sh)"))
    func aRunFromPostGISWritesThePasswordNowhere() throws {
        let database = try DemoDatabase()
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = database.connection + " password=\(Self.password)"
        let inputs = ["--parcels", connection, "--control-lines", connection, "--towns", connection]

        let out = folder.appendingPathComponent("pg")
        let run = try CommandLineFixtures.sanse(["run"] + inputs + ["--out", out.path])
        #expect(run.status == 1, "the demo's defects are reported: \(run.stderr.suffix(600))")
        #expect(run.stderr.contains("parcels: \(database.connection) password=*** [parcels, PostgreSQL"))
        try Self.expectNoPassword(Self.password, in: out, stderr: run.stderr)
        let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(manifest.contains(#""path" : "\#(database.connection) password=***""#))
        #expect(manifest.contains(#""rows_sha256" : ""#), "a table is known by the rows read from it")
        let map = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(map.contains("数据来源：\(database.connection) password=*** 等"))

        // Without --out the folder is named after the parcels: their public name.
        let defaultRun = try CommandLineFixtures.sanse(["run"] + inputs, in: folder)
        #expect(defaultRun.status == 1, "\(defaultRun.stderr.suffix(600))")
        try Self.expectNoPassword(Self.password, in: folder.appendingPathComponent("Output"), stderr: defaultRun.stderr)

        let check = try CommandLineFixtures.sanse(["check"] + inputs)
        #expect(check.status == 1)
        #expect(!check.stderr.contains(Self.password))
    }

    @Test func aWrongPortExitsTwoNamingTheInputMasked() throws {
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Nothing listens on port 1: the connection is refused before any password is asked for.
        let connection = "PG:host=127.0.0.1 port=1 dbname=survey user=postgres"
        for secret in [Self.password, "'Secr3t Pass=word'"] {
            let out = folder.appendingPathComponent("out")
            let outcome = try CommandLineFixtures.sanse([
                "run", "--parcels", "\(connection) password=\(secret)",
                "--control-lines", "\(connection) password=\(secret)",
                "--out", out.path,
            ])
            #expect(outcome.status == 2)
            let named = "sanse: \(connection) password=***: cannot open parcels input: "
            #expect(outcome.stderr.hasPrefix(named), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("Secr3t"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test(.enabled(if: DemoDatabase.usable, "needs PostgreSQL + PostGIS (scripts/setup.sh)"))
    func aBatchDifferingOnlyInThePasswordIsSkippedAndChangedRowsAreNot() throws {
        let database = try DemoDatabase()
        let folder = try CommandLineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("batch.yml")
        func batch(password: String, summary: String) throws -> String {
            let connection = "\(database.connection) password=\(password)"
            try """
            defaults:
              control_lines: "\(connection)"
              control_lines_layer: control_lines
              towns: "\(connection)"
              towns_layer: towns
            runs:
              - name: pg
                parcels: "\(connection)"
                parcels_layer: parcels
                out: out/pg
            """.write(to: manifest, atomically: true, encoding: .utf8)
            let summaryFile = folder.appendingPathComponent(summary)
            let outcome = try CommandLineFixtures.sanse(["batch", manifest.path, "--summary", summaryFile.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            // Every password below holds this.
            try Self.expectNoPassword("Secr3t", in: folder.appendingPathComponent("out"), stderr: outcome.stderr)
            let text = try String(contentsOf: summaryFile, encoding: .utf8)
            #expect(!text.contains("Secr3t"))
            return text
        }

        #expect(try batch(password: "first-Secr3t", summary: "first.md").contains("| pg | ok_with_issues |"))
        let second = try batch(password: "'second Secr3t=x'", summary: "second.md")
        #expect(second.contains("| pg | skipped |"), "only the password changed: \(second)")

        try database.execute(#"UPDATE parcels SET "亩均税收" = "亩均税收" + 1 WHERE fid = 1"#)
        let third = try batch(password: "'second Secr3t=x'", summary: "third.md")
        #expect(third.contains("| pg | ok_with_issues |"), "a changed row makes the run new: \(third)")
    }

    /// No file under `folder` (read as bytes) and not `stderr` holds the password.
    static func expectNoPassword(_ password: String, in folder: URL, stderr: String) throws {
        let secret = Data(password.utf8)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        let files = enumerator?.compactMap { $0 as? URL } ?? []
        #expect(files.count > 10, "the run wrote its outputs into \(folder.path)")
        for file in files where (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
            #expect(!file.path.contains(password), "a file's name")
            #expect(try Data(contentsOf: file).range(of: secret) == nil, "\(file.lastPathComponent) holds the password")
        }
        #expect(!stderr.contains(password), "the log: \(stderr)")
    }
}

/// A throw-away PostgreSQL + PostGIS server on loopback (scripts/postgis-sandbox.sh) holding
/// the demo survey's three layers, stopped when released. It trusts every local connection,
/// so any password in a connection string is accepted.
final class DemoDatabase {
    /// Whether this machine can run the server; CI must (its setup installs it).
    static var usable: Bool {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let server = versions.contains { version in
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb")
        }
        return (server && FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr"))
            || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static let script = CommandLineFixtures.repository.appendingPathComponent("scripts/postgis-sandbox.sh").path

    let folder = NSTemporaryDirectory() + "sanse-pg-\(UUID().uuidString.prefix(8))"
    let port: Int
    var connection: String { "PG:host=127.0.0.1 port=\(port) dbname=survey user=postgres" }

    init() throws {
        port = try Self.freePort()
        try Self.run("/bin/bash", [Self.script, "start", folder, String(port)])
        do {
            let survey = CommandLineFixtures.demo.appendingPathComponent("cixi-survey.gpkg").path
            try Self.run("/usr/bin/ogr2ogr", ["-f", "PostgreSQL", connection, survey])
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    func execute(_ sql: String) throws {
        try Self.run("/usr/bin/ogrinfo", [connection, "-sql", sql])
    }

    private func stop() {
        _ = try? Self.run("/bin/bash", [Self.script, "stop", folder])
    }

    /// A port nothing listens on now, as the system hands out: tests running at the same time
    /// each get their own.
    private static func freePort() throws -> Int {
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard handle >= 0 else { throw SurveyError(path: "socket", message: "cannot open a socket") }
        defer { close(handle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(handle, socketAddress, length) == 0 && getsockname(handle, socketAddress, &length) == 0
            }
        }
        guard bound else { throw SurveyError(path: "socket", message: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to its end through posix_spawn (Foundation's Process waits for the
    /// descriptors a started server inherits, and never returns).
    private static func run(_ executable: String, _ arguments: [String]) throws {
        let log = NSTemporaryDirectory() + "sanse-pg-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "timeout 300 " + quoted.joined(separator: " ") + " </dev/null >'\(log)' 2>&1"
        let words = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { (word: String) in strdup(word) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
            throw SurveyError(path: executable, message: "cannot start")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let command = arguments.joined(separator: " ")
            throw SurveyError(path: executable, message: "\(command) failed (status \(status)): \(output.suffix(2000))")
        }
    }
}
