import ArgumentParser
import Foundation
import GeoKit
import Logging
import Sanse
import SanseModel
import SanseOutput

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
