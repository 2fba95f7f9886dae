/// Writes a config as commented YAML, laid out from `ConfigSchema`: a blank line between
/// sections, each comment at column 30 (its further lines below, on the lines of keys without
/// a comment of their own where there is room), the rules' explanation above them.
struct ConfigYAMLWriter {
    static let commentColumn = 30
    /// Space between a line that reaches the comment column and its comment.
    static let commentGap = 3

    private var lines: [String] = []
    /// Further lines of the last comment, still to be placed.
    private var pendingComment: [String] = []

    static func yaml(for config: Config) -> String {
        var writer = ConfigYAMLWriter()
        writer.lines = ConfigSchema.header.map { "# \($0)" } + [""]
        for (index, key) in ConfigSchema.keys.enumerated() {
            if index > 0 { writer.lines.append("") }
            writer.write(key, indent: "", config: config)
            writer.flushComment()
        }
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func write(_ key: ConfigKey, indent: String, config: Config) {
        if let comment = key.comment, comment.placement == .aboveKey {
            flushComment()
            lines += comment.lines.map { "\(indent)# \($0)" }
        }
        let trailing = key.comment?.placement == .afterKey ? key.comment : nil
        switch key.content {
        case .mapping(let keys):
            line("\(indent)\(key.name):", comment: trailing, column: key.commentColumn)
            for child in keys { write(child, indent: indent + "  ", config: config) }
        case .value(let value):
            switch value.yaml(config) {
            case .inline(let text):
                line("\(indent)\(key.name): \(text)", comment: trailing, column: key.commentColumn)
            case .block(let block):
                line("\(indent)\(key.name):", comment: trailing, column: key.commentColumn)
                flushComment()
                lines += block.map { "\(indent)  \($0)" }
            }
        }
    }

    private mutating func line(_ text: String, comment: ConfigComment?, column: Int?) {
        if let comment, let first = comment.lines.first {
            flushComment()
            lines.append(Self.padded(text, to: column ?? Self.commentColumn) + "# \(first)")
            pendingComment = Array(comment.lines.dropFirst())
        } else if !pendingComment.isEmpty, text.count < Self.commentColumn {
            lines.append(Self.padded(text, to: Self.commentColumn) + "# \(pendingComment.removeFirst())")
        } else {
            flushComment()
            lines.append(text)
        }
    }

    private mutating func flushComment() {
        lines += pendingComment.map { Self.padded("", to: Self.commentColumn) + "# \($0)" }
        pendingComment = []
    }

    /// `text` padded to `column`, or followed by `commentGap` spaces if it reaches the column.
    /// Columns are counted in characters, as the default YAML always was.
    private static func padded(_ text: String, to column: Int) -> String {
        text + String(repeating: " ", count: text.count < column ? column - text.count : commentGap)
    }
}

/// YAML spellings of values, read back by `ConfigReader` to the same value.
enum YAMLText {
    /// `30` for whole numbers, else Swift's shortest exact form (`0.95`, `1e-07`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Plain where YAML reads the text back unchanged in a block or a flow (`[…]`, `{…}`),
    /// else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlain(text) ? text : quoted(text)
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    static func mapping(_ pairs: [(key: String, value: String)]) -> String {
        "{" + pairs.map { "\(scalar($0.key)): \(scalar($0.value))" }.joined(separator: ", ") + "}"
    }

    /// Texts YAML would read as null, or whose first character starts other syntax.
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`")
    private static let flowIndicators = Set(",[]{}")

    private static func isPlain(_ text: String) -> Bool {
        guard !nullWords.contains(text), let first = text.first, let last = text.last,
              !indicators.contains(first), !first.isWhitespace, !last.isWhitespace, last != ":" else { return false }
        return !text.contains(": ") && !text.contains(" #") && !text.contains(where: flowIndicators.contains)
            && !text.unicodeScalars.contains(where: needsEscape)
    }

    /// Control characters, line and paragraph separators and the byte-order mark.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar):
                out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
