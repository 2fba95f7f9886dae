/// A key holding a value, with its full path and its place in run.json: the schema as a flat
/// list, for the manifest, the fuzz grammar, the invariants and the tests.
public struct ConfigEntry: Sendable {
    /// The dotted path in the config file: `sizing.renovation_min_mu.large`.
    public let path: String
    public let value: ConfigValue
    /// Where run.json records the value; nil where its section is left out.
    public let manifestLocation: ManifestLocation?
}

/// Where run.json's config object holds a value.
public enum ManifestLocation: Sendable, Equatable {
    /// A member of the config object: `gapM` (written `gap_m`).
    case member(String)
    /// A key of an object member: `checks` → `far_max`.
    case inObject(String, key: String, numbersAsText: Bool)
}

extension ConfigSchema {
    public static let entries: [ConfigEntry] = keys.flatMap { entries(of: $0, parentPath: "", section: nil) }

    /// Every word of the config's syntax: the keys at every level, the rules' words and the
    /// values a choice accepts.
    public static let vocabulary: [String] = {
        func names(_ key: ConfigKey) -> [String] {
            guard case .mapping(let keys) = key.content else { return [key.name] }
            return [key.name] + keys.flatMap(names)
        }
        let choices = entries.flatMap { entry -> [String] in
            switch entry.value.kind {
            case .choice(let words), .choicePerName(let words): words
            default: []
            }
        }
        var seen = Set<String>()
        return (keys.flatMap(names) + RuleSyntax.vocabulary + choices).filter { seen.insert($0).inserted }
    }()

    /// What in `config` the reader would have refused: numbers out of their range and rules
    /// across a section's keys that do not hold. Empty for any config the reader produced.
    public static func problems(in config: Config) -> [String] {
        let ranges = entries.compactMap { entry -> String? in
            guard case .number(let minimum, let maximum) = entry.value.kind,
                  case .number(let number) = entry.value.manifest(config) else { return nil }
            let inRange = number.isFinite && number >= (minimum ?? -.infinity) && number <= (maximum ?? .infinity)
            return inRange ? nil : "\(entry.path) is out of its range: \(number)"
        }
        let sectionRules = keys.compactMap { key in key.sectionCheck.flatMap { $0.holds(config) ? nil : $0.problem } }
        return ranges + sectionRules
    }

    private static func entries(of key: ConfigKey, parentPath: String,
                                section: (name: String, manifest: SectionManifest)?) -> [ConfigEntry] {
        let path = parentPath.isEmpty ? key.name : "\(parentPath).\(key.name)"
        switch key.content {
        case .mapping(let children):
            let section = section ?? key.sectionManifest.map { (key.name, $0) }
            return children.flatMap { entries(of: $0, parentPath: path, section: section) }
        case .value(let value):
            return [ConfigEntry(path: path, value: value, manifestLocation: location(of: key, path, in: section))]
        }
    }

    private static func location(of key: ConfigKey, _ path: String,
                                 in section: (name: String, manifest: SectionManifest)?) -> ManifestLocation? {
        switch section?.manifest {
        case .object(let object, let numbersAsText):
            let pathInSection = String(path.dropFirst(section!.name.count + 1))
            return .inObject(object, key: pathInSection, numbersAsText: numbersAsText)
        case .omitted:
            return nil
        case .keysAsMembers, nil:
            guard let member = key.manifestMember else {
                preconditionFailure("\(path): a key written as a member of run.json's config needs manifestMember")
            }
            return .member(member)
        }
    }
}
