import Foundation

/// The name of a dataset as GDAL takes it — a file, a `/vsi…` path, a URL, or a connection
/// string such as `PG:host=… password=…` — and its public form: the one way an input is named
/// wherever a person may read it (a map, a manifest, a table, a log line, an error message).
///
/// The public form keeps the name readable and masks each secret in it as `***`:
/// - the value of a secret setting written `key=value` (`isSecretKey`: `password`, `PWD`,
///   `AWS_SECRET_ACCESS_KEY`, …), with any spacing around `=` and any quoting (`'…'` and `"…"`
///   with `\` escapes, ODBC's `{…}`): libpq's `PG:` strings, `MSSQL:` and ODBC `;` lists,
///   `MYSQL:` `,` lists, URL query parameters, GDAL configuration options;
/// - the same settings given as `--config KEY VALUE`;
/// - the password of `user:password@` in a URL (`/vsicurl/https://…`, `PG:postgresql://…`);
/// - the password of `OCI:user/password@…` and `ODBC:user/password@…`.
///
/// `PG:host=127.0.0.1 dbname=survey user=postgres password='a b'` becomes
/// `PG:host=127.0.0.1 dbname=survey user=postgres password=***`; a name without secrets is
/// its own public form, byte for byte.
public enum DatasetName {
    public static let mask = "***"

    /// The name as it may be shown: every secret in it masked, the rest as given. Works on any
    /// text, so a message quoting a name can be masked as a whole.
    public static func publicForm(_ name: String) -> String {
        SecretScan(name).maskedText
    }

    /// The values `publicForm` masks, as written between their quotes and as the driver reads
    /// them (escapes resolved).
    public static func secrets(in name: String) -> [String] {
        SecretScan(name).secrets
    }

