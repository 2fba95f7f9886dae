/// A failure inside PROJ, with PROJ's log text (far more telling than its errno string).
public struct PROJError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "PROJ \(operation) failed: \(message)" }
}
