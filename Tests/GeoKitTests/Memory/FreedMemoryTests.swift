import Testing
@testable import GeoKit

@Suite("Handing freed memory back")
struct FreedMemoryTests {
    /// jemalloc (release builds) or glibc (debug builds): either way the call is found, and
    /// it can be made at any time, from any thread, with work going on beside it.
    @Test func theAllocatorsCallIsFoundAndSafeToMakeWhileOthersAllocate() throws {
        #expect(FreedMemory.isSupported)
        let sums = try Parallel.mapChunks(count: 64, workers: 4, minimumChunk: 1) { range in
            range.map { index -> Int in
                let block = [Int](repeating: index, count: 100_000)
                FreedMemory.returnToSystem()
                return block.reduce(0, +)
            }
        }.flatMap { $0 }
        #expect(sums == (0..<64).map { $0 * 100_000 })
    }
}