    /// Text that may quote these names, such as GDAL's or a database client's error message:
    /// each name replaced by its public form, any other secret masked as in `publicForm`, and
    /// the names' secrets masked wherever they still appear, since a message may quote a value
    /// out of its `key=value` context.
    public static func publicText(_ text: String, quoting names: [String]) -> String {
        let bytes = Array(text.utf8)
        // Longest first: a name that contains another is replaced whole.
        let quoted = names.filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }.map { Array($0.utf8) }
        var result: [UInt8] = []
        var unquotedStart = 0
        var index = 0
        // The text between the names is masked on its own: a name's public form is final, and
        // its mask read again as a value would take the quote or colon after it along.
        func appendUnquoted(upTo end: Int) {
            result += publicForm(String(decoding: bytes[unquotedStart..<end], as: UTF8.self)).utf8
        }
        while index < bytes.count {
            guard let name = quoted.first(where: { bytes[index...].starts(with: $0) }) else {
                index += 1
                continue
            }
            appendUnquoted(upTo: index)
            result += publicForm(String(decoding: name, as: UTF8.self)).utf8
            index += name.count
            unquotedStart = index
        }
        appendUnquoted(upTo: bytes.count)
        // Longest first, so that no part of a longer secret is left beside the mask.
        let namesSecrets = Set(names.flatMap(secrets(in:))).sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }
        for secret in namesSecrets where !secret.isEmpty {
            result = replacingEvery(Array(secret.utf8), with: Array(mask.utf8), in: result)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether the name is a file or folder on this machine, whose bytes can be hashed; any
    /// other name (a database, a URL, a `/vsi…` path) is known only by the rows GDAL reads.
    public static func isLocalFile(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: name)
    }

    /// Whether a setting's value is a secret: passwords and passphrases, tokens, signatures,
    /// secret, private and access keys, by the names libpq, ODBC, URL query strings and GDAL's
    /// cloud configuration options (`AWS_…`, `AZURE_…`, `GS_…`, `OSS_…`, `SWIFT_…`) use.
    /// An identifier such as `AWS_ACCESS_KEY_ID` or a path such as libpq's `passfile` is not.
    static func isSecretKey(_ key: String) -> Bool {
        let key = key.lowercased()
        let names: Set = ["pwd", "pass", "passwd", "key", "sig", "sas", "apikey", "api_key", "accountkey"]
        let parts = [
            "password", "secret", "token", "passphrase", "userpwd", "signature", "authorization",
            "private_key", "bearer", "http_headers",
        ]
        return names.contains(key) || parts.contains { key.contains($0) }
            || key.hasSuffix("access_key") || key.hasSuffix("accesskey") || key.hasSuffix("_sas")
    }

    private static func replacingEvery(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, bytes.count >= target.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + target.count <= bytes.count, bytes[index..<index + target.count].elementsEqual(target) {
                result += replacement
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}

/// One look at a text's UTF-8 bytes for the secrets in it. Every byte it looks for is ASCII,
/// which never occurs inside a multi-byte character, so cutting at them keeps the text valid.
private struct SecretScan {
    /// How an unquoted value ends in a list of `key=value` settings.
    private enum ListSyntax {
        /// libpq's `PG:` strings, Informix's `IDB:`: at white space; `\` escapes a character.
        case spaceSeparated
        /// ODBC and SQL Server: at `;` (a value may hold spaces).
        case semicolonSeparated
        /// GDAL's `MYSQL:dbname,user=…,password=…`: at `,`.
        case commaSeparated
        /// A URL's query string: at `&` or `#`.
        case urlQuery
        /// Anything else, such as a message: at white space or the punctuation that follows a
        /// value in prose.
        case prose
    }

    private static let listPrefixes: [(prefix: [UInt8], syntax: ListSyntax)] = [
        ("PG:", ListSyntax.spaceSeparated), ("IDB:", .spaceSeparated), ("MSSQL:", .semicolonSeparated),
        ("ODBC:", .semicolonSeparated), ("DB2ODBC:", .semicolonSeparated), ("HANA:", .semicolonSeparated),
        ("MYSQL:", .commaSeparated),
    ].map { (prefix: String, syntax: ListSyntax) in (Array(prefix.utf8), syntax) }
    /// Drivers whose names may start `user/password@`.
    private static let slashPasswordPrefixes = ["OCI:", "ODBC:"].map { Array($0.utf8) }

    private let text: String
    private let bytes: [UInt8]
    /// Byte ranges to show as the mask, in the order found.
    private var masked: [Range<Int>] = []
    private(set) var secrets: [String] = []

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        findKeyValueSecrets()
        findConfigOptionSecrets()
        findURLPasswords()
        findSlashPasswords()
    }

    var maskedText: String {
        guard !masked.isEmpty else { return text }
        var merged: [Range<Int>] = []
        for range in masked.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var result: [UInt8] = []
        var position = 0
        for range in merged {
            result += bytes[position..<range.lowerBound]
            result += DatasetName.mask.utf8
            position = range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: - The forms of secret

    /// `key=value` and `key = 'quoted value'` for every secret key.
    private mutating func findKeyValueSecrets() {
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "=") else { continue }
            var keyEnd = index
            while keyEnd > 0, isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
            var keyStart = keyEnd
            while keyStart > 0, isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
            let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
            guard keyStart < keyEnd, DatasetName.isSecretKey(key) else { continue }
            var valueStart = index + 1
            while valueStart < bytes.count, isBlank(bytes[valueStart]) { valueStart += 1 }
            let end = record(valueAt: valueStart, syntax: syntax(ofKeyAt: keyStart))
            // A quoted value may hold `=`; none of it is a key.
            index = max(index, end - 1)
        }
    }

    /// `--config KEY VALUE`, as GDAL's command-line tools take configuration options.
    private mutating func findConfigOptionSecrets() {
        let flag = Array("--config".utf8)
        for start in occurrences(of: flag, caseInsensitive: false) {
            var keyStart = start + flag.count
            guard keyStart < bytes.count, isBlank(bytes[keyStart]) else { continue }
            while keyStart < bytes.count, isBlank(bytes[keyStart]) { keyStart += 1 }
            var keyEnd = keyStart
            while keyEnd < bytes.count, !isWhitespace(bytes[keyEnd]), bytes[keyEnd] != UInt8(ascii: "=") { keyEnd += 1 }
            // KEY=VALUE is a key-value setting, found as such.
            guard keyEnd < bytes.count, bytes[keyEnd] != UInt8(ascii: "="),
                DatasetName.isSecretKey(String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self))
            else { continue }
            var valueStart = keyEnd
            while valueStart < bytes.count, isBlank(bytes[valueStart]) { valueStart += 1 }
            _ = record(valueAt: valueStart, syntax: .spaceSeparated)
        }
    }

    /// `scheme://user:password@host`. The password runs to the last `@` before the path, so
    /// one holding an unencoded `@`, `?` or `#` is masked whole.
    private mutating func findURLPasswords() {
        for separator in occurrences(of: Array("://".utf8), caseInsensitive: false) {
            let start = separator + 3
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/"), !isWhitespace(bytes[end]), !isQuote(bytes[end]) {
                end += 1
            }
            guard let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")),
                let colon = bytes[start..<at].firstIndex(of: UInt8(ascii: ":"))
            else { continue }
            add(colon + 1..<at, secret: bytes[colon + 1..<at])
        }
    }

    /// `OCI:user/password@instance` and `ODBC:user/password@dsn,…`; without `@`, the password
    /// runs to the `:` or `,` that starts the table list.
    private mutating func findSlashPasswords() {
        for prefix in Self.slashPasswordPrefixes {
            for start in occurrences(of: prefix, caseInsensitive: true) where isWordStart(start) {
                var slash = start + prefix.count
                while slash < bytes.count, isUserNameByte(bytes[slash]) { slash += 1 }
                guard slash < bytes.count, bytes[slash] == UInt8(ascii: "/") else { continue }
                let passwordStart = slash + 1
                var stop = passwordStart
                while stop < bytes.count, !isWhitespace(bytes[stop]) { stop += 1 }
                var end = passwordStart
                if let at = bytes[passwordStart..<stop].lastIndex(of: UInt8(ascii: "@")) {
                    end = at
                } else {
                    while end < stop, bytes[end] != UInt8(ascii: ":"), bytes[end] != UInt8(ascii: ",") { end += 1 }
                }
                add(passwordStart..<end, secret: bytes[passwordStart..<end])
            }
        }
    }

    // MARK: - Values

    /// Reads the value starting at `start`, quotes included, records it as a secret and masks
    /// it (an empty one too, so every form of the setting looks the same); returns where the
    /// value ends.
    private mutating func record(valueAt start: Int, syntax: ListSyntax) -> Int {
        guard start < bytes.count else {
            add(start..<start, secret: [])
            return bytes.count
        }
        let opening = bytes[start]
        var end = start
        var value: [UInt8] = []
        var unescaped: [UInt8] = []
        if opening == UInt8(ascii: "'") || opening == UInt8(ascii: "\"") {
            // libpq's quoting: `\` escapes the next character. An unclosed quote runs to the end.
            end = start + 1
            while end < bytes.count, bytes[end] != opening {
                if bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count { end += 1 }
                unescaped.append(bytes[end])
                end += 1
            }
            value = Array(bytes[start + 1..<end])
            end = min(end + 1, bytes.count)
        } else if opening == UInt8(ascii: "{") {
            // ODBC's braces: `}}` stands for `}`.
            end = start + 1
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: "}") {
                    guard end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "}") else { break }
                    end += 1
                }
                unescaped.append(bytes[end])
                end += 1
            }
            value = Array(bytes[start + 1..<end])
            end = min(end + 1, bytes.count)
        } else {
            while end < bytes.count, !ends(bytes[end], syntax) {
                if syntax == .spaceSeparated, bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count { end += 1 }
                unescaped.append(bytes[end])
                end += 1
            }
            value = Array(bytes[start..<end])
            if isMask(value) { return start + DatasetName.mask.utf8.count }
        }
        add(start..<end, secret: value)
        if unescaped != value { secrets.append(String(decoding: unescaped, as: UTF8.self)) }
        return end
    }

    /// Whether a value is the mask itself, as in text already in public form, maybe with the
    /// punctuation sanse writes after a name (`name: message`): left as it is, so that masking
    /// twice changes nothing. (A password of three asterisks and one such mark is shown.)
    private func isMask(_ value: [UInt8]) -> Bool {
        let mask = Array(DatasetName.mask.utf8)
        guard value.starts(with: mask) else { return false }
        return value.count == mask.count || (value.count == mask.count + 1 && ":;,.)".utf8.contains(value.last!))
    }

    private mutating func add(_ range: Range<Int>, secret: some Collection<UInt8>) {
        masked.append(range)
        if !secret.isEmpty { secrets.append(String(decoding: secret, as: UTF8.self)) }
    }

    /// How the value of a key at `keyStart` ends: by the query string it is in, else by the
    /// kind of connection string it is in (the nearest prefix before it), else as in prose.
    private func syntax(ofKeyAt keyStart: Int) -> ListSyntax {
        if keyStart > 0, bytes[keyStart - 1] == UInt8(ascii: "?") || bytes[keyStart - 1] == UInt8(ascii: "&") {
            return .urlQuery
        }
        var nearest: (position: Int, syntax: ListSyntax)?
        for (prefix, syntax) in Self.listPrefixes {
            for start in occurrences(of: prefix, caseInsensitive: true) where start < keyStart && isWordStart(start) {
                if nearest.map({ start > $0.position }) ?? true { nearest = (start, syntax) }
            }
        }
        return nearest?.syntax ?? .prose
    }

    private func ends(_ byte: UInt8, _ syntax: ListSyntax) -> Bool {
        switch syntax {
        case .spaceSeparated: isWhitespace(byte)
        case .semicolonSeparated: byte == UInt8(ascii: ";") || isLineBreak(byte)
        case .commaSeparated: byte == UInt8(ascii: ",") || isLineBreak(byte)
        case .urlQuery: byte == UInt8(ascii: "&") || byte == UInt8(ascii: "#") || isWhitespace(byte) || isQuote(byte)
        case .prose: isWhitespace(byte) || isQuote(byte) || ";&,)".utf8.contains(byte)
        }
    }

    // MARK: - Bytes

    private func occurrences(of pattern: [UInt8], caseInsensitive: Bool) -> [Int] {
        guard bytes.count >= pattern.count else { return [] }
        let fold = { (byte: UInt8) in caseInsensitive && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
        return (0...bytes.count - pattern.count).filter { start in
            pattern.indices.allSatisfy { fold(bytes[start + $0]) == fold(pattern[$0]) }
        }
    }

    /// Not inside a longer word: `ODBC:` in `DB2ODBC:` is not a start.
    private func isWordStart(_ index: Int) -> Bool {
        index == 0 || !isAlphanumeric(bytes[index - 1])
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private func isKeyByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// A byte of the `user` in `user/password@`: anything else ends it, and only `/` makes
    /// what follows a password.
    private func isUserNameByte(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !isQuote(byte) && !"/@,:;=".utf8.contains(byte)
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    private func isWhitespace(_ byte: UInt8) -> Bool { isBlank(byte) || isLineBreak(byte) }
    private func isQuote(_ byte: UInt8) -> Bool { "'\"`".utf8.contains(byte) }
}
