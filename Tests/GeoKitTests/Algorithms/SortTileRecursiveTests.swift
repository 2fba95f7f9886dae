@testable import GeoKit
import TestSupport
import Testing

@Suite("Sort-Tile-Recursive order")
struct SortTileRecursiveTests {
    private struct Box: SortTileRecursive.Item, Equatable {
        var id: Int64
        var centre: Point2D

        var tieBreak: Int64 { id }
    }

    /// A shuffled 10 × 10 grid in nodes of 4: 25 nodes, so 5 slices of 5 nodes (20 boxes) each.
    @Test func slicesByXThenNodesByY() {
        var generator = SplitMix64(seed: 7)
        var boxes = (0..<100).map { Box(id: Int64($0), centre: Point2D(Double($0 % 10), Double($0 / 10))) }
        boxes.shuffle(using: &generator)
        let nodes = SortTileRecursive.sort(&boxes, nodeCapacity: 4)
        #expect(nodes.count == 25)
        #expect(nodes.allSatisfy { $0.count == 4 })
        #expect(Set(boxes.map(\.id)) == Set(0..<100))
        for slice in 0..<5 {
            let members = boxes[(slice * 20)..<(slice * 20 + 20)]
            // The slice holds columns 2·slice and 2·slice + 1, bottom to top, left before right.
            #expect(Set(members.map { Int($0.centre.x) }) == [2 * slice, 2 * slice + 1])
            #expect(members.map(\.centre.y) == (0..<20).map { Double($0 / 2) })
            #expect(members.map(\.centre.x) == (0..<20).map { Double(2 * slice + $0 % 2) })
        }
    }

    @Test func aShortLastSliceAndNodeAndTiesByTieBreak() {
        var boxes = (0..<10).reversed().map { Box(id: Int64($0), centre: Point2D(0, 0)) }
        let nodes = SortTileRecursive.sort(&boxes, nodeCapacity: 4)
        #expect(nodes == [0..<4, 4..<8, 8..<10])
        #expect(boxes.map(\.id) == Array(0..<10))
        var none: [Box] = []
        #expect(SortTileRecursive.sort(&none, nodeCapacity: 4).isEmpty)
    }
}
