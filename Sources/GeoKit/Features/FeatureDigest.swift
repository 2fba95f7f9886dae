import CCrypto

/// SHA-256 of a layer's features as they were read: the layer's name and fields, then each
/// feature's id, geometry (WKB) and attribute values, in order. It stands for the content of
/// an input that has no file to hash (a database table, a URL): the same rows give the same
/// digest however they were chunked, and a changed value, geometry, field or order changes it.
/// Every value is written with its type and length, so no two different rows write the same
/// bytes.
public final class FeatureDigest {
    private let context: OpaquePointer
    /// Values are many and small: they are gathered here and handed to OpenSSL in blocks.
    private var pending: [UInt8] = []
    private static let blockSize = 1 << 16
    private var finished: String?

    public init(layerName: String, fields: [FieldDefinition]) {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL cannot start a SHA-256 digest")
        }
        self.context = context
        pending.reserveCapacity(Self.blockSize + 4096)
        add(text: layerName)
        add(integer: Int64(fields.count))
        for field in fields {
            add(text: field.name)
            add(text: String(describing: field.type))
        }
    }

    deinit { EVP_MD_CTX_free(context) }

    public func add(_ chunk: FeatureChunk) {
        precondition(finished == nil, "features added to a finished digest")
        for index in 0..<chunk.count {
            add(integer: chunk.fids[index])
            let hasGeometry: Bool? = chunk.withWKB(index) { wkb in
                add(integer: Int64(wkb.count))
                add(bytes: wkb)
                return true
            }
            if hasGeometry == nil { add(integer: -1) }
            let row = chunk.attributes(index)
            for column in row.indices {
                row.withValue(column) { value in
                    switch value {
                    case .null:
                        add(byte: 0)
                    case .integer(let number):
                        add(byte: 1)
                        add(integer: number)
                    case .real(let number):
                        add(byte: 2)
                        add(integer: Int64(bitPattern: number.bitPattern))
                    case .text(let text):
                        add(byte: 3)
                        add(integer: Int64(text.count))
                        add(bytes: UnsafeRawBufferPointer(text))
                    }
                }
            }
            if pending.count >= Self.blockSize { flush() }
        }
    }

    /// The digest as 64 lower-case hex digits; the same answer when asked again.
    public func finish() -> String {
        if let finished { return finished }
        flush()
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            fatalError("OpenSSL SHA-256 final failed")
        }
        let hex = Array("0123456789abcdef".utf8)
        let digits = digest.prefix(32).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] }
        let text = String(decoding: digits, as: UTF8.self)
        finished = text
        return text
    }

    private func add(byte: UInt8) {
        pending.append(byte)
    }

    private func add(integer: Int64) {
        withUnsafeBytes(of: integer.littleEndian) { pending.append(contentsOf: $0) }
    }

    private func add(bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
    }

    private func add(text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(integer: Int64(bytes.count))
            add(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    private func flush() {
        pending.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            guard EVP_DigestUpdate(context, base, bytes.count) == 1 else { fatalError("OpenSSL SHA-256 update failed") }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
