import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// What a run found and wrote.
public struct RunReport: Sendable {
    public var survey: Survey
    public var analysis: AnalysisResult
    public var issues: [SurveyIssue]
    public var timings: StageTimings
    /// The finished output folder (nil for `check`).
    public var outputFolder: String?
    public var outputs: [String]

    /// Repaired, skipped or suspicious features: such a run exits with code 1.
    public var hasProblems: Bool { issues.contains { $0.severity >= .warning } }
}
