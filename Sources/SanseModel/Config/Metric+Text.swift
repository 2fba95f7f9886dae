import Foundation

extension Metric {
    /// A figure as the reason sentences, tables and map labels print it: shares as percent,
    /// flags as 是/否, FAR with two decimals. A threshold prints as written in the config:
    /// 0.5 → 0.5, 1.0 → 1, 50.0 → 50.
    package func text(_ value: Double, threshold: Bool = false) -> String {
        if isFlag { return value != 0 ? "是" : "否" }
        if isShare {
            let percent = value * 100
            if threshold { return Self.trimmed(percent) + "%" }
            return String(format: "%.1f%%", percent)
        }
        switch self {
        case .far: return threshold ? Self.trimmed(value) : String(format: "%.2f", value)
        case .parcelCount: return String(Int(value))
        default: return threshold ? Self.trimmed(value) : String(format: "%.1f", value)
        }
    }

    private static func trimmed(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%g", value)
    }
}
