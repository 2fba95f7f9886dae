import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// What changed between two runs (two survey vintages): blocks that changed colour, parcels
/// added or removed, and 亩 by category before and after, by town. This is how a county
/// tracks its 年度推进计划.
public struct SurveyDiff: Sendable {
    public struct BlockRow: Sendable {
        var id: String
        var town: String
        var category: Category
        var landMu: Double
        var parcelIDs: [String]
    }

    public struct ColourChange: Sendable, Equatable {
        public var newBlockID: String
        public var oldBlockID: String
        public var town: String
        public var oldCategory: Category
        public var newCategory: Category
        public var landMu: Double
    }

    public struct TownChange: Sendable, Equatable {
        public var town: String
        public var before: [Category: Double]
        public var after: [Category: Double]
    }

    public var colourChanges: [ColourChange]
    /// New blocks sharing no parcel with any old block.
    public var newBlocks: [String]
    /// Old blocks sharing no parcel with any new block.
    public var removedBlocks: [String]
    public var addedParcels: [String]
    public var removedParcels: [String]
    public var towns: [TownChange]

    /// Compares the `blocks.csv` of two output folders.
    public static func compare(old: String, new: String) throws -> SurveyDiff {
        let before = try readBlocks(old), after = try readBlocks(new)
        var oldBlockOfParcel: [String: Int] = [:]
        for (index, block) in before.enumerated() { for id in block.parcelIDs { oldBlockOfParcel[id] = index } }
        var newParcels = Set<String>()
        var matchedOld = Set<Int>()
        var changes: [ColourChange] = []
        var fresh: [String] = []
        for block in after {
            newParcels.formUnion(block.parcelIDs)
            // The old block sharing the most parcels is this block's predecessor.
            var shared: [Int: Int] = [:]
            for id in block.parcelIDs { if let old = oldBlockOfParcel[id] { shared[old, default: 0] += 1 } }
            guard let predecessor = shared.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
                fresh.append(block.id)
                continue
            }
            matchedOld.formUnion(shared.keys)
            let old = before[predecessor]
            if old.category != block.category {
                changes.append(ColourChange(newBlockID: block.id, oldBlockID: old.id, town: block.town, oldCategory: old.category,
                                            newCategory: block.category, landMu: block.landMu))
            }
        }
        let oldParcels = Set(oldBlockOfParcel.keys)
        var townNames = before.map(\.town) + after.map(\.town)
        var seen = Set<String>()
        townNames = townNames.filter { seen.insert($0).inserted }
        let towns = townNames.map { town in
            TownChange(town: town, before: totals(before.filter { $0.town == town }), after: totals(after.filter { $0.town == town }))
        } + [TownChange(town: TownStatistics.totalName, before: totals(before), after: totals(after))]
        return SurveyDiff(
            colourChanges: changes, newBlocks: fresh,
            removedBlocks: before.indices.filter { !matchedOld.contains($0) }.map { before[$0].id },
            addedParcels: newParcels.subtracting(oldParcels).sorted(), removedParcels: oldParcels.subtracting(newParcels).sorted(),
            towns: towns)
    }

    private static func totals(_ blocks: [BlockRow]) -> [Category: Double] {
        var sums: [Category: Double] = [:]
        for block in blocks { sums[block.category, default: 0] += block.landMu }
        return sums
    }

    static func readBlocks(_ folder: String) throws -> [BlockRow] {
        let path = folder + "/blocks.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SurveyError(path: path, message: "not a sanse output folder (no blocks.csv)")
        }
        let rows = CSVReader.rows(String(decoding: data, as: UTF8.self))
        guard let header = rows.first else { throw SurveyError(path: path, message: "empty blocks.csv") }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw SurveyError(path: path, message: "blocks.csv has no \(name) column") }
            return index
        }
        let (id, town, category, landMu, parcels) = (try column("block_id"), try column("town"), try column("category"),
                                                     try column("land_mu"), try column("parcel_ids"))
        return try rows.dropFirst().filter { $0.count == header.count }.map { row in
            guard let parsed = Category(rawValue: row[category]), let mu = Double(row[landMu]) else {
                throw SurveyError(path: path, message: "block \(row[id]) has an unreadable category or area")
            }
            return BlockRow(id: row[id], town: row[town].isEmpty ? TownStatistics.unknownTown : row[town], category: parsed,
                            landMu: mu, parcelIDs: row[parcels].split(separator: ";").map(String.init))
        }
    }
}
