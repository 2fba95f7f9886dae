import GeoKit
import SanseModel

/// What the output writers read: the run's findings and how to present them. The pipeline
/// fills it in; the writers know nothing of requests, fingerprints or command lines.
public struct OutputContent: Sendable {
    public var survey: Survey
    public var analysis: AnalysisResult
    /// Every issue of the run, loading's and the analysis's.
    public var issues: [SurveyIssue]
    public var config: Config
    /// The lon/lat systems of the web GeoJSON, WGS 84 first.
    public var webSystems: [WebCRS]
    public var workers: Int
    /// The maps' subtitle date: the config's survey date, else the inputs' newest month.
    public var surveyDate: String?
    /// The parcels input as the maps' source note names it.
    public var parcelsSourceName: String

    public init(
        survey: Survey, analysis: AnalysisResult, issues: [SurveyIssue], config: Config, webCopies: [WebCRS],
        workers: Int, surveyDate: String?, parcelsSourceName: String
    ) {
        self.survey = survey
        self.analysis = analysis
        self.issues = issues
        self.config = config
        webSystems = [.wgs84] + webCopies.filter { $0 != .wgs84 }
        self.workers = workers
        self.surveyDate = surveyDate
        self.parcelsSourceName = parcelsSourceName
    }
}
