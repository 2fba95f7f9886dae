import Foundation

/// The built `sanse` executable as a child process, for tests that need its pid (to signal it)
/// or a time limit (so that a hang fails the test rather than hanging CI). Started with
/// posix_spawn: Foundation's Process leaks under LSan.
final class SanseProcess {
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        case killedAfterTimeLimit

        var description: String {
            switch self {
            case .exited(let code): "exit code \(code)"
            case .signalled(let number): "ended by signal \(number)"
            case .killedAfterTimeLimit: "still running at the time limit (hang?), killed"
            }
        }
    }

    struct Outcome {
        var ending: Ending
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    let pid: pid_t
    private let capture: String
    private let started = Date()
    private var finished: Outcome?

    /// The executable built beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sanse").path
    }

    /// Starts sanse with stdin from /dev/null and stdout/stderr into files. SIGINT, SIGTERM and
    /// SIGHUP start at their defaults and unblocked, as in a terminal, whatever this process
    /// inherited (a non-interactive shell starts background jobs with SIGINT ignored), except
    /// the `ignoring` ones, which start ignored (set by a shell that then execs sanse).
    init(_ arguments: [String], ignoring: [Int32] = []) throws {
        capture = NSTemporaryDirectory() + "sanse-process-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, capture + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&empty)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var program = Self.executable, words = [Self.executable] + arguments
        if !ignoring.isEmpty {
            program = "/bin/sh"
            words = ["/bin/sh", "-c", "trap '' \(ignoring.map(String.init).joined(separator: " ")); exec \"$0\" \"$@\""] + words
        }
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(Self.executable): \(String(cString: strerror(status)))"])
        }
        self.pid = pid
    }

    /// A test that stopped early does not leave sanse running.
    deinit {
        if finished == nil, poll() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
    }

    /// Runs sanse to its end, or kills it at the time limit.
    static func run(_ arguments: [String], timeLimit: Double = 120) throws -> Outcome {
        try SanseProcess(arguments).wait(timeLimit: timeLimit)
    }

    /// nil while it runs.
    func poll() -> Outcome? {
        if let finished { return finished }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        // WIFEXITED / WTERMSIG by hand: the C macros are not imported.
        let signal = status & 0x7F
        return finish(signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal))
    }

    func wait(timeLimit: Double) -> Outcome {
        let deadline = started.addingTimeInterval(timeLimit)
        while Date() < deadline {
            if let outcome = poll() { return outcome }
            usleep(10_000)
        }
        if let outcome = poll() { return outcome }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return finish(.killedAfterTimeLimit)
    }

    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    private func finish(_ ending: Ending) -> Outcome {
        let read = { (suffix: String) in (try? String(contentsOfFile: self.capture + suffix, encoding: .utf8)) ?? "" }
        let outcome = Outcome(ending: ending, stdout: read(".out"), stderr: read(".err"), seconds: Date().timeIntervalSince(started))
        try? FileManager.default.removeItem(atPath: capture + ".out")
        try? FileManager.default.removeItem(atPath: capture + ".err")
        finished = outcome
        return outcome
    }
}
