import Foundation
import GeoKit
import Testing
import TestSupport
@testable import Sanse

/// The fast paths of the output writers give what the slow, obvious ways give.
@Suite("Fast output paths")
struct FastOutputTests {
    // MARK: SHA-256

    @Test func sha256MatchesTheStandardVectors() throws {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // A file over several read pieces: a million 'a's.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: url)
        #expect(SHA256.hex(ofFile: url.path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(ofFile: url.path + ".missing") == nil)
    }

    // MARK: JSON numbers

    @Test func numbersAreFormattedAsBefore() {
        func text(_ value: Double, _ decimals: Int) -> String {
            var out: [UInt8] = []
            JSONText.appendNumber(value, decimals: decimals, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(1.5, 2) == "1.5")
        #expect(text(-0.25, 7) == "-0.25")
        #expect(text(3, 0) == "3")
        #expect(text(121.0000001, 7) == "121.0000001")
        #expect(text(-0.00000004, 7) == "0")
        #expect(text(0.000001, 7) == "0.000001")
        #expect(text(1234567.891, 2) == "1234567.89")
        #expect(text(99.999, 2) == "100")
        #expect(text(.nan, 2) == "null")
        #expect(text(1e300, 2) == String(1e300))
        // Against the plain way: rounded units, whole part, fraction without trailing zeros.
        var generator = SplitMix64(seed: 20261101)
        for _ in 0..<2000 {
            let decimals = Int.random(in: 0...10, using: &generator)
            let value = Double.random(in: -200_000...200_000, using: &generator)
            let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
            let units = UInt64((abs(value) * scale).rounded())
            var expected = units == 0 ? "0" : (value < 0 ? "-" : "") + String(units / UInt64(scale))
            var fraction = String(units % UInt64(scale))
            if units != 0, decimals > 0, units % UInt64(scale) != 0 {
                fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
                while fraction.hasSuffix("0") { fraction.removeLast() }
                expected += "." + fraction
            }
            #expect(text(value, decimals) == expected, "\(value) with \(decimals) decimals")
        }
    }

    @Test func stringsAreEscapedAsBefore() {
        var out: [UInt8] = []
        JSONText.appendString("宗地 \"A\\B\"\n\t\u{1}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""宗地 \"A\\B\"\n\t\u0001""#)
    }

    // MARK: Rounded rings

    /// A closed ring of grid points (1e-7° apart) near 慈溪.
    static func gridRing(_ units: [(Int, Int)]) -> [Point2D] {
        let points = units.map { Point2D(WebPolygonEncoder.round(121.25 + Double($0.0) * 1e-7), WebPolygonEncoder.round(30.17 + Double($0.1) * 1e-7)) }
        return points + [points[0]]
    }

    @Test func theGridCheckNeverCallsAnInvalidRingValid() throws {
        // Small coordinates on a coarse lattice: plenty of touching, collinear and crossing rings.
        var generator = SplitMix64(seed: 20261102)
        var provedValid = 0, geosValid = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 3...9, using: &generator)
            let units = (0..<count).map { _ in (Int.random(in: 0...4, using: &generator) * 3, Int.random(in: 0...4, using: &generator) * 3) }
            let ring = Self.gridRing(units)
            let valid = try Geometry.polygon(exterior: ring).isValid
            if valid { geosValid += 1 }
            if GridRing.isCertainlySimple(ring) {
                provedValid += 1
                #expect(valid, "the grid check called \(units) valid; GEOS does not")
            }
        }
        #expect(provedValid > 100, "the check proves common rings valid (\(provedValid) of \(geosValid))")
    }

