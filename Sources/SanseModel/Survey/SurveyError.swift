import GeoKit

/// A problem that stops the run (exit code 2): the input cannot be used at all.
public struct SurveyError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
