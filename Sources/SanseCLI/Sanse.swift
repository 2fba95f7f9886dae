import ArgumentParser
import Foundation
import Sanse

@main
struct SanseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanse",
        abstract: "三色 — the blue/yellow/red renovation map of a county's old industrial blocks (老旧工业区块).",
        subcommands: [RunCommand.self, CheckCommand.self, BatchCommand.self, DiffCommand.self, DemoCommand.self, ConfigCommand.self])

    /// Bad usage exits with 2 as SPEC says (ArgumentParser's own code is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                log(fullMessage(for: error))
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes as SPEC defines them.
enum ExitStatus {
    static let success: Int32 = 0
    static let dataProblems: Int32 = 1
    static let badInput: Int32 = 2
}

/// Writes a line to stderr: logs never mix with output files.
func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
