import Yams

/// One key of the config file: its name, what it holds, and its comment in the default YAML.
/// `ConfigSchema.keys` declares every key once; the reader, the default YAML, run.json's
/// effective config and the fuzz grammar are all made from that table.
public struct ConfigKey: Sendable {
    public enum Content: Sendable {
        /// A key holding a value (a number, a text, a list of names, the rules).
        case value(ConfigValue)
        /// A key holding more keys (`sizing`, `renovation_min_mu`).
        case mapping([ConfigKey])
    }

    public let name: String
    public let content: Content
    public let comment: ConfigComment?
    /// Where the comment starts in the default YAML, when not at the usual column.
    let commentColumn: Int?
    /// A top-level mapping: where its keys go in run.json.
    let sectionManifest: SectionManifest?
    /// A key written as a member of run.json's config object (in a `.keysAsMembers` section,
    /// or at the top level): the member's name.
    let manifestMember: String?
    /// A rule across the keys of a section, checked once the section is read.
    let sectionCheck: SectionCheck?

    /// A top-level key holding a mapping of keys.
    static func section(_ name: String, _ comment: ConfigComment? = nil, manifest: SectionManifest,
                        check: SectionCheck? = nil, _ keys: [ConfigKey]) -> ConfigKey {
        ConfigKey(name: name, content: .mapping(keys), comment: comment, commentColumn: nil,
                  sectionManifest: manifest, manifestMember: nil, sectionCheck: check)
    }

    /// A mapping of keys inside a section.
    static func group(_ name: String, _ comment: ConfigComment? = nil, _ keys: [ConfigKey]) -> ConfigKey {
        ConfigKey(name: name, content: .mapping(keys), comment: comment, commentColumn: nil,
                  sectionManifest: nil, manifestMember: nil, sectionCheck: nil)
    }

    /// A key holding a value.
    static func key(_ name: String, _ value: ConfigValue, _ comment: ConfigComment? = nil,
                    manifestMember: String? = nil, commentColumn: Int? = nil) -> ConfigKey {
        ConfigKey(name: name, content: .value(value), comment: comment, commentColumn: commentColumn,
                  sectionManifest: nil, manifestMember: manifestMember, sectionCheck: nil)
    }
}

/// What a key holds and how it is checked: the reader's type and range, for people and tests.
public enum ConfigValueKind: Sendable, Equatable {
    /// A finite number, within the bounds given.
    case number(atLeast: Double?, atMost: Double?)
    /// A text; null keeps the value it had.
    case text
    /// A text, or null for none.
    case optionalText
    /// A name or a list of names.
    case names
    /// One of these words (or an alias the value type accepts).
    case choice([String])
    /// A mapping of names to one of these words, added to the names already given.
    case choicePerName([String])
    /// The ordered rule list (`RuleSyntax`).
    case rules
}

/// A key's value: its kind, and how it is read from YAML, written to YAML and recorded in
/// run.json. Made by the constructors in ConfigValues.swift, each over a key path into `Config`.
public struct ConfigValue: Sendable {
    public let kind: ConfigValueKind
    /// Reads the node into the config; `key` is the key's dotted path, for error messages.
    let read: @Sendable (_ node: Node, _ reader: NodeReader, _ key: String, _ config: inout Config) throws -> Void
    let yaml: @Sendable (Config) -> YAMLValue
    let manifest: @Sendable (Config) -> ManifestValue
}

/// A value as the YAML writer lays it out.
enum YAMLValue: Equatable {
    /// On the key's line: `gap_m: 30`.
    case inline(String)
    /// On the lines below the key, indented by two more spaces (the rules).
    case block([String])
}

/// A key's comment in the default YAML, in Chinese and English.
public struct ConfigComment: Sendable, Equatable, ExpressibleByStringLiteral {
    public enum Placement: Sendable, Equatable {
        /// At the comment column of the key's line; further lines below it.
        case afterKey
        /// On lines of their own above the key (a long explanation, as for the rules).
        case aboveKey
    }

    public let lines: [String]
    public let placement: Placement

    public init(lines: [String], placement: Placement = .afterKey) {
        self.lines = lines
        self.placement = placement
    }

    /// A comment written as it is, for one that mixes the languages: `占比 ≥ 此值为 "inside" (线内)`.
    public init(stringLiteral line: String) {
        self.init(lines: [line])
    }

    /// `中文 / English` on one line.
    static func bilingual(_ chinese: String, _ english: String) -> ConfigComment {
        ConfigComment(lines: ["\(chinese) / \(english)"])
    }

    /// The Chinese on the first line and the English on the lines below, for longer comments.
    static func stacked(_ chinese: String, _ english: String...) -> ConfigComment {
        ConfigComment(lines: [chinese] + english)
    }
}

/// Where a section's keys go in run.json's `config` object. Names are those run.json has
/// always had: the members are written as Swift names (`lineCheck`) because run.json's encoder
/// turns them into snake case (`line_check`) while the run's fingerprint hashes them as they are.
public enum SectionManifest: Sendable, Equatable {
    /// One member holding the section's keys by their path below it (`renovation_min_mu.large`);
    /// numbers written as text where `numbersAsText` (as `sizing` has always had them).
    case object(String, numbersAsText: Bool = false)
    /// Each key is a member of the config object itself, named by its `manifestMember`.
    case keysAsMembers
    /// Not in run.json, for the reason given.
    case omitted(because: String)
}

/// A rule across several keys of one section, e.g. `outside_max_share < inside_min_share`.
public struct SectionCheck: Sendable {
    /// The error when the rule does not hold, naming the keys.
    public let problem: String
    public let holds: @Sendable (Config) -> Bool

    init(_ problem: String, holds: @escaping @Sendable (Config) -> Bool) {
        self.problem = problem
        self.holds = holds
    }
}

/// A value in run.json's config object.
public enum ManifestValue: Sendable, Equatable, Encodable {
    case number(Double)
    case text(String)
    case texts([String])
    case null

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .texts(let texts): try container.encode(texts)
        case .null: try container.encodeNil()
        }
    }
}
