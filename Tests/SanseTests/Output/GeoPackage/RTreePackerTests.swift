import Foundation
import GeoKit
import TestSupport
import Testing

@testable import SanseOutput

/// The GeoPackage's R-tree indexes, packed by sanse rather than built by SQLite.
@Suite("GeoPackage R-tree")
struct RTreePackerTests {
    @Test func theRTreeIsPackedInSQLitesFormat() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sanse-rtree-\(UUID().uuidString).sqlite"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let database = try SQLiteDatabase(path: path)
        var generator = SplitMix64(seed: 20261103)
        for (name, count) in [("one", 1), ("leaf", 40), ("two_levels", 3000), ("three_levels", 20_000)] {
            let entries = (0..<count).map { index -> RTreeEntry in
                let x = Double.random(in: 600_000...650_000, using: &generator),
                    y = Double.random(in: 3_300_000...3_350_000, using: &generator)
                return RTreeEntry(id: Int64(index + 1), box: Envelope(minX: x, minY: y, maxX: x + 80, maxY: y + 60))
            }
            try database.execute("BEGIN")
            try RTreePacker.write(entries, into: name, database: database)
            try database.execute("COMMIT")
            #expect(try database.rows("SELECT rtreecheck('\(name)')") == [["ok"]])
            #expect(try database.rows("SELECT count(*) FROM \(name)") == [[String(count)]])
            // A window query finds exactly the boxes that meet the window.
            let window = Envelope(minX: 620_000, minY: 3_320_000, maxX: 625_000, maxY: 3_325_000)
            let expected = entries.filter {
                Double($0.maxX) >= window.minX && Double($0.minX) <= window.maxX && Double($0.maxY) >= window.minY
                    && Double($0.minY) <= window.maxY
            }
            let found = try database.rows(
                "SELECT id FROM \(name) WHERE maxx >= \(window.minX) AND minx <= \(window.maxX)"
                    + " AND maxy >= \(window.minY) AND miny <= \(window.maxY) ORDER BY id")
            #expect(found.map { Int64($0[0]!)! } == expected.map(\.id).sorted())
            // SQLite keeps the packed tree consistent under its own edits.
            try database.execute(
                "DELETE FROM \(name) WHERE id % 3 = 0; INSERT INTO \(name) VALUES (\(count + 1), 1, 2, 3, 4)")
            #expect(try database.rows("SELECT rtreecheck('\(name)')") == [["ok"]])
        }
        try database.close()
    }

    @Test func boxesAreRoundedOutwardsLikeSQLite() {
        for value in [3_342_914.3, -121.123456789, 0.1, 618_804.3125, -0.7] {
            #expect(Double(RTreeEntry.down(value)) <= value && Double(RTreeEntry.up(value)) >= value)
        }
        #expect(RTreeEntry.down(618_804.3125) == 618_804.3125, "exact floats stay")
    }
}
