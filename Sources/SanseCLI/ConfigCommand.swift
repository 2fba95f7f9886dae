import ArgumentParser
import Sanse
import SanseModel
import SanseOutput

/// `sanse config --default`: the commented default configuration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config (YAML, commented in Chinese and English).")

    @Flag(name: .long, help: "Print the default config.")
    var `default` = false

    func run() throws {
        guard `default` else { throw ValidationError("use sanse config --default") }
        print(DefaultConfig.yaml, terminator: "")
    }
}
