import Foundation
import SanseModel

/// A file opened for writing, with errors reported rather than ignored.
final class FileOutput {
    let path: String
    private let handle: UnsafeMutablePointer<FILE>

    init?(path: String) {
        guard let handle = fopen(path, "wb") else { return nil }
        self.path = path
        self.handle = handle
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        let written = fwrite(bytes.baseAddress, 1, bytes.count, handle)
        guard written == bytes.count else {
            throw OutputError(path: path, message: "write failed (\(String(cString: strerror(errno))))")
        }
    }

    /// Written from the string's own storage where it is contiguous (native strings are), not a copy.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    private var closed = false

    /// Flushes and closes, reporting a failure (e.g. a full disk) that earlier writes hid.
    func finish() throws {
        let failed = fflush(handle) != 0 || ferror(handle) != 0
        let reason = String(cString: strerror(errno))
        close()
        if failed { throw OutputError(path: path, message: "write failed (\(reason))") }
    }

    func close() {
        guard !closed else { return }
        closed = true
        fclose(handle)
    }

    deinit { close() }
}
