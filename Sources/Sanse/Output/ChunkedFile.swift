import GeoKit

/// Writes a file made of many independent records (GeoJSON features, CSV rows): records are
/// turned into bytes on every worker, a batch at a time, and written in record order, so the
/// file is the same for any number of workers and only one batch is ever held in memory.
enum ChunkedFile {
    /// Records per batch: big enough to keep the workers busy, small enough for memory.
    static let batchSize = 20_000

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
        for batchStart in stride(from: 0, to: count, by: batchSize) {
            let batchCount = min(batchSize, count - batchStart)
            let chunks = try Parallel.mapChunks(count: batchCount, workers: workers, minimumChunk: minimumChunk) { range in
                var out: [UInt8] = []
                out.reserveCapacity(range.count * 256)
                try records((batchStart + range.lowerBound)..<(batchStart + range.upperBound), &out)
                return out
            }
            for chunk in chunks { try file.write(chunk) }
        }
        try file.write(tail)
        try file.finish()
    }
}
