import Foundation
import Testing
@testable import GeoKit

@Suite("GEOS contexts: one per thread")
struct GEOSContextTests {
    /// Irregular lon/lat polygons near 慈溪.
    static let polygons: [[Point2D]] = (0..<400).map { index in
        let cx = 121.2 + Double(index % 20) * 0.003, cy = 30.15 + Double(index / 20) * 0.003
        return (0..<7).map { k in
            let angle = Double(k) / 7 * 2 * .pi
            let radius = 0.0008 + 0.0004 * Double((index * 7 + k) % 5) / 5
            return Point2D(cx + radius * cos(angle), cy + radius * sin(angle))
        }
    }

    /// Projects, buffers and measures each polygon with whatever contexts this thread has.
    static func work(_ indices: Range<Int>) throws -> [Double] {
        let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        return try indices.map { index in
            let projected = try transformer.transform(try Geometry.polygon(exterior: polygons[index]))
            let grown = try projected.buffer(5)
            return try grown.area() + grown.intersection(projected).area()
        }
    }

    @Test func workersWithTheirOwnContextsAgreeWithASerialRun() throws {
        let serial = try Self.work(0..<Self.polygons.count)
        let workers = 4
        let chunk = Self.polygons.count / workers
        let results = Locked([Int: [Double]]())
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let areas = (try? Self.work(worker * chunk..<(worker + 1) * chunk)) ?? []
            results.withLock { $0[worker] = areas }
        }
        let parallel = (0..<workers).flatMap { worker in results.withLock { $0[worker] ?? [] } }
        #expect(parallel == serial)
        #expect(parallel.count == Self.polygons.count)
    }

    @Test func eachThreadHasItsOwnGEOSContext() {
        let contexts = Locked([Int: ObjectIdentifier]())
        // Threads stay alive until checked, so no context is freed and its address reused.
        let release = DispatchSemaphore(value: 0)
        let threads = (0..<3).map { index in
            Thread {
                let context = ObjectIdentifier(GEOSContext.current)
                contexts.withLock { $0[index] = context }
                release.wait()
            }
        }
        let main = ObjectIdentifier(GEOSContext.current)
        for thread in threads { thread.start() }
        while contexts.withLock({ $0.count }) < 3 { usleep(1000) }
        let seen = Set(contexts.withLock { $0.values })
        for _ in threads { release.signal() }
        #expect(seen.count == 3)
        #expect(!seen.contains(main))
        #expect(ObjectIdentifier(GEOSContext.current) == main, "a thread keeps its context")
    }
}
