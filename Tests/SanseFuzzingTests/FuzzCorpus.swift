import Foundation
import SanseFuzzing

/// The checked-in inputs under Fuzz/: seeds (`corpus/<target>`) and every finding
/// (`regressions/<target>`), shared with the libFuzzer runs.
enum FuzzCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func seeds(_ target: FuzzTarget) -> [(name: String, bytes: [UInt8])] {
        files(in: folder.appendingPathComponent("corpus/\(target.rawValue)"))
    }

    static func regressions(_ target: FuzzTarget) -> [(name: String, bytes: [UInt8])] {
        files(in: folder.appendingPathComponent("regressions/\(target.rawValue)"))
    }

    static func regression(_ target: FuzzTarget, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent("regressions/\(target.rawValue)/\(name)")))
    }

    private static func files(in directory: URL) -> [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }
}
