import Foundation

/// Wall time per pipeline stage, in the order the stages ran (written to run.json).
public struct StageTimings: Sendable, Equatable {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    /// Runs `body` and records its wall time under `name`.
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// Records a stage timed elsewhere (one that ran on a thread of its own).
    public mutating func record(_ name: String, seconds: Double) {
        stages.append((name, seconds))
    }

    public mutating func append(_ other: StageTimings) {
        stages += other.stages
    }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    public static func == (lhs: StageTimings, rhs: StageTimings) -> Bool {
        lhs.stages.map(\.name) == rhs.stages.map(\.name) && lhs.stages.map(\.seconds) == rhs.stages.map(\.seconds)
    }
}
