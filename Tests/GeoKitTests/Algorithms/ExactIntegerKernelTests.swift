import Testing
@testable import GeoKit

@Suite("Exact integer kernel")
struct ExactIntegerKernelTests {
    private typealias V = ExactIntegerKernel.Vertex

    @Test func orientationIsExactNearTheLimit() {
        let a = V(x: -(1 << 29), y: -(1 << 29)), b = V(x: 1 << 29, y: 1 << 29)
        #expect(ExactIntegerKernel.orientation(a, b, V(x: 0, y: 1)) == 1)
        #expect(ExactIntegerKernel.orientation(a, b, V(x: 1, y: 0)) == -1)
        #expect(ExactIntegerKernel.orientation(a, b, V(x: 7, y: 7)) == 0)
    }

    @Test func aZeroTurnIsAcceptedStraightOnButNotBack() {
        let a = V(x: 0, y: 0), b = V(x: 4, y: 2)
        #expect(ExactIntegerKernel.acceptsZeroTurn(a, b, V(x: 8, y: 4)))
        #expect(!ExactIntegerKernel.acceptsZeroTurn(a, b, V(x: 2, y: 1)))
        #expect(!ExactIntegerKernel.acceptsZeroTurn(a, b, V(x: -4, y: -2)))
    }
}
