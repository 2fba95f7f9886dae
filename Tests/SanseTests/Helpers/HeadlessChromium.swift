import Foundation

/// Headless Chromium driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: commands go in on the browser's fd 3, replies and events come
/// out on its fd 4, each message JSON ending in a NUL byte): real clicks, real key presses,
/// screenshots, and every console error and uncaught exception of the page.
final class HeadlessChromium {
    static let executable = "/usr/bin/chromium"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private var pending: [UInt8] = []
    private var nextID = 1
    private var session = ""
    private let profile: URL
    /// Console errors, uncaught exceptions and error log entries (failed loads), as text.
    private(set) var errors: [String] = []
    private var loaded = false

    /// A browser with one page of `width` × `height` CSS pixels at a device scale of 1.
    init(width: Int, height: Int) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-chromium-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe failed") }
        for end in [toBrowser[1], fromBrowser[0]] { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            Self.executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
            "--hide-scrollbars", "--window-size=\(width),\(height)", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, Self.executable, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else { throw Failure(description: "cannot start chromium (\(status))") }
        self.pid = pid
        commands = toBrowser[1]
        replies = fromBrowser[0]
        let target = try call("Target.createTarget", ["url": "about:blank"], inSession: false)
        let attached = try call(
            "Target.attachToTarget", ["targetId": target["targetId"]!, "flatten": true], inSession: false)
        session = attached["sessionId"] as! String
        for domain in ["Page", "Runtime", "Log"] { try call("\(domain).enable") }
        try call(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    deinit {
        _ = try? call("Browser.close", inSession: false, timeout: 10)
        var status: Int32 = 0
        for _ in 0..<50 where waitpid(pid, &status, WNOHANG) == 0 { usleep(100_000) }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        close(commands)
        close(replies)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens `url` and waits for its load event.
    func open(_ url: URL) throws {
        loaded = false
        try call("Page.navigate", ["url": url.absoluteString])
        let deadline = Date().addingTimeInterval(60)
        while !loaded {
            guard Date() < deadline else { throw Failure(description: "\(url) did not load") }
            try readMessage(until: deadline)
        }
    }

    /// The value of a JavaScript expression, a promise's once it settles.
    @discardableResult
    func evaluate(_ expression: String, timeout: Double = 60) throws -> Any? {
        let result = try call(
            "Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true],
            timeout: timeout)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String) ?? "\(exception)"
            throw Failure(description: "\(expression.prefix(120)): \(text)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A left click at page coordinates (CSS pixels), as a mouse makes it.
    func click(x: Double, y: Double) throws {
        try call("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y])
        for type in ["mousePressed", "mouseReleased"] {
            try call("Input.dispatchMouseEvent", ["type": type, "x": x, "y": y, "button": "left", "clickCount": 1])
        }
    }

    /// Types text into the focused element, as a keyboard would.
    func type(_ text: String) throws {
        try call("Input.insertText", ["text": text])
    }

    /// Presses and releases a key: `Enter`, `Escape`, `Tab`, `ArrowDown`.
    func press(_ key: String) throws {
        let codes = ["Enter": 13, "Escape": 27, "Tab": 9, "ArrowDown": 40, "ArrowUp": 38]
        var down: [String: Any] = [
            "type": "rawKeyDown", "key": key, "code": key, "windowsVirtualKeyCode": codes[key] ?? 0,
        ]
        if key == "Enter" {
            down["type"] = "keyDown"
            down["text"] = "\r"
        }
        try call("Input.dispatchKeyEvent", down)
        try call(
            "Input.dispatchKeyEvent",
            ["type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": codes[key] ?? 0])
    }

    /// A PNG of the page, or of `clip` (x, y, width, height in CSS pixels).
    func screenshot(clip: (Double, Double, Double, Double)? = nil) throws -> Data {
        var parameters: [String: Any] = ["format": "png"]
        if let (x, y, width, height) = clip {
            parameters["clip"] = ["x": x, "y": y, "width": width, "height": height, "scale": 1]
        }
        let result = try call("Page.captureScreenshot", parameters)
        return Data(base64Encoded: result["data"] as! String)!
    }

    /// Polls `condition` (JavaScript) until it is true.
    func waitFor(_ condition: String, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try evaluate("Boolean(\(condition))") as? Bool != true {
            guard Date() < deadline else { throw Failure(description: "timed out waiting for \(condition)") }
            usleep(50_000)
        }
    }

    @discardableResult
    private func call(
        _ method: String, _ parameters: [String: Any] = [:], inSession: Bool = true, timeout: Double = 60
    ) throws
        -> [String: Any]
    {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inSession { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "\(method): cannot write to chromium") }
            written += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let reply = try readMessage(until: deadline), reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
        }
    }

    /// Reads one message; records events; returns replies to calls.
    @discardableResult
    private func readMessage(until deadline: Date) throws -> [String: Any]? {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let data = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
                if message["id"] != nil { return message }
                record(event: message)
                return nil
            }
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard wait > 0 else { throw Failure(description: "chromium did not answer in time") }
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, wait) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(replies, &chunk, chunk.count)
            guard count > 0 else { throw Failure(description: "chromium closed its pipe") }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    private func record(event message: [String: Any]) {
        let parameters = message["params"] as? [String: Any] ?? [:]
        switch message["method"] as? String {
        case "Page.loadEventFired":
            loaded = true
        case "Runtime.consoleAPICalled" where parameters["type"] as? String == "error":
            let arguments = parameters["args"] as? [[String: Any]] ?? []
            errors.append(
                "console.error: " + arguments.map { "\($0["value"] ?? $0["description"] ?? "")" }.joined(separator: " ")
            )
        case "Runtime.exceptionThrown":
            let details = parameters["exceptionDetails"] as? [String: Any] ?? [:]
            errors.append(
                "exception: \((details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? "")")
        case "Log.entryAdded":
            let entry = parameters["entry"] as? [String: Any] ?? [:]
            if entry["level"] as? String == "error" {
                errors.append("log: \(entry["text"] ?? "") \(entry["url"] ?? "")")
            }
        default:
            break
        }
    }
}
