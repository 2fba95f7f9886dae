import Foundation
import Testing

/// The demo survey run three times through the built `sanse`: twice with two workers, once
/// with one. Every file is byte-identical; run.json differs only in its timings and in the
/// worker count it records.
@Suite("determinism", .serialized)
struct DeterminismTests {
    @Test func demoRunsAreByteIdenticalWhateverTheWorkerCount() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [[String: Data]] = []
        for (name, workers) in [("first", 2), ("second", 2), ("one-worker", 1)] {
            // The same folder name each time: run.json records it as the run's name.
            let out = folder.appendingPathComponent(name).appendingPathComponent("demo")
            let arguments = CommandLineFixtures.demoRun(out: out) + ["--web-crs", "gcj02", "--workers", "\(workers)"]
            let outcome = try SanseProcess.run(arguments, timeLimit: 300)
            #expect(outcome.ending == .exited(1), "\(name): \(outcome.stderr.suffix(500))")
            runs.append(try CommandLineFixtures.files(in: out))
        }
        let first = runs[0]
        #expect(first.count > 20 && first["sanse.gpkg"] != nil && first["map.svg"] != nil && first["blocks.gcj02.geojson"] != nil)
        for (label, other) in [("a second run", runs[1]), ("a one-worker run", runs[2])] {
            #expect(other.keys.sorted() == first.keys.sorted(), "\(label) wrote other files")
            for (name, bytes) in first where name != "run.json" {
                #expect(other[name] == bytes, "\(name) differs in \(label)")
            }
            #expect(try Self.manifestWithoutTimings(first["run.json"]) == Self.manifestWithoutTimings(other["run.json"]), "run.json differs in \(label)")
        }
        // The manifest is otherwise complete: what was left out is only what may differ.
        let manifestBytes = try #require(first["run.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestBytes) as? [String: Any])
        #expect((manifest["timings"] as? [[String: Any]])?.isEmpty == false)
        #expect(manifest["workers"] as? Int == 2)
    }

    /// run.json as sorted JSON, without `timings` and `workers`.
    static func manifestWithoutTimings(_ data: Data?) throws -> Data {
        let bytes = try #require(data)
        var object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        object.removeValue(forKey: "timings")
        object.removeValue(forKey: "workers")
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
