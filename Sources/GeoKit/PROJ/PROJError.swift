/// A failure inside PROJ, with PROJ's log text (far more telling than its errno string).
public struct PROJError: Error, Equatable, CustomStringConvertible {
    /// The GeoKit operation that failed, e.g. "create CRS".
    public let operation: String
    /// PROJ's log lines, its errno text, or a note that it gave no reason.
    public let message: String

    /// An error for `operation` with PROJ's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// e.g. "PROJ create CRS failed: crs not found".
    public var description: String { "PROJ \(operation) failed: \(message)" }
}
