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
/// left out keep them. Unknown keys, wrong types, unknown metrics and operators are errors.
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
        let reader = NodeReader(source: source)
        for (key, value) in try reader.mapping(root, keys: ["survey", "crs", "layers", "fields", "join", "contiguity", "line_check", "sizing", "checks", "viewer", "rules"]) {
            switch key {
            case "survey":
                for (key, value) in try reader.mapping(value, keys: ["name", "date"]) {
                    if key == "name" { config.surveyName = try reader.string(value) ?? config.surveyName }
                    if key == "date" { config.surveyDate = try reader.string(value) }
                }
            case "crs":
                for (key, value) in try reader.mapping(value, keys: ["analysis", "source"]) {
                    if key == "analysis" { config.analysisCRS = try reader.string(value) }
                    if key == "source" { config.sourceCRS = try reader.string(value) }
                }
            case "layers":
                for (key, value) in try reader.mapping(value, keys: ["parcels", "control_lines", "towns", "attributes"]) {
                    let name = try reader.string(value)
                    switch key {
                    case "parcels": config.layers.parcels = name
                    case "control_lines": config.layers.controlLines = name
                    case "towns": config.layers.towns = name
                    default: config.layers.attributes = name
                    }
                }
            case "fields":
                try readFields(value, reader, &config.fields)
            case "join":
                for (key, value) in try reader.mapping(value, keys: ["parcel_field", "table_field"]) {
                    if key == "parcel_field" { config.join.parcelField = try reader.string(value) }
                    if key == "table_field" { config.join.tableField = try reader.string(value) }
                }
            case "contiguity":
                for (_, value) in try reader.mapping(value, keys: ["gap_m"]) {
                    config.contiguity.gapMetres = try reader.number(value, atLeast: 0, atMost: Config.Contiguity.maximumGapMetres)
                }
            case "line_check":
                for (key, value) in try reader.mapping(value, keys: ["inside_min_share", "outside_max_share"]) {
                    let share = try reader.number(value, atLeast: 0, atMost: 1)
                    if key == "inside_min_share" { config.lineCheck.insideMinShare = share } else { config.lineCheck.outsideMaxShare = share }
                }
                if config.lineCheck.outsideMaxShare >= config.lineCheck.insideMinShare {
                    throw ConfigError(source: source, line: reader.line(value), message: "line_check.outside_max_share must be below inside_min_share")
                }
            case "sizing":
                try readSizing(value, reader, &config.sizing)
            case "checks":
                for (key, value) in try reader.mapping(value, keys: ["overlap_min_m2", "far_max", "far_from_data_km"]) {
                    let number = try reader.number(value, atLeast: 0)
                    switch key {
                    case "overlap_min_m2": config.checks.overlapMinSquareMetres = number
                    case "far_max": config.checks.farMax = number
                    default: config.checks.farFromDataKilometres = number
                    }
                }
            case "viewer":
                try readViewer(value, reader, &config.viewer)
            default:
                config.rules = try readRules(value, reader)
            }
        }
        return config
    }

    private static func readFields(_ node: Node, _ reader: NodeReader, _ fields: inout Config.FieldNames) throws {
        let keys = ["parcel_id", "town", "enterprise", "grade", "tax_per_mu", "far", "floor_area", "town_name", "town_size_class"]
        for (key, value) in try reader.mapping(node, keys: keys) {
            let names = try reader.stringList(value)
            switch key {
            case "parcel_id": fields.parcelID = names
            case "town": fields.town = names
            case "enterprise": fields.enterprise = names
            case "grade": fields.grade = names
            case "tax_per_mu": fields.taxPerMu = names
            case "far": fields.far = names
            case "floor_area": fields.floorArea = names
            case "town_name": fields.townName = names
            default: fields.townSizeClass = names
            }
        }
    }

    private static func readSizing(_ node: Node, _ reader: NodeReader, _ sizing: inout Config.Sizing) throws {
        for (key, value) in try reader.mapping(node, keys: ["cluster_min_ha", "renovation_min_mu", "default_town_class", "town_classes"]) {
            switch key {
            case "cluster_min_ha":
                sizing.clusterMinHectares = try reader.number(value, atLeast: 0)
            case "renovation_min_mu":
                for (size, minimum) in try reader.mapping(value, keys: ["large", "small"]) {
                    let mu = try reader.number(minimum, atLeast: 0)
                    if size == "large" { sizing.renovationMinMuLarge = mu } else { sizing.renovationMinMuSmall = mu }
                }
            case "town_classes":
                guard case .mapping(let pairs) = value else {
                    throw reader.fail(value, "town_classes must map town names to large or small")
                }
                for pair in pairs {
                    let name = try reader.string(pair.key) ?? ""
                    let text = try reader.string(pair.value) ?? ""
                    guard let sizeClass = TownSizeClass(text: text) else {
                        throw reader.fail(pair.value, "the class of \(name) must be large or small (大镇/小镇), got \"\(text)\"")
                    }
                    sizing.townClasses[name] = sizeClass
                }
            default:
                let text = try reader.string(value) ?? ""
                guard let sizeClass = TownSizeClass(text: text) else {
                    throw ConfigError(source: reader.source, line: reader.line(value), message: "default_town_class must be large or small (大镇/小镇), got \"\(text)\"")
                }
                sizing.defaultTownClass = sizeClass
            }
        }
    }

    private static func readRules(_ node: Node, _ reader: NodeReader) throws -> [ClassificationRule] {
        guard case .sequence(let items) = node else {
            throw ConfigError(source: reader.source, line: reader.line(node), message: "rules must be a list of {category, any|all: [...]}")
        }
        return try items.map { item in
            var category: Category?
            var mode = ClassificationRule.Mode.any
            var conditions: [RuleCondition] = []
            var modeSeen = false
            for (key, value) in try reader.mapping(item, keys: ["category", "any", "all", "name"]) {
                switch key {
                case "category":
                    let text = try reader.string(value) ?? ""
                    guard let parsed = Category(rawValue: text) else {
                        throw ConfigError(source: reader.source, line: reader.line(value), message: "unknown category \"\(text)\"; use retain, renew or exit")
                    }
                    category = parsed
                case "any", "all":
                    if modeSeen {
                        throw ConfigError(source: reader.source, line: reader.line(value), message: "a rule takes either any or all, not both")
                    }
                    modeSeen = true
                    mode = key == "any" ? .any : .all
                    conditions = try readConditions(value, reader)
                default:
                    break  // a name is for people reading the file
                }
            }
            guard let category else {
                throw ConfigError(source: reader.source, line: reader.line(item), message: "a rule needs a category (retain, renew or exit)")
            }
            return ClassificationRule(category: category, mode: mode, conditions: conditions)
        }
    }

    private static func readConditions(_ node: Node, _ reader: NodeReader) throws -> [RuleCondition] {
        guard case .sequence(let items) = node else {
            throw ConfigError(source: reader.source, line: reader.line(node), message: "any/all must be a list of {metric, op, value}")
        }
        return try items.map { item in
            var metric: Metric?, op: ComparisonOperator?, value: Double?
            for (key, field) in try reader.mapping(item, keys: ["metric", "op", "value"]) {
                switch key {
                case "metric":
                    let text = try reader.string(field) ?? ""
                    guard let parsed = Metric(rawValue: text) else {
                        let known = Metric.allCases.map(\.rawValue).joined(separator: ", ")
                        throw ConfigError(source: reader.source, line: reader.line(field), message: "unknown metric \"\(text)\"; known metrics: \(known)")
                    }
                    metric = parsed
                case "op":
                    let text = try reader.string(field) ?? ""
                    guard let parsed = ComparisonOperator(rawValue: text) else {
                        let known = ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ")
                        throw ConfigError(source: reader.source, line: reader.line(field), message: "unknown operator \"\(text)\"; use one of \(known)")
                    }
                    op = parsed
                default:
                    if let flag = field.bool, field.float == nil { value = flag ? 1 : 0 } else { value = try reader.number(field) }
                }
            }
            guard let metric, let op, let value else {
                throw ConfigError(source: reader.source, line: reader.line(item), message: "a condition needs metric, op and value")
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
