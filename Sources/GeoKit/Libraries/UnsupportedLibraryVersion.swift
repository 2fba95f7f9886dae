/// A library older than GeoKit supports, or one whose version could not be read.
public struct UnsupportedLibraryVersion: Error, Equatable, Sendable, CustomStringConvertible {
    /// The library that is too old.
    public let library: LibraryVersions.Library
    /// The text the library reported.
    public let reported: String
    /// The release number read from it; nil when there was none to read.
    public let found: LibraryVersion?

    /// An error for `library`, which reported `reported`.
    public init(library: LibraryVersions.Library, reported: String, found: LibraryVersion?) {
        self.library = library
        self.reported = reported
        self.found = found
    }

    /// The oldest release GeoKit supports.
    public var minimum: LibraryVersion { library.minimumVersion }

    /// Names the library, the release found, the one needed and the text it reported.
    public var description: String {
        let name = library.rawValue
        guard let found else {
            return "cannot read the \(name) version from \"\(reported)\": GeoKit needs \(name) \(minimum) or newer"
        }
        return "\(name) \(found) is too old: GeoKit needs \(name) \(minimum) or newer (\(name) reports \"\(reported)\")"
    }
}
