/// One row of the town-by-town table (cf. the seed's 各街道工作任务分解表).
public struct TownStatistics: Sendable, Equatable {
    /// The town's name; `合计` for the county total; `未定` for blocks in no known town.
    public var town: String
    public var sizeClass: TownSizeClass?
    public var blocks = 0
    public var landMu = 0.0
    public var blocksByCategory: [Category: Int] = [:]
    public var muByCategory: [Category: Double] = [:]
    public var clusters10ha = 0
    public var renovationCandidates = 0
    public var parcels = 0
    public var enterprises = 0
    public var cdLandMu = 0.0

    public static let totalName = "合计"
    public static let unknownTown = "未定"

    /// Rows in the towns layer's order (or by name without one), towns without blocks kept,
    /// then `未定` if needed, then the total.
    static func table(blocks: [Block], survey: Survey, config: Config) -> [TownStatistics] {
        let parcels = survey.parcels, towns = survey.towns
        var order = towns.map(\.name)
        var seen = Set(order)
        order = order.filter { name in seen.remove(name) != nil }  // first occurrence only
        var listed = Set(order)
        for block in blocks {
            let name = block.town ?? unknownTown
            if listed.insert(name).inserted { order.append(name) }
        }
        var rows: [String: TownStatistics] = [:]
        // Each name is hashed once, as bytes (hashing non-ASCII text as a String normalises it
        // first, which is slow), then counted by number.
        var enterpriseNumbers: [TextBytes: Int] = [:]
        var enterprises: [String: Set<Int>] = [:]
        for block in blocks {
            let name = block.town ?? unknownTown
            rows[name, default: TownStatistics(town: name, sizeClass: block.town == nil ? nil : block.townClass)].add(block)
            // In place: a copy taken out of the dictionary and put back would copy the
            // town's whole set once per block.
            modify(&enterprises[name, default: []]) { numbers in
                for index in block.parcelIndices {
                    if let enterprise = survey.enterprise(of: parcels[index]) {
                        numbers.insert(number(of: TextBytes(enterprise), in: &enterpriseNumbers))
                    }
                }
            }
        }
        var table = order.map { name -> TownStatistics in
            var row = rows[name] ?? TownStatistics(town: name, sizeClass: towns.first { $0.name == name }?.sizeClass)
            row.enterprises = enterprises[name]?.count ?? 0
            return row
        }
        var total = TownStatistics(town: totalName, sizeClass: nil)
        for block in blocks { total.add(block) }
        total.enterprises = enterpriseNumbers.count
        table.append(total)
        return table
    }

    /// The name's number, a new one (the count so far) for a name not seen before; one lookup.
    private static func number(of name: TextBytes, in numbers: inout [TextBytes: Int]) -> Int {
        let next = numbers.count
        func read(_ slot: inout Int) -> Int { slot }
        return read(&numbers[name, default: next])
    }

    private static func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

    /// Text compared and hashed by its UTF-8 bytes.
    private struct TextBytes: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (a: TextBytes, b: TextBytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func add(_ block: Block) {
        blocks += 1
        landMu += block.landMu
        blocksByCategory[block.category, default: 0] += 1
        muByCategory[block.category, default: 0] += block.landMu
        if block.isCluster10ha { clusters10ha += 1 }
        if block.renovationCandidate { renovationCandidates += 1 }
        parcels += block.parcelIndices.count
        cdLandMu += block.cdAreaM2 / squareMetresPerMu
    }
}
