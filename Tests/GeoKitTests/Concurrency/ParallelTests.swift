import Foundation
import Testing
@testable import GeoKit

@Suite("Parallel chunks and ordered items")
struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func chunkResultsComeBackInIndexOrder(workers: Int) throws {
        let chunks = try Parallel.mapChunks(count: 10_007, workers: workers, minimumChunk: 100) { range in
            range.map { $0 * 2 }
        }
        #expect(chunks.joined().elementsEqual((0..<10_007).map { $0 * 2 }))
        #expect(workers == 1 || chunks.count > 1)
    }

    @Test func aFailingChunkThrows() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try Parallel.mapChunks(count: 1000, workers: 2, minimumChunk: 10) { range in
                if range.contains(500) { throw Boom() }
                return range.count
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func orderedItemsComeBackByIndexWithOneStatePerWorker(workers: Int) {
        let order = (0..<500).reversed().map { $0 }
        let states = Locked(0)
        let results = Parallel.map(order: Array(order), workers: workers, worker: { () -> [Int] in
            states.withLock { $0 += 1 }
            return []
        }) { seen, index in
            seen.append(index)
            return (index * 3, seen.count)
        }
        #expect(results.map(\.0) == (0..<500).map { $0 * 3 })
        let stateCount = states.withLock { $0 }
        #expect(stateCount >= 1 && stateCount <= workers)
        // Each state starts empty and stays with one worker: as many first items as states used.
        let firsts = results.filter { $0.1 == 1 }.count
        #expect(firsts >= 1 && firsts <= stateCount)
        #expect(Parallel.map(order: [], workers: workers, worker: { 0 }) { _, index in index }.isEmpty)
    }

    @Test func aFailingItemThrows() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try Parallel.map(order: Array(0..<300), workers: 2, worker: { 0 }) { _, index in
                if index == 123 { throw Boom() }
                return index
            }
        }
        #expect(throws: Boom.self) {
            let failing: @Sendable () throws -> Int = { throw Boom() }
            _ = try Parallel.map(order: Array(0..<300), workers: 2, worker: failing) { _, index in index }
        }
    }

    @Test func workersUseGEOSConcurrently() throws {
        let areas = try Parallel.mapChunks(count: 2000, workers: 2, minimumChunk: 50) { range in
            try range.map { try Geometry.point(Point2D(Double($0), 0)).buffer(Double($0 % 7 + 1)).area() }
        }.joined()
        let serial = try (0..<2000).map { try Geometry.point(Point2D(Double($0), 0)).buffer(Double($0 % 7 + 1)).area() }
        #expect(Array(areas) == serial)
    }
}
