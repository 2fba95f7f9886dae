import ArgumentParser
import Foundation
import GeoKit
import Logging
import Sanse
import SanseModel
import SanseOutput

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
            try LibraryVersions.checkSupported()
        } catch {
            log("sanse: \(error)")
            Interruption.exit(ExitStatus.badInput)
        }
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
