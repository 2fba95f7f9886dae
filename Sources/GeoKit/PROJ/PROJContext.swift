import CPROJ

/// A PROJ context (`PJ_CONTEXT`) with its log captured for error messages.
///
/// PROJ objects remember the context they were made in and use it on every call, so each
/// `CoordinateReferenceSystem` and `Transformer` owns a context of its own; neither is ever
/// shared between threads at once.
final class PROJContext {
    private final class Inbox {
        var messages: [String] = []
    }

    let pointer: OpaquePointer
    private let inbox = Inbox()

    init() {
        guard let pointer = proj_context_create() else {
            fatalError("proj_context_create returned no context (out of memory)")
        }
        self.pointer = pointer
        proj_log_level(pointer, PJ_LOG_ERROR)
        proj_log_func(pointer, Unmanaged.passUnretained(inbox).toOpaque()) { userData, _, message in
            guard let userData, let message else { return }
            let inbox = Unmanaged<Inbox>.fromOpaque(userData).takeUnretainedValue()
            inbox.messages.append(String(cString: message))
            if inbox.messages.count > 8 { inbox.messages.removeFirst() }
        }
    }

    deinit {
        proj_context_destroy(pointer)
    }

    /// The error for a failed call: PROJ's log lines, else its errno text. Clears the log.
    func error(_ operation: String) -> PROJError {
        let logged = inbox.messages
        inbox.messages.removeAll()
        if !logged.isEmpty {
            return PROJError(operation: operation, message: logged.joined(separator: "; "))
        }
        let errno = proj_context_errno(pointer)
        if errno != 0, let text = proj_context_errno_string(pointer, errno) {
            return PROJError(operation: operation, message: String(cString: text))
        }
        return PROJError(operation: operation, message: "PROJ gave no reason")
    }
}
