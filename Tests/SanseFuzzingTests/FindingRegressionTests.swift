import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
import SanseFuzzing
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

/// One test per fuzzing finding, on the input that found it (Fuzz/regressions/<target>/),
/// checking the fixed behaviour. `LoadingHarnessTests` also replays every file there.
@Suite("Fuzzing findings")
struct FindingRegressionTests {
    private func outcome(_ target: FuzzTarget, _ name: String, fullRun: Bool = false) throws -> HarnessOutcome {
        try LoadingHarness(target: target, fullRun: fullRun).run(FuzzCorpus.regression(target, name))
    }

    /// GeoJSON properties differing only in case (`Tag`, `tag`) or differing from one of
    /// sanse's own columns only in case (`Category`) loaded, then failed the whole run in the
    /// GeoPackage after the analysis: SQLite column names ignore case.
    @Test func propertyNamesDifferingInCaseReachEveryOutput() throws {
        let fields = ["宗地编号", "Tag", "tag", "Category", "Parcel_ID"]
            .map { FieldDefinition(name: $0, type: .string) }
        #expect(FeatureProperties.sourceNames(fields)
            == ["宗地编号", "Tag", "source_tag", "source_Category", "source_Parcel_ID"])
        guard case .accepted = try outcome(.parcels, "property-names-differing-in-case.geojson", fullRun: true) else {
            Issue.record("the survey must load")
            return
        }
    }

    /// `contiguity.gap_m: 1e300` passed the config reader; the analysis then failed in GEOS's
    /// buffer ("TopologyException: depth mismatch") naming neither the file nor the setting.
    @Test func hugeContiguityGapIsRefusedWithTheConfigLine() throws {
        guard case .rejected(let message) = try outcome(.config, "huge-gap.yml", fullRun: true) else {
            Issue.record("a 1e300 m gap must be refused")
            return
        }
        #expect(message.hasSuffix("sanse.yml:1: contiguity.gap_m: must be at most 10000.0"), "\(message)")
        #expect(try ConfigReader.parse("contiguity: {gap_m: 10000}").contiguity.gapMetres == 10_000)
    }
}
