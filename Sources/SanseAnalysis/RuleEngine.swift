import Foundation
import SanseModel

/// The figures of one block that rules can test.
struct BlockMetrics: Sendable {
    var values: [Metric: Double]

    func value(_ metric: Metric) -> Double? { values[metric] }
}

/// Evaluates the ordered rule list (SPEC semantics 9) and writes the reason sentence.
package enum RuleEngine {
    /// The category of the first matching rule and a Chinese sentence naming the rule and the
    /// figures that decided it. With no matching rule the block keeps `fallback`.
    static func classify(_ metrics: BlockMetrics, rules: [ClassificationRule], fallback: Category = .retain) -> (Category, String) {
        var testedMetrics: [Metric] = []
        for rule in rules {
            let matched = rule.conditions.filter { holds($0, metrics) }
            let fires = rule.conditions.isEmpty
                || (rule.mode == .any ? !matched.isEmpty : matched.count == rule.conditions.count)
            if fires {
                let because = rule.conditions.isEmpty
                    ? otherwise(metrics, testedMetrics)
                    : matched.map { describe($0, metrics) }.joined(separator: "，")
                return (rule.category, "\(rule.category.chinese)：\(because)")
            }
            for condition in rule.conditions where !testedMetrics.contains(condition.metric) {
                testedMetrics.append(condition.metric)
            }
        }
        return (fallback, "\(fallback.chinese)：\(otherwise(metrics, testedMetrics))")
    }

    /// A missing figure never satisfies a condition.
    static func holds(_ condition: RuleCondition, _ metrics: BlockMetrics) -> Bool {
        guard let value = metrics.value(condition.metric) else { return false }
        return condition.op.holds(value, condition.value)
    }

    /// e.g. `控制线内面积占比 12.3% < 50%`.
    static func describe(_ condition: RuleCondition, _ metrics: BlockMetrics) -> String {
        let value = metrics.value(condition.metric).map { format($0, condition.metric) } ?? "缺失"
        return "\(condition.metric.chinese) \(value) \(condition.op.rawValue) \(format(condition.value, condition.metric, threshold: true))"
    }

    /// For a fallback rule: the figures the earlier rules looked at.
    private static func otherwise(_ metrics: BlockMetrics, _ tested: [Metric]) -> String {
        guard !tested.isEmpty else { return "无规则条件" }
        let figures = tested.map { metric in "\(metric.chinese) \(metrics.value(metric).map { format($0, metric) } ?? "缺失")" }
        return "未满足前述规则条件（\(figures.joined(separator: "，"))）"
    }

    package static func format(_ value: Double, _ metric: Metric, threshold: Bool = false) -> String {
        if metric.isFlag { return value != 0 ? "是" : "否" }
        if metric.isShare {
            let percent = value * 100
            if threshold { return trimmed(percent) + "%" }
            return String(format: "%.1f%%", percent)
        }
        switch metric {
        case .far: return threshold ? trimmed(value) : String(format: "%.2f", value)
        case .parcelCount: return String(Int(value))
        default: return threshold ? trimmed(value) : String(format: "%.1f", value)
        }
    }

    /// A threshold as written in the config: 0.5 → 0.5, 1.0 → 1, 50.0 → 50.
    private static func trimmed(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%g", value)
    }
}
