@testable import GeoKit
import TestSupport
import Testing

@Suite("STRtree")
struct STRtreeTests {
    @Test func strtreeReturnsExactlyTheIntersectingItems() {
        // A 10×10 grid of unit cells with 1-unit gaps, index = row * 10 + column.
        var boxes: [Envelope?] = []
        for row in 0..<10 {
            for column in 0..<10 {
                let x = Double(column * 2), y = Double(row * 2)
                boxes.append(Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1))
            }
        }
        boxes[55] = nil  // an empty geometry: never returned
        let tree = STRtree(envelopes: boxes, nodeCapacity: 4)
        #expect(tree.query(Envelope(minX: 2.5, minY: 2.5, maxX: 4.5, maxY: 4.5)) == [11, 12, 21, 22])
        #expect(tree.query(Envelope(minX: 3.5, minY: 3.5, maxX: 4.5, maxY: 4.5)) == [22])
        #expect(tree.query(Envelope(minX: 1, minY: 0, maxX: 2, maxY: 0)) == [0, 1])
        #expect(tree.query(Envelope(minX: 9.5, minY: 9.5, maxX: 11.5, maxY: 11.5)) == [])
        #expect(tree.query(Envelope(minX: -100, minY: -100, maxX: 100, maxY: 100)).count == 99)
        #expect(tree.envelope(of: 55) == nil)
    }

    @Test func strtreeAgreesWithBruteForceOnRandomBoxes() {
        var generator = SplitMix64(seed: 42)
        let boxes: [Envelope?] = (0..<5000).map { _ in
            let x = generator.unit() * 1000, y = generator.unit() * 1000
            return Envelope(minX: x, minY: y, maxX: x + generator.unit() * 20, maxY: y + generator.unit() * 20)
        }
        let tree = STRtree(envelopes: boxes)
        for _ in 0..<200 {
            let x = generator.unit() * 1000, y = generator.unit() * 1000
            let query = Envelope(minX: x, minY: y, maxX: x + 50, maxY: y + 30)
            let expected = boxes.indices.filter { boxes[$0]!.intersects(query) }
            #expect(tree.query(query) == expected)
        }
    }
}
