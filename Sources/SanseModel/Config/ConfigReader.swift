import Foundation
import Yams

/// A config problem, naming the file and line so a planner can find it.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public let source: String
    public let line: Int?
    public let message: String

    package init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}

/// Reads sanse's YAML config over a base config: keys given replace the base's values, keys
/// left out keep them. The keys, their types and ranges are `ConfigSchema`'s; unknown keys,
/// wrong types, numbers out of range, unknown metrics and operators are errors.
public enum ConfigReader {
    public static func load(path: String, base: Config = .default) throws -> Config {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(source: path, line: nil, message: "cannot read the config file (\(error.localizedDescription))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(source: path, line: nil, message: "is not UTF-8 text; save the config as UTF-8")
        }
        return try parse(text, source: path, base: base)
    }

    public static func parse(_ yaml: String, source: String = "config", base: Config = .default) throws -> Config {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(source: source, line: yamlErrorLine(error), message: "not valid YAML: \(error)")
        }
        var config = base
        guard let root else { return config }
        try read(root, keys: ConfigSchema.keys, path: "", reader: NodeReader(source: source), into: &config)
        return config
    }

    /// Reads a mapping of the keys `keys` declare (at the top, the sections; `path` is empty),
    /// rejecting any other key.
    private static func read(_ node: Node, keys: [ConfigKey], path: String, reader: NodeReader,
                             into config: inout Config) throws {
        for (name, value) in try reader.mapping(node, keys: keys.map(\.name)) {
            guard let key = keys.first(where: { $0.name == name }) else { continue }
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            switch key.content {
            case .value(let declared):
                try declared.read(value, reader, keyPath, &config)
            case .mapping(let children):
                try read(value, keys: children, path: keyPath, reader: reader, into: &config)
            }
            if let check = key.sectionCheck, !check.holds(config) {
                throw reader.fail(value, check.problem)
            }
        }
    }

    /// The rules: an ordered list of `{category, any|all: [{metric, op, value}]}` (`RuleSyntax`).
    static func readRules(_ node: Node, _ reader: NodeReader) throws -> [ClassificationRule] {
        let categories = Category.allCases.map(\.rawValue).orList
        guard case .sequence(let items) = node else {
            throw reader.fail(node, "rules must be a list of {category, any|all: [...]}")
        }
        return try items.map { item in
            var category: Category?
            var mode = ClassificationRule.Mode.any
            var conditions: [RuleCondition] = []
            var modeSeen = false
            for (key, value) in try reader.mapping(item, keys: RuleSyntax.ruleKeys) {
                if key == RuleSyntax.categoryKey {
                    let text = try reader.string(value) ?? ""
                    guard let parsed = Category(rawValue: text) else {
                        throw reader.fail(value, "unknown category \"\(text)\"; use \(categories)")
                    }
                    category = parsed
                } else if let parsed = ClassificationRule.Mode(rawValue: key) {
                    if modeSeen { throw reader.fail(value, "a rule takes either any or all, not both") }
                    modeSeen = true
                    mode = parsed
                    conditions = try readConditions(value, reader)
                }
                // RuleSyntax.nameKey: a name is for people reading the file.
            }
            guard let category else { throw reader.fail(item, "a rule needs a category (\(categories))") }
            return ClassificationRule(category: category, mode: mode, conditions: conditions)
        }
    }

    private static func readConditions(_ node: Node, _ reader: NodeReader) throws -> [RuleCondition] {
        guard case .sequence(let items) = node else {
            throw reader.fail(node, "any/all must be a list of {metric, op, value}")
        }
        return try items.map { item in
            var metric: Metric?, op: ComparisonOperator?, value: Double?
            for (key, field) in try reader.mapping(item, keys: RuleSyntax.conditionKeys) {
                switch key {
                case RuleSyntax.metricKey:
                    let text = try reader.string(field) ?? ""
                    guard let parsed = Metric(rawValue: text) else {
                        let known = Metric.allCases.map(\.rawValue).joined(separator: ", ")
                        throw reader.fail(field, "unknown metric \"\(text)\"; known metrics: \(known)")
                    }
                    metric = parsed
                case RuleSyntax.operatorKey:
                    let text = try reader.string(field) ?? ""
                    guard let parsed = ComparisonOperator(rawValue: text) else {
                        let known = ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ")
                        throw reader.fail(field, "unknown operator \"\(text)\"; use one of \(known)")
                    }
                    op = parsed
                default:
                    // A flag metric's value may be written true or false.
                    if let flag = field.bool, field.float == nil { value = flag ? 1 : 0 } else { value = try reader.number(field) }
                }
            }
            guard let metric, let op, let value else {
                throw reader.fail(item, "a condition needs metric, op and value")
            }
            return RuleCondition(metric, op, value)
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}

/// Typed access to YAML nodes with errors that name the line.
package struct NodeReader {
    package let source: String

    package init(source: String) {
        self.source = source
    }

    func line(_ node: Node) -> Int? { node.mark?.line }

    package func fail(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(source: source, line: line(node), message: message)
    }

    /// The pairs of a mapping, rejecting keys not in `keys` (a typo must not pass silently).
    package func mapping(_ node: Node, keys: [String]) throws -> [(String, Node)] {
        if node.null != nil { return [] }
        guard case .mapping(let pairs) = node else { throw fail(node, "expected a mapping of \(keys.joined(separator: ", "))") }
        return try pairs.map { pair in
            guard let key = pair.key.string, keys.contains(key) else {
                throw fail(pair.key, "unknown key \"\(pair.key.string ?? "?")\"; expected one of \(keys.joined(separator: ", "))")
            }
            return (key, pair.value)
        }
    }

    /// A string, or nil for YAML null.
    package func string(_ node: Node) throws -> String? {
        if node.null != nil { return nil }
        guard case .scalar(let scalar) = node else { throw fail(node, "expected text") }
        return scalar.string
    }

    func stringList(_ node: Node) throws -> [String] {
        if case .sequence(let items) = node { return try items.compactMap { try string($0) } }
        return try string(node).map { [$0] } ?? []
    }

    func number(_ node: Node, atLeast minimum: Double? = nil, atMost maximum: Double? = nil) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw fail(node, "expected a number")
        }
        if let minimum, value < minimum { throw fail(node, "must be at least \(minimum)") }
        if let maximum, value > maximum { throw fail(node, "must be at most \(maximum)") }
        return value
    }
}
