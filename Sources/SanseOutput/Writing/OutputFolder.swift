import Foundation
import SanseModel

/// Writes a run's outputs into a temporary folder beside the destination and moves it into
/// place only when everything is written: a failed or interrupted run never leaves half a map,
/// and never touches the inputs.
///
/// Sendable: the writers on other threads only call `path(_:)`, which reads the immutable
/// staging URL; `commit()` and `discard()` run on the thread that owns the run.
package final class OutputFolder: @unchecked Sendable {
    package let destination: URL
    let staging: URL
    private var committed = false

    /// - Parameters:
    ///   - inputs: every input path; the destination must not be or contain the folder of any
    ///     of them (the old output folder is replaced as a whole).
    ///   - marker: a file every output of this kind holds (`run.json`, `diff.md`): an existing
    ///     destination is replaced only when it is empty or holds it, so a mistyped `--out`
    ///     never deletes a folder sanse did not write.
    package init(destination: URL, inputs: [String], marker: String = "run.json") throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where !input.hasPrefix("PG:") {
            let inputURL = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            let folder = inputURL.deletingLastPathComponent()
            if target.path == inputURL.path || target.path == folder.path || inputURL.path.hasPrefix(target.path + "/") {
                throw OutputError(path: target.path, message: "the output folder must not be an input's folder or contain an input (\(input)); choose another --out")
            }
        }
        try Self.requireReplaceable(target, marker: marker)
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent.path, message: "cannot create the output folder's parent (\(error.localizedDescription))")
        }
        Self.removeAbandonedStaging(of: target)
        let staging = parent.appendingPathComponent(Self.stagingPrefix(of: target) + "\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        // Created and registered under the interruption's lock: a signal arriving just after
        // mkdir would otherwise find the folder on disk but not in the list it cleans up.
        let failure: Int32? = Self.lock.withLock {
            guard mkdir(staging.path, 0o755) == 0 else { return errno }
            Self.open.append(staging.path)
            return nil
        }
        if let failure {
            throw OutputError(path: parent.path, message: "cannot write in the output folder's parent (\(String(cString: strerror(failure))))")
        }
        self.destination = target
        self.staging = staging
    }

    package func path(_ name: String) -> String {
        staging.appendingPathComponent(name).path
    }

    /// Replaces the destination with the finished folder. Holds the lock that an interruption
    /// takes, so a signal never lands between moving the old output aside and moving the new
    /// one in.
    package func commit() throws {
        try Self.lock.withLock {
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
            Self.open.removeAll { $0 == staging.path }
            if hadPrevious { try? manager.removeItem(at: previous) }
        }
    }

    /// Removes the staging folder of a run that did not finish.
    package func discard() {
        Self.lock.withLock {
            guard !committed else { return }
            try? FileManager.default.removeItem(at: staging)
            Self.open.removeAll { $0 == staging.path }
        }
    }

    deinit { discard() }

    /// Missing, an empty folder, or a folder holding `marker`; anything else is refused.
    private static func requireReplaceable(_ target: URL, marker: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OutputError(path: target.path, message: "exists and is not a folder; choose another --out")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard contents.isEmpty || contents.contains(marker) else {
            throw OutputError(path: target.path, message: "is a folder sanse did not write (it has no \(marker)); the output folder is replaced as a whole, so choose a new or empty one")
        }
    }

    private static func stagingPrefix(of target: URL) -> String {
        ".\(target.lastPathComponent).partial-"
    }

    /// Staging folders left by a run that was killed outright (SIGKILL, power loss), whose
    /// process is gone; a run still in progress keeps its own.
    private static func removeAbandonedStaging(of target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = stagingPrefix(of: target)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    // Staging folders still open, so an interruption can remove them before the process dies.
    nonisolated(unsafe) private static var open: [String] = []
    private static let lock = NSLock()

    /// For a process about to die of a signal: removes every unfinished staging folder and
    /// keeps the lock, so that no commit starts afterwards.
    package static func discardAllOpenAndHold() {
        lock.lock()
        for path in open { try? FileManager.default.removeItem(atPath: path) }
    }

    /// For a process about to exit: waits for an interruption's clean-up in progress (which
    /// then ends the process by its signal) and keeps a later one from starting.
    package static func hold() {
        lock.lock()
    }
}
