import Foundation

/// Writes a run's outputs into a temporary folder beside the destination and moves it into
/// place only when everything is written: a failed or interrupted run never leaves half a map,
/// and never touches the inputs.
final class OutputFolder {
    let destination: URL
    let staging: URL
    private var committed = false

    /// - Parameter inputs: every input path; the destination must not be or contain the folder
    ///   of any of them (the old output folder is replaced as a whole).
    init(destination: URL, inputs: [String]) throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where !input.hasPrefix("PG:") {
            let inputURL = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            let folder = inputURL.deletingLastPathComponent()
            if target.path == inputURL.path || target.path == folder.path || inputURL.path.hasPrefix(target.path + "/") {
                throw OutputError(path: target.path, message: "the output folder must not be an input's folder or contain an input (\(input)); choose another --out")
            }
        }
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent.path, message: "cannot create the output folder's parent (\(error.localizedDescription))")
        }
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: parent.path, message: "cannot write in the output folder's parent (\(error.localizedDescription))")
        }
        self.destination = target
        self.staging = staging
        OutputFolder.register(staging)
    }

    func path(_ name: String) -> String {
        staging.appendingPathComponent(name).path
    }

    /// Replaces the destination with the finished folder.
    func commit() throws {
        let manager = FileManager.default
        let previous = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).previous-\(getpid())")
        let hadPrevious = manager.fileExists(atPath: destination.path)
        do {
            if hadPrevious { try manager.moveItem(at: destination, to: previous) }
            try manager.moveItem(at: staging, to: destination)
        } catch {
            if hadPrevious, !manager.fileExists(atPath: destination.path) { try? manager.moveItem(at: previous, to: destination) }
            throw OutputError(path: destination.path, message: "cannot move the finished outputs into place (\(error.localizedDescription))")
        }
        committed = true
        OutputFolder.unregister(staging)
        if hadPrevious { try? manager.removeItem(at: previous) }
    }

    /// Removes the staging folder of a run that did not finish.
    func discard() {
        guard !committed else { return }
        try? FileManager.default.removeItem(at: staging)
        OutputFolder.unregister(staging)
    }

    deinit { discard() }

    // Staging folders still open, so a signal handler can remove them before the process dies.
    nonisolated(unsafe) private static var open: [String] = []
    private static let lock = NSLock()

    private static func register(_ url: URL) { lock.withLock { open.append(url.path) } }
    private static func unregister(_ url: URL) { lock.withLock { open.removeAll { $0 == url.path } } }

    /// Removes every unfinished staging folder (called on SIGINT/SIGTERM).
    public static func discardAllOpen() {
        let paths = lock.withLock { open }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
