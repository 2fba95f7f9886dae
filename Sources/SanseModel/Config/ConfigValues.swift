import Yams

/// Where in `Config` a key's value lives.
typealias ConfigKeyPath<Value> = WritableKeyPath<Config, Value> & Sendable

/// The kinds of value a config key can hold, each over a key path into `Config`: how it is
/// read (type and range checked, errors naming the key), written to YAML and to run.json.
extension ConfigValue {
    /// A finite number within the bounds given.
    static func number(_ keyPath: ConfigKeyPath<Double>,
                       atLeast minimum: Double? = nil, atMost maximum: Double? = nil) -> ConfigValue {
        ConfigValue(
            kind: .number(atLeast: minimum, atMost: maximum),
            read: { node, reader, key, config in
                config[keyPath: keyPath] = try reader.naming(key) {
                    try reader.number(node, atLeast: minimum, atMost: maximum)
                }
            },
            yaml: { .inline(YAMLText.number($0[keyPath: keyPath])) },
            manifest: { .number($0[keyPath: keyPath]) })
    }

    /// A text; null leaves the value as it was.
    static func text(_ keyPath: ConfigKeyPath<String>) -> ConfigValue {
        ConfigValue(
            kind: .text,
            read: { node, reader, key, config in
                if let text = try reader.naming(key, { try reader.string(node) }) { config[keyPath: keyPath] = text }
            },
            yaml: { .inline(YAMLText.scalar($0[keyPath: keyPath])) },
            manifest: { .text($0[keyPath: keyPath]) })
    }

    /// A text, or null for none.
    static func optionalText(_ keyPath: ConfigKeyPath<String?>) -> ConfigValue {
        ConfigValue(
            kind: .optionalText,
            read: { node, reader, key, config in
                config[keyPath: keyPath] = try reader.naming(key) { try reader.string(node) }
            },
            yaml: { .inline($0[keyPath: keyPath].map(YAMLText.scalar) ?? "null") },
            manifest: { $0[keyPath: keyPath].map(ManifestValue.text) ?? .null })
    }

    /// Candidate names, tried in order: one name or a list.
    static func names(_ keyPath: ConfigKeyPath<[String]>) -> ConfigValue {
        ConfigValue(
            kind: .names,
            read: { node, reader, key, config in
                config[keyPath: keyPath] = try reader.naming(key) { try reader.stringList(node) }
            },
            yaml: { .inline(YAMLText.list($0[keyPath: keyPath])) },
            manifest: { .texts($0[keyPath: keyPath]) })
    }

    /// 大镇 or 小镇, in any of the spellings `TownSizeClass(text:)` accepts.
    static func townSizeClass(_ keyPath: ConfigKeyPath<TownSizeClass>) -> ConfigValue {
        ConfigValue(
            kind: .choice(TownSizeClass.allCases.map(\.rawValue)),
            read: { node, reader, key, config in
                config[keyPath: keyPath] = try reader.naming(key) {
                    let text = try reader.string(node) ?? ""
                    guard let sizeClass = TownSizeClass(text: text) else {
                        throw reader.fail(node, "must be \(TownSizeClass.spellings), got \"\(text)\"")
                    }
                    return sizeClass
                }
            },
            yaml: { .inline($0[keyPath: keyPath].rawValue) },
            manifest: { .text($0[keyPath: keyPath].rawValue) })
    }

    /// Town names mapped to 大镇 or 小镇; the names given are added to those already known.
    static func townSizeClasses(_ keyPath: ConfigKeyPath<[String: TownSizeClass]>) -> ConfigValue {
        let classes = TownSizeClass.allCases.map(\.rawValue)
        return ConfigValue(
            kind: .choicePerName(classes),
            read: { node, reader, key, config in
                try reader.naming(key) {
                    guard case .mapping(let pairs) = node else {
                        throw reader.fail(node, "must map town names to \(classes.orList)")
                    }
                    for pair in pairs {
                        let name = try reader.string(pair.key) ?? ""
                        let text = try reader.string(pair.value) ?? ""
                        guard let sizeClass = TownSizeClass(text: text) else {
                            let problem = "the class of \(name) must be \(TownSizeClass.spellings), got \"\(text)\""
                            throw reader.fail(pair.value, problem)
                        }
                        config[keyPath: keyPath][name] = sizeClass
                    }
                }
            },
            yaml: { config in
                let pairs = config[keyPath: keyPath].sorted { $0.key < $1.key }
                return .inline(YAMLText.mapping(pairs.map { ($0.key, $0.value.rawValue) }))
            },
            manifest: { config in
                let pairs = config[keyPath: keyPath].sorted { $0.key < $1.key }
                return .text(pairs.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ";"))
            })
    }

    /// The ordered rule list. Its errors name the rule's own words (metric, operator, category)
    /// rather than the key.
    static func rules(_ keyPath: ConfigKeyPath<[ClassificationRule]>) -> ConfigValue {
        ConfigValue(
            kind: .rules,
            read: { node, reader, _, config in config[keyPath: keyPath] = try ConfigReader.readRules(node, reader) },
            yaml: { .block(RuleSyntax.yamlLines($0[keyPath: keyPath])) },
            manifest: { .texts($0[keyPath: keyPath].map(RuleSyntax.summary)) })
    }
}

extension TownSizeClass {
    /// `large or small (大镇/小镇)`, as errors name the accepted values.
    static var spellings: String {
        "\(allCases.map(\.rawValue).orList) (\(allCases.map(\.chinese).joined(separator: "/")))"
    }
}

extension Array<String> {
    /// `a, b or c`.
    var orList: String {
        count < 2 ? joined() : dropLast().joined(separator: ", ") + " or " + last!
    }
}

extension NodeReader {
    /// Runs `body`, prefixing the message of a config error it throws with the key's path, so
    /// that `gap_m: 1e300` is refused as `contiguity.gap_m: must be at most 10000.0`.
    func naming<Value>(_ key: String, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as ConfigError {
            throw ConfigError(source: error.source, line: error.line, message: "\(key): \(error.message)")
        }
    }
}
