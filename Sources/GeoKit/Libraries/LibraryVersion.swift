/// A library's release number, major.minor.patch, read from the text the library reports.
///
/// ```swift
/// LibraryVersion(parsing: "3.11.1-CAPI-1.17.1")  // 3.11.1 (GEOS: the C API's own number follows)
/// LibraryVersion(parsing: "3.8.0dev")            // 3.8.0
/// LibraryVersion(3, 10) < LibraryVersion(3, 11)  // true
/// ```
public struct LibraryVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The first number.
    public var major: Int
    /// The second number.
    public var minor: Int
    /// The third number, 0 when the text has none.
    public var patch: Int

    /// A version from its numbers.
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// The `major.minor` or `major.minor.patch` that `text` starts with; whatever follows the
    /// numbers (a suffix such as `dev` or `-CAPI-1.17.1`) is ignored. nil when the text does
    /// not start with at least two numbers separated by a dot.
    public init?(parsing text: String) {
        var numbers: [Int] = []
        var rest = Substring(text)
        while numbers.count < 3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int(digits) else { break }
            numbers.append(number)
            rest = rest.dropFirst(digits.count)
            guard numbers.count < 3, rest.first == ".", rest.dropFirst().first?.isNumber == true else { break }
            rest = rest.dropFirst()
        }
        guard numbers.count >= 2 else { return nil }
        self.init(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : 0)
    }

    /// Compares major, then minor, then patch.
    public static func < (lhs: LibraryVersion, rhs: LibraryVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// e.g. "3.11.1".
    public var description: String { "\(major).\(minor).\(patch)" }
}