    @Test func theGridCheckRejectsTheClassicBadShapes() {
        #expect(GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 80), (0, 80)])))
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 100), (100, 0), (0, 100)])), "bow tie")
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (50, 0)])), "collapsed")
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 100), (50, 0), (0, 100)])), "touches itself")
        #expect(!GridRing.isCertainlySimple(Self.gridRing([(0, 0), (100, 0), (100, 100), (100, 0), (0, 100)])), "spike back")
    }

    // MARK: CSV rows

    @Test func csvRowsAreTheTextOfCsvRow() {
        let cells = ["plain", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nonly", "宗地", ""]
        var row = CSVRow(out: [])
        for cell in cells { row.text(cell) }
        row.exact(1071.25)
        row.exact(nil)
        row.integer(-42)
        row.flag(true)
        row.end()
        let expected = Tables.csvRow(cells + [Tables.exact(1071.25), Tables.exact(nil), "-42", "true"])
        #expect(String(decoding: row.out, as: UTF8.self) == expected)
    }

    // MARK: Map simplification

    @Test func ringSimplificationStaysWithinTheToleranceAndKeepsATriangle() {
        // A circle of 2000 points, 400 tenths (40 px) across.
        let circle = (0..<2000).map { k -> PathData.Tenths in
            let angle = Double(k) / 2000 * 2 * Double.pi
            return PathData.Tenths(x: Int((2000 + 200 * cos(angle)).rounded()), y: Int((2000 + 200 * sin(angle)).rounded()))
        }
        var ring: [PathData.Tenths] = []
        for point in circle where ring.last != point { ring.append(point) }
        let simplified = PathData.simplifiedRing(ring, tolerance: PathData.toleranceTenths)
        #expect(simplified.count < 100 && simplified.count > 8)
        // Every original point lies within the tolerance of the simplified ring.
        for point in ring {
            let nearest = simplified.indices.map { index in
                PathData.squaredSegmentDistance(point, simplified[index], simplified[(index + 1) % simplified.count])
            }.min()!
            #expect(nearest <= PathData.toleranceTenths * PathData.toleranceTenths + 1e-9)
        }
        // A sliver thinner than the tolerance stays a triangle.
        let sliver = [PathData.Tenths(x: 0, y: 0), .init(x: 50, y: 1), .init(x: 100, y: 0), .init(x: 50, y: -1)]
        #expect(PathData.simplifiedRing(sliver, tolerance: PathData.toleranceTenths).count == 3)
    }

    // MARK: GeoPackage

    @Test func theRTreeIsPackedInSQLitesFormat() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-rtree-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let database = try SQLiteDatabase(path: path)
        var generator = SplitMix64(seed: 20261103)
        for (name, count) in [("one", 1), ("leaf", 40), ("two_levels", 3000), ("three_levels", 20_000)] {
            let entries = (0..<count).map { index -> RTreeEntry in
                let x = Double.random(in: 600_000...650_000, using: &generator), y = Double.random(in: 3_300_000...3_350_000, using: &generator)
                return RTreeEntry(id: Int64(index + 1), box: Envelope(minX: x, minY: y, maxX: x + 80, maxY: y + 60))
            }
            try database.execute("BEGIN")
            try RTreePacker.write(entries, into: name, database: database)
            try database.execute("COMMIT")
            #expect(try database.rows("SELECT rtreecheck('\(name)')") == [["ok"]])
            #expect(try database.rows("SELECT count(*) FROM \(name)") == [[String(count)]])
            // A window query finds exactly the boxes that meet the window.
            let window = Envelope(minX: 620_000, minY: 3_320_000, maxX: 625_000, maxY: 3_325_000)
            let expected = entries.filter { Double($0.maxX) >= window.minX && Double($0.minX) <= window.maxX && Double($0.maxY) >= window.minY && Double($0.minY) <= window.maxY }
            let found = try database.rows("SELECT id FROM \(name) WHERE maxx >= \(window.minX) AND minx <= \(window.maxX) AND maxy >= \(window.minY) AND miny <= \(window.maxY) ORDER BY id")
            #expect(found.map { Int64($0[0]!)! } == expected.map(\.id).sorted())
            // SQLite keeps the packed tree consistent under its own edits.
            try database.execute("DELETE FROM \(name) WHERE id % 3 = 0; INSERT INTO \(name) VALUES (\(count + 1), 1, 2, 3, 4)")
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

    @Test func theGeoPackageHasGDALsRowsAndAWorkingIndex() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let path = folder.appendingPathComponent("sanse.gpkg").path
        let database = try SQLiteDatabase(path: path)
        for table in ["blocks", "outlines", "parcels", "control_lines"] {
            #expect(try database.rows("SELECT rtreecheck('rtree_\(table)_geom')") == [["ok"]])
            #expect(try database.rows("SELECT count(*) FROM gpkg_extensions WHERE table_name = '\(table)' AND extension_name = 'gpkg_rtree_index'") == [["1"]])
            #expect(try database.rows("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '\(table)'") == [["8"]])
        }
        #expect(try database.rows("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'parcels'") == [[String(report.survey.parcels.count)]])
        try database.close()
        // GDAL reads every feature back, and its spatial filter (through the R-tree) agrees
        // with the geometries.
        let dataset = try VectorDataset(path: path)
        let parcels = try #require(dataset.layer(named: "parcels"))
        let features = try parcels.readAll()
        #expect(features.count == report.survey.parcels.count)
        for (feature, parcel) in zip(features, report.survey.parcels) {
            let geometry = try Geometry(wkb: try #require(feature.wkb))
            #expect(try geometry.equalsTopologically(parcel.geometry()))
        }
    }

    @Test func aSurveyWithDatesIsWrittenThroughGDAL() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        var survey = report.survey
        survey.parcelFields.append(FieldDefinition(name: "调查日期", type: .date))
        for index in survey.parcels.indices {
            let dated = Array(survey.parcels[index].sourceValues) + [.string("2024/01/\(10 + index)")]
            survey.parcels[index].sourceValues = AttributeRow(dated)
        }
        let path = folder.appendingPathComponent("dated.gpkg").path
        try GeoPackageExport.write(to: path, survey: survey, analysis: report.analysis)
        let dataset = try VectorDataset(path: path)
        let parcels = try #require(dataset.layer(named: "parcels"))
        let column = try #require(parcels.fields.firstIndex { $0.name == "调查日期" })
        #expect(parcels.fields[column].type == .date)
        let features = try parcels.readAll()
        #expect(features.count == survey.parcels.count)
        #expect(features.first?.values[column] == .string("2024/01/10"))
        let database = try SQLiteDatabase(path: path)
        #expect(try database.rows("SELECT rtreecheck('rtree_parcels_geom')") == [["ok"]])
        try database.close()
    }
}
