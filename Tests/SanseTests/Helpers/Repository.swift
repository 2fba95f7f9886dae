import Foundation

/// The repository's folder, found from this file's path by walking up to `Package.swift`, so
/// that a test file may move without its paths breaking.
enum Repository {
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
