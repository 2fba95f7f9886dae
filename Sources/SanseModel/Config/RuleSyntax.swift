/// How the rules are written in the config: `[{category, any|all: [{metric, op, value}]}]`.
/// The words come from here and from `Category`, `ClassificationRule.Mode`, `Metric` and
/// `ComparisonOperator`, for the reader (ConfigReader.swift), the default YAML, run.json and
/// the fuzz grammar.
public enum RuleSyntax {
    static let categoryKey = "category"
    /// A rule's name is for people reading the file; the reader accepts and ignores it.
    static let nameKey = "name"
    static let metricKey = "metric"
    static let operatorKey = "op"
    static let valueKey = "value"

    static var ruleKeys: [String] { [categoryKey] + ClassificationRule.Mode.allCases.map(\.rawValue) + [nameKey] }
    static var conditionKeys: [String] { [metricKey, operatorKey, valueKey] }

    /// Every word a rule can hold: its keys, categories, modes, metrics and operators.
    public static var vocabulary: [String] {
        ruleKeys + conditionKeys + Category.allCases.map(\.rawValue) + Metric.allCases.map(\.rawValue)
            + ComparisonOperator.allCases.map(\.rawValue)
    }

    /// The explanation above `rules:` in the default YAML.
    static var comment: ConfigComment {
        let categories = Category.allCases.map { "\($0.rawValue) (\($0.chinese), \($0.chineseColourName))" }
        let modes = ClassificationRule.Mode.allCases.map(\.rawValue).joined(separator: " / ")
        let metrics = wrapped("\(metricKey): ", Metric.allCases.map(\.rawValue), width: 98)  // 100 with the "# "
        return ConfigComment(lines: [
            "三色规则: 按顺序, 第一条满足的规则决定区块类别; 缺失的指标永不满足条件.",
            "Three-colour rules: in order, the first rule that matches decides; a missing figure never matches.",
            "\(categoryKey): " + categories.joined(separator: " | "),
            "\(modes): 条件任一 / 全部满足. 无条件的规则总是满足 (兜底).",
        ] + metrics + [
            "\(operatorKey): " + ComparisonOperator.allCases.map(\.rawValue).joined(separator: ", "),
        ], placement: .aboveKey)
    }

    /// The rules as YAML block lines: `- category: exit`, `  any:`, `    - {metric: …}`.
    static func yamlLines(_ rules: [ClassificationRule]) -> [String] {
        rules.flatMap { rule -> [String] in
            let head = "- \(categoryKey): \(rule.category.rawValue)"
            if rule.conditions.isEmpty {
                return rule.mode == .any ? [head] : [head, "  \(rule.mode.rawValue): []"]
            }
            return [head, "  \(rule.mode.rawValue):"] + rule.conditions.map { condition in
                "    - {\(metricKey): \(condition.metric.rawValue), \(operatorKey): \"\(condition.op.rawValue)\", "
                    + "\(valueKey): \(condition.value)}"
            }
        }
    }

    /// A rule in one line, as run.json lists them: `renew if any(cd_share >= 0.5, far < 1.0)`.
    static func summary(_ rule: ClassificationRule) -> String {
        let conditions = rule.conditions.map { "\($0.metric.rawValue) \($0.op.rawValue) \($0.value)" }
        guard !conditions.isEmpty else { return rule.category.rawValue }
        return "\(rule.category.rawValue) if \(rule.mode.rawValue)(\(conditions.joined(separator: ", ")))"
    }

    /// `prefix` and the words, comma-separated, in lines of at most `width` characters; later
    /// lines indented under the first word.
    private static func wrapped(_ prefix: String, _ words: [String], width: Int) -> [String] {
        var lines = [prefix]
        for (index, word) in words.enumerated() {
            let item = index == words.count - 1 ? word : word + ","
            let separator = lines[lines.count - 1].hasSuffix(" ") ? "" : " "
            if lines[lines.count - 1].count + separator.count + item.count > width {
                lines.append(String(repeating: " ", count: prefix.count) + item)
            } else {
                lines[lines.count - 1] += separator + item
            }
        }
        return lines
    }
}
