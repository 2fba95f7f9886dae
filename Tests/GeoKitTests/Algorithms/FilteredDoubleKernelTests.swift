import Testing
@testable import GeoKit

@Suite("Filtered double kernel")
struct FilteredDoubleKernelTests {
    @Test func orientationIsOnlyTrustedWhenRoundingCannotHaveDecidedIt() {
        let a = Point2D(0, 0), b = Point2D(1, 1)
        #expect(FilteredDoubleKernel.orientation(a, b, Point2D(0, 1)) == 1)
        #expect(FilteredDoubleKernel.orientation(a, b, Point2D(1, 0)) == -1)
        #expect(FilteredDoubleKernel.orientation(a, b, Point2D(2, 2)) == 0)
        // Shewchuk's example: points within a few ulps of (0.5, 0.5) against (12, 12) and
        // (24, 24), where the plain double determinant gets signs wrong. A sign given must be
        // the exact one (integers in units of 2^-53); the rest must be left undecided.
        let unit = 0x1p-53
        var undecided = 0
        for i in 0..<64 {
            for j in 0..<64 {
                let a = Point2D(0.5 + Double(i) * unit, 0.5 + Double(j) * unit)
                let b = Point2D(12, 12), c = Point2D(24, 24)
                let ax = Int128(1 << 52 + i), ay = Int128(1 << 52 + j), bx = Int128(12) << 53, cx = Int128(24) << 53
                let exact = (ax - cx) * (bx - cx) - (ay - cx) * (bx - cx)
                let sign = FilteredDoubleKernel.orientation(a, b, c)
                if sign == 0 { undecided += 1 } else { #expect(Int128(sign) == exact.signum(), "i \(i) j \(j)") }
            }
        }
        #expect(undecided > 0)
    }

    @Test func aZeroTurnIsNeverAccepted() {
        #expect(!FilteredDoubleKernel.acceptsZeroTurn(Point2D(0, 0), Point2D(5, 0), Point2D(10, 0)))
    }
}
