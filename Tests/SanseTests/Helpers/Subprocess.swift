import Foundation
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// Runs external programs from tests (ogr2ogr, PostgreSQL, Chromium, rsvg-convert).
enum Subprocess {
    /// Runs a command to completion and returns its output. posix_spawn + waitpid rather than
    /// Foundation's Process, which also waits for descriptors that a started server inherits,
    /// and so never returns.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeoutSeconds: Int = 300) throws -> String {
        let log = NSTemporaryDirectory() + "sanse-subprocess-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "timeout \(timeoutSeconds) " + quoted.joined(separator: " ") + " </dev/null >'\(log)' 2>&1"
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw SurveyError(path: executable, message: "cannot start (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw SurveyError(path: executable, message: "\(arguments.joined(separator: " ")) failed (status \(status)): \(text.suffix(2000))")
        }
        return text
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }
}
