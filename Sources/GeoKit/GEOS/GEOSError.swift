/// A failure inside GEOS, with the text GEOS gave for it.
public struct GEOSError: Error, Equatable, CustomStringConvertible {
    /// The GeoKit operation that failed, e.g. "intersection".
    public let operation: String
    /// GEOS's own message, or a note that GEOS gave none.
    public let message: String

    /// An error for `operation` with GEOS's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// e.g. "GEOS intersection failed: TopologyException: …".
    public var description: String { "GEOS \(operation) failed: \(message)" }
}
