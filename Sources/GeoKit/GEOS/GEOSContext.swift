import CGEOS

/// A GEOS context handle with its error and notice messages captured.
///
/// Contexts are never shared between threads: `GEOSContext.current` gives each thread its
/// own, made on first use and finished when the thread ends. GeoKit's geometry operations use
/// it implicitly, so work spread over several threads has one context per worker by
/// construction.
public final class GEOSContext {
    /// Receives GEOS's messages; its address is the handler's user data, so it must outlive
    /// the handle (the context owns both).
    private final class Inbox {
        var lastError: String?
        var lastNotice: String?
    }

    let handle: GEOSContextHandle_t
    private let inbox = Inbox()
    private var cachedWKBReader: OpaquePointer?
    private var cachedWKBWriter: OpaquePointer?
    private var cachedWKTReader: OpaquePointer?

    /// A new context. Geometry operations use `current`; a context of one's own is only for
    /// calls that take one explicitly.
    public init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned no context (out of memory)")
        }
        self.handle = handle
        let userData = Unmanaged.passUnretained(inbox).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<Inbox>.fromOpaque(userData).takeUnretainedValue().lastError = trimmed(message)
        }, userData)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<Inbox>.fromOpaque(userData).takeUnretainedValue().lastNotice = trimmed(message)
        }, userData)
    }

    deinit {
        if let reader = cachedWKBReader { GEOSWKBReader_destroy_r(handle, reader) }
        if let writer = cachedWKBWriter { GEOSWKBWriter_destroy_r(handle, writer) }
        if let reader = cachedWKTReader { GEOSWKTReader_destroy_r(handle, reader) }
        GEOS_finish_r(handle)
    }

    private static let perThread = PerThread { GEOSContext() }

    /// This thread's context.
    public static var current: GEOSContext { perThread.value }

    /// The last notice GEOS sent (e.g. why a geometry is invalid), if any.
    public var lastNotice: String? { inbox.lastNotice }

    /// Builds the error for a failed call from GEOS's last message, and clears it.
    func error(_ operation: String) -> GEOSError {
        let message = inbox.lastError ?? "GEOS reported a failure without a message"
        inbox.lastError = nil
        return GEOSError(operation: operation, message: message)
    }

    var wkbReader: OpaquePointer {
        if let reader = cachedWKBReader { return reader }
        let reader = GEOSWKBReader_create_r(handle)!
        cachedWKBReader = reader
        return reader
    }

    var wkbWriter: OpaquePointer {
        if let writer = cachedWKBWriter { return writer }
        let writer = GEOSWKBWriter_create_r(handle)!
        GEOSWKBWriter_setOutputDimension_r(handle, writer, 2)
        GEOSWKBWriter_setByteOrder_r(handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        cachedWKBWriter = writer
        return writer
    }

    var wktReader: OpaquePointer {
        if let reader = cachedWKTReader { return reader }
        let reader = GEOSWKTReader_create_r(handle)!
        cachedWKTReader = reader
        return reader
    }
}

/// GEOS ends some messages with a newline.
private func trimmed(_ message: UnsafePointer<CChar>) -> String {
    var text = String(cString: message)
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
}

extension GEOSContext {
    /// Runs a GEOS call that returns a new geometry the caller owns.
    func makeGeometry(_ operation: String, _ call: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        guard let pointer = call(handle) else { throw error(operation) }
        return Geometry(owning: pointer)
    }

    /// Runs a GEOS call that writes a double and returns 0 on failure.
    func measure(
        _ operation: String, _ call: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32
    ) throws -> Double {
        var value = 0.0
        guard call(handle, &value) != 0 else { throw error(operation) }
        return value
    }

    /// Runs a GEOS predicate, which answers 1 (true), 0 (false) or 2 (exception).
    func predicate(_ operation: String, _ call: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        switch call(handle) {
        case 1: return true
        case 0: return false
        default: throw error(operation)
        }
    }
}
