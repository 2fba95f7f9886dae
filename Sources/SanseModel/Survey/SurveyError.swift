import GeoKit

/// A problem that stops the run (exit code 2): the input cannot be used at all.
public struct SurveyError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    /// Both keep only the public form of the input's name: the error is shown, logged and
    /// written to batch summaries.
    public init(path: String, message: String) {
        self.path = DatasetName.publicForm(path)
        self.message = DatasetName.publicText(message, quoting: [path])
    }

    public var description: String { "\(path): \(message)" }
}
