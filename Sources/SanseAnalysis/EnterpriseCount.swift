import GeoKit
import SanseModel

/// Distinct enterprises (by name) in each town and in all, on every worker: a million
/// parcels' names hashed and counted on one thread took seconds.
///
/// The names are hashed in parallel; then each share of the hashes (names with equal hashes
/// always land in the same share) is counted on its own, comparing the names themselves, so
/// the counts are exact whatever the hashes do.
enum EnterpriseCount {
    struct Counts {
        var perTown: [Int]
        var total: Int
    }

    private struct Entry {
        var hash: Int
        var parcel: Int32
        var town: Int32
    }

    static let shares = 64

    static func count(blocks: [Block], town: (Block) -> Int, towns: Int, survey: Survey, workers: Int) throws -> Counts {
        let parcels = survey.parcels
        let blockTowns = blocks.map(town)
        let hashed = try Parallel.mapChunks(count: blocks.count, workers: workers) { range -> [Entry] in
            var entries: [Entry] = []
            for number in range {
                for index in blocks[number].parcelIndices {
                    guard let name = survey.enterprise(of: parcels[index]) else { continue }
                    entries.append(Entry(hash: NameBytes(name).hashValue, parcel: Int32(index), town: Int32(blockTowns[number])))
                }
            }
            return entries
        }
        // Each share's entries together (a counting sort on the share).
        var starts = [Int](repeating: 0, count: shares + 1)
        for chunk in hashed { for entry in chunk { starts[share(entry.hash) + 1] += 1 } }
        for index in 0..<shares { starts[index + 1] += starts[index] }
        var next = starts
        var sorted = [Entry](repeating: Entry(hash: 0, parcel: 0, town: 0), count: starts[shares])
        for chunk in hashed {
            for entry in chunk {
                let slot = share(entry.hash)
                sorted[next[slot]] = entry
                next[slot] += 1
            }
        }
        let (entries, bounds) = (sorted, starts)
        let partial = try Parallel.mapChunks(count: shares, workers: workers, minimumChunk: 1) { range -> Counts in
            var counts = Counts(perTown: [Int](repeating: 0, count: towns), total: 0)
            for slot in range {
                // Per name, the towns it was already counted in (almost always one).
                var seen: [NameBytes: [Int32]] = [:]
                for entry in entries[bounds[slot]..<bounds[slot + 1]] {
                    let name = NameBytes(survey.enterprise(of: parcels[Int(entry.parcel)])!)
                    var isNewName = false
                    let isNewInTown = modify(&seen[name, default: { isNewName = true; return [] }()]) { list in
                        guard !list.contains(entry.town) else { return false }
                        list.append(entry.town)
                        return true
                    }
                    if isNewName { counts.total += 1 }
                    if isNewInTown { counts.perTown[Int(entry.town)] += 1 }
                }
            }
            return counts
        }
        var result = Counts(perTown: [Int](repeating: 0, count: towns), total: 0)
        for counts in partial {
            result.total += counts.total
            for index in 0..<towns { result.perTown[index] += counts.perTown[index] }
        }
        return result
    }

    private static func share(_ hash: Int) -> Int { Int(UInt(bitPattern: hash) % UInt(shares)) }

    private static func modify<T, R>(_ value: inout T, _ body: (inout T) -> R) -> R { body(&value) }
}

/// Text compared and hashed by its UTF-8 bytes (hashing non-ASCII text as a String
/// normalises it first, which is slow).
struct NameBytes: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: NameBytes, b: NameBytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
