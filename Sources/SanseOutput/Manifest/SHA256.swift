import CCrypto
import Foundation
import SanseModel

/// SHA-256 (FIPS 180-4) of files, for the run manifest: which exact inputs made this map.
/// OpenSSL's digest, which uses the CPU's SHA extensions where it has them: hashing an input
/// costs little next to reading it.
package final class SHA256 {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL cannot start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else { fatalError("OpenSSL SHA-256 update failed") }
    }

    /// The digest as 64 lower-case hex digits; the hasher is spent afterwards.
    func finish() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            fatalError("OpenSSL SHA-256 final failed")
        }
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest.prefix(32) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    package static func hex(of data: [UInt8]) -> String {
        let hasher = SHA256()
        data.withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    /// The file's digest, read in 4 MiB pieces; nil when it cannot be read.
    static func hex(ofFile path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        let hasher = SHA256()
        let size = 1 << 22
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = fread(buffer, 1, size, file)
            if count > 0 { hasher.update(UnsafeRawBufferPointer(start: buffer, count: count)) }
            if count < size { break }
        }
        return ferror(file) != 0 ? nil : hasher.finish()
    }
}
