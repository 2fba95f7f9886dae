import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey
import Yams

/// How one batch run ended.
public struct BatchOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Finished; no data problems.
        case ok
        /// Finished; problems reported in its issues.csv.
        case okWithIssues = "ok_with_issues"
        /// Inputs, config and tool unchanged since the last run: not run again.
        case skipped
        case failed
    }

    public var name: String
    public var status: Status
    public var message: String
    public var outputFolder: String?
    public var seconds: Double
}
