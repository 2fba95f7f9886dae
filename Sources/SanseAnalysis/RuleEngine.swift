import Foundation
import SanseModel

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
        let value = metrics.value(condition.metric).map { condition.metric.text($0) } ?? "缺失"
        return "\(condition.metric.chinese) \(value) \(condition.op.rawValue) \(condition.metric.text(condition.value, threshold: true))"
    }

    /// For a fallback rule: the figures the earlier rules looked at.
    private static func otherwise(_ metrics: BlockMetrics, _ tested: [Metric]) -> String {
        guard !tested.isEmpty else { return "无规则条件" }
        let figures = tested.map { metric in "\(metric.chinese) \(metrics.value(metric).map { metric.text($0) } ?? "缺失")" }
        return "未满足前述规则条件（\(figures.joined(separator: "，"))）"
    }
}
