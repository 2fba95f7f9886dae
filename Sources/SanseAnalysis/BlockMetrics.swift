import Foundation
import SanseModel

/// The figures of one block that rules can test.
struct BlockMetrics: Sendable {
    var values: [Metric: Double]

    func value(_ metric: Metric) -> Double? { values[metric] }
}
