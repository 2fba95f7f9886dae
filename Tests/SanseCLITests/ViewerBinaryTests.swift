import Foundation
import Testing

/// The viewer's files come from the binary itself: a copy of `sanse` in a folder of its own,
/// far from the build and the repository, writes them whole.
@Suite("viewer from a copied binary")
struct ViewerBinaryTests {
    @Test func aCopiedBinaryWritesTheViewer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-copied-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("sanse")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SanseProcess.executable), to: copy)
        let out = folder.appendingPathComponent("out")
        // Run from the copy's folder, so nothing is found beside the build either.
        let process = Process()
        process.executableURL = copy
        process.arguments = CommandLineFixtures.demoRun(out: out)
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "the demo's data problems, reported")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let vendored = repository.appendingPathComponent("Sources/SanseOutput/Viewer/Vendor/leaflet")
        for name in ["leaflet.min.js", "leaflet.css", "LICENSE"] {
            #expect(
                try Data(contentsOf: out.appendingPathComponent("web/leaflet/" + name))
                    == Data(contentsOf: vendored.appendingPathComponent(name)), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("web/data/blocks.js").path))
    }
}
