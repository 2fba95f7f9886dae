import Foundation
@testable import GeoKit
import TestSupport
import Testing

@Suite("Ring simplicity: certain answers only")
struct RingSimplicityTests {
    /// Random small rings in Gauss–Krüger-sized coordinates, many of them self-crossing:
    /// whenever the quick test says valid, GEOS must say so too, and it should recognise most
    /// of the valid ones.
    @Test func neverCallsValidWhatGEOSCallsInvalid() throws {
        var generator = SplitMix64(seed: 20261202)
        var acceptedValid = 0, validSeen = 0
        for _ in 0..<3000 {
            let count = 3 + Int(generator.next() % 8)
            let cx = 40_500_000.0 + Double(generator.next() % 1000), cy = 3_300_000.0 + Double(generator.next() % 1000)
            var ring = (0..<count).map { _ in
                Point2D(cx + Double(generator.next() % 10_000) / 100, cy + Double(generator.next() % 10_000) / 100)
            }
            ring.append(ring[0])
            let wkt = "POLYGON ((" + ring.map { "\($0.x) \($0.y)" }.joined(separator: ", ") + "))"
            let geometry = try Geometry(wkt: wkt)
            let geosValid = geometry.isValid
            let quick = ring.withUnsafeBufferPointer { RingSimplicity.isCertainlyValidShell($0) }
            if quick { #expect(geosValid, "\(wkt)") }
            if geosValid { validSeen += 1 }
            if geosValid && quick { acceptedValid += 1 }
        }
        #expect(validSeen > 300)
        #expect(Double(acceptedValid) >= 0.95 * Double(validSeen), "\(acceptedValid) of \(validSeen)")
    }

    private static func ring(_ coordinates: [(Int, Int)]) -> [Point2D] {
        let points = coordinates.map { Point2D(Double($0.0), Double($0.1)) }
        return points + [points[0]]
    }

    private static func exact(_ ring: [Point2D]) -> Bool {
        ring.withUnsafeBufferPointer { points in
            RingSimplicity.isCertainlySimple(points, kernel: ExactIntegerKernel.self) {
                ExactIntegerKernel.Vertex(x: Int64($0.x), y: Int64($0.y))
            }
        }
    }

    private static func filtered(_ ring: [Point2D]) -> Bool {
        ring.withUnsafeBufferPointer { RingSimplicity.isCertainlyValidShell($0) }
    }

    /// The kernels differ in one rule: a vertex in the middle of a straight edge is accepted by
    /// the exact kernel and left to GEOS by the filtered one. Everything else is answered alike.
    @Test func theKernelsDifferOnlyOnStraightOnNeighbours() {
        let straightOn = Self.ring([(0, 0), (5, 0), (10, 0), (10, 10), (0, 10)])
        #expect(Self.exact(straightOn))
        #expect(!Self.filtered(straightOn))
        let cases: [(String, [Point2D], Bool)] = [
            ("square", Self.ring([(0, 0), (10, 0), (10, 10), (0, 10)]), true),
            ("repeated points", Self.ring([(0, 0), (10, 0), (10, 0), (10, 10), (0, 10), (0, 0)]), true),
            ("bow tie", Self.ring([(0, 0), (10, 10), (10, 0), (0, 10)]), false),
            ("spike back", Self.ring([(0, 0), (10, 0), (10, 10), (10, 20), (10, 10), (0, 10)]), false),
            ("touches itself", Self.ring([(0, 0), (10, 0), (5, 5), (10, 10), (0, 10), (5, 5)]), false),
            ("vertex on a segment", Self.ring([(0, 0), (10, 0), (10, 10), (0, 10), (5, 0)]), false),
            ("collapsed", Self.ring([(0, 0), (10, 0), (5, 0)]), false),
        ]
        for (name, ring, simple) in cases {
            #expect(Self.exact(ring) == simple, "\(name)")
            #expect(Self.filtered(ring) == simple, "\(name)")
        }
    }

    @Test func unclosedLongAndRefusedVerticesAreNotCertain() {
        var unclosed = Self.ring([(0, 0), (10, 0), (10, 10), (0, 10)])
        unclosed[unclosed.count - 1] = Point2D(1, 0)
        #expect(!Self.exact(unclosed) && !Self.filtered(unclosed))
        let circle = (0..<RingSimplicity.maximumPoints).map { k -> (Int, Int) in
            let angle = Double(k) / Double(RingSimplicity.maximumPoints) * 2 * .pi
            return (Int(1_000_000 * cos(angle)), Int(1_000_000 * sin(angle)))
        }
        #expect(!Self.exact(Self.ring(circle)), "one point over the limit")
        #expect(Self.exact(Self.ring(Array(circle.dropLast()))))
        let square = Self.ring([(0, 0), (10, 0), (10, 10), (0, 10)])
        let refused = square.withUnsafeBufferPointer { points in
            RingSimplicity.isCertainlySimple(points, kernel: ExactIntegerKernel.self) { _ in nil }
        }
        #expect(!refused)
    }
}
