import ArgumentParser
import Foundation
import GeoKit
import Logging
import Sanse

@main
struct SanseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanse",
        abstract: "三色 — the blue/yellow/red renovation map of a county's old industrial blocks (老旧工业区块).",
        subcommands: [RunCommand.self, CheckCommand.self, BatchCommand.self, DiffCommand.self, DemoCommand.self, ConfigCommand.self])

    /// Bad usage exits with 2 as SPEC says (ArgumentParser's own code is 64).
    static func main() {
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                log(fullMessage(for: error))
                Interruption.exit(ExitStatus.badInput)
            }
            Pipeline.holdOutputsBeforeExit()
            exit(withError: error)
        }
        Interruption.exit(ExitStatus.success)
    }
}

/// Exit codes as SPEC defines them.
enum ExitStatus {
    static let success: Int32 = 0
    static let dataProblems: Int32 = 1
    static let badInput: Int32 = 2
}

/// Logs go to stderr through swift-log, never into stdout or output files.
let logger: Logger = {
    LoggingSystem.bootstrap { label in
        var handler = PlainStandardErrorHandler(label: label)
        handler.logLevel = ProcessInfo.processInfo.environment["SANSE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return handler
    }
    return Logger(label: "sanse")
}()

/// Every line in its public form (`DatasetName`): a message may quote an input's name, a
/// library's error may quote a connection string.
func log(_ message: String) {
    Progress.clear()
    logger.info("\(DatasetName.publicForm(message))")
}

/// Writes the message alone on a line: planners read these, not log parsers.
struct PlainStandardErrorHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level >= .warning ? "\(event.level): " : ""
        FileHandle.standardError.write(Data((prefix + event.message.description + "\n").utf8))
    }
}

/// A one-line stage indicator on a terminal; nothing at all when stderr is not a terminal
/// (batch jobs, CI, pipes).
enum Progress {
    static let enabled = isatty(2) == 1

    static func show(_ stage: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K… \(DatasetName.publicForm(stage))".utf8))
    }

    static func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
