import Foundation
import Testing
@testable import GeoKit

/// Collects results from several threads.
private final class Results<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Value] = [:]
    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
    var all: [Int: Value] { lock.withLock { values } }
}


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
        let results = Results<[Double]>()
        let contexts = Results<ObjectIdentifier>()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            contexts.set(worker, ObjectIdentifier(GEOSContext.current))
            results.set(worker, (try? Self.work(worker * chunk..<(worker + 1) * chunk)) ?? [])
        }
        let parallel = (0..<workers).flatMap { results.all[$0] ?? [] }
        #expect(parallel == serial)
        #expect(parallel.count == Self.polygons.count)
    }

    @Test func eachThreadHasItsOwnGEOSContext() {
        let contexts = Results<ObjectIdentifier>()
        // Threads stay alive until checked, so no context is freed and its address reused.
        let release = DispatchSemaphore(value: 0)
        let threads = (0..<3).map { index in
            Thread {
                contexts.set(index, ObjectIdentifier(GEOSContext.current))
                release.wait()
            }
        }
        let main = ObjectIdentifier(GEOSContext.current)
        for thread in threads { thread.start() }
        while contexts.all.count < 3 { usleep(1000) }
        let seen = Set(contexts.all.values)
        for _ in threads { release.signal() }
        #expect(seen.count == 3)
        #expect(!seen.contains(main))
        #expect(ObjectIdentifier(GEOSContext.current) == main, "a thread keeps its context")
    }
}
