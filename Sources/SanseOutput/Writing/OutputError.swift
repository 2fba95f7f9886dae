import Foundation
import GeoKit
import SanseModel

/// A problem writing an output file.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    /// Only the public form of names (`DatasetName`): a message may name an input.
    public init(path: String, message: String) {
        self.path = DatasetName.publicForm(path)
        self.message = DatasetName.publicForm(message)
    }

    public var description: String { "\(path): \(message)" }
}
