import Testing
import TestSupport
@testable import GeoKit

@Suite("Interpolated PROJ transforms for web output")
struct InterpolatingTransformerTests {
    /// Points over a Gauss–Krüger zone's county-sized area, at random sub-metre positions.
    private func points(_ count: Int, seed: UInt64) -> [Point2D] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Point2D(290_000 + generator.unit() * 130_000, 3_210_000 + generator.unit() * 170_000) }
    }

    @Test func agreesWithPROJFarBelowTheWebGrid() throws {
        let exact = try Transformer(from: "EPSG:4549", to: "EPSG:4326")
        let approximate = InterpolatingTransformer(exact, cellSize: 1000, tolerance: 1e-10)
        let input = points(20_000, seed: 1)
        var truth = input, modelled = input
        #expect(exact.transform(&truth).isEmpty)
        #expect(approximate.transform(&modelled).isEmpty)
        var worst = 0.0
        for (a, b) in zip(truth, modelled) { worst = max(worst, abs(a.x - b.x), abs(a.y - b.y)) }
        #expect(worst < 1e-10, "largest difference \(worst)° (the output grid is 1e-7°)")
        #expect(worst > 0, "the model is in use, not PROJ point by point")
    }

    @Test func aPointsAnswerDoesNotDependOnWhatCameBefore() throws {
        let input = points(2_000, seed: 2)
        let first = InterpolatingTransformer(try Transformer(from: "EPSG:4549", to: "EPSG:4326"), cellSize: 1000, tolerance: 1e-10)
        let second = InterpolatingTransformer(try Transformer(from: "EPSG:4549", to: "EPSG:4326"), cellSize: 1000, tolerance: 1e-10)
        var forward = input, backward = Array(input.reversed())
        first.transform(&forward)
        second.transform(&backward)
        #expect(forward == Array(backward.reversed()))
    }

    @Test func forgettingCellsChangesNoAnswer() throws {
        let input = points(3_000, seed: 4)
        let roomy = InterpolatingTransformer(try Transformer(from: "EPSG:4549", to: "EPSG:4326"), cellSize: 1000, tolerance: 1e-10)
        let forgetful = InterpolatingTransformer(try Transformer(from: "EPSG:4549", to: "EPSG:4326"), cellSize: 1000, tolerance: 1e-10,
                                                 maximumCells: 4)
        var kept = input, refitted = input
        roomy.transform(&kept)
        forgetful.transform(&refitted)
        #expect(kept == refitted)
    }

    @Test func whereTheModelCannotBeTrustedPROJAnswers() throws {
        let exact = try Transformer(from: "EPSG:4549", to: "EPSG:4326")
        // Cells so large that no quadratic fits them to the tolerance: every point goes to PROJ.
        let coarse = InterpolatingTransformer(exact, cellSize: 500_000, tolerance: 1e-10)
        let input = points(500, seed: 3)
        var truth = input, modelled = input
        exact.transform(&truth)
        coarse.transform(&modelled)
        #expect(truth == modelled)
    }

    @Test func pointsPROJCannotTransformAreReportedByIndex() throws {
        let approximate = InterpolatingTransformer(try Transformer(from: "EPSG:4326", to: "EPSG:4549"), cellSize: 0.01, tolerance: 1e-4)
        var mixed = [Point2D(121.0, 29.9), Point2D(.nan, 30), Point2D(121.1, 30.0), Point2D(121, 1e10)]
        let failed = approximate.transform(&mixed)
        #expect(failed == [1, 3])
        #expect(mixed[0].isFinite && mixed[2].isFinite)
    }
}
