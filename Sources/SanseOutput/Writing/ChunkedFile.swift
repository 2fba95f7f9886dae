import GeoKit
import SanseModel

/// Writes a file made of many independent records (GeoJSON features, CSV rows): records are
/// turned into bytes on every worker, a batch at a time, and written in record order, so the
/// file is the same for any number of workers and only one batch is ever held in memory.
enum ChunkedFile {
    /// Records per batch: big enough to keep the workers busy, small enough for memory.
    static let batchSize = 8_000

    /// - Parameters:
    ///   - head: bytes before the first record.
    ///   - records: appends the records of a range of indices, in order; called from worker
    ///     threads, each index once.
    static func write(
        to path: String, count: Int, workers: Int, minimumChunk: Int = 500, head: [UInt8] = [], tail: [UInt8] = [],
        records: @escaping @Sendable (_ indices: Range<Int>, _ out: inout [UInt8]) throws -> Void
    ) throws {
        guard let file = FileOutput(path: path) else {
            throw OutputError(path: path, message: "cannot create the file")
        }
        defer { file.close() }
        try file.write(head)
        // Buffers are sized by the records seen so far, so they are not grown by copying.
        var bytesPerRecord = 256
        for batchStart in stride(from: 0, to: count, by: batchSize) {
            let batchCount = min(batchSize, count - batchStart)
            let reserve = bytesPerRecord
            let chunks = try Parallel.mapChunks(count: batchCount, workers: workers, minimumChunk: minimumChunk) { range in
                var out: [UInt8] = []
                out.reserveCapacity(range.count * reserve)
                try records((batchStart + range.lowerBound)..<(batchStart + range.upperBound), &out)
                return out
            }
            let written = chunks.reduce(0) { $0 + $1.count }
            bytesPerRecord = max(64, written / max(1, batchCount) * 9 / 8)
            for chunk in chunks { try file.write(chunk) }
        }
        try file.write(tail)
        try file.finish()
    }
}
