import Foundation
import Testing
import TestSupport
@testable import GeoKit

/// The fast GeoJSON reader against GDAL: whenever it reads a file, the result must be GDAL's
/// to the byte; what it cannot read exactly it must decline (GDAL then reads it).
@Suite("GeoJSON reader")
struct GeoJSONReaderTests {
    static func write(_ text: String, name: String = "layer.geojson") throws -> (path: String, folder: URL) {
        try write(bytes: Array(text.utf8), name: name)
    }

    static func write(bytes: [UInt8], name: String = "layer.geojson") throws -> (path: String, folder: URL) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, folder)
    }

    static func outcome(_ text: String, name: String = "layer.geojson", workers: Int = 2) throws -> GeoJSONDifferential.Outcome {
        try outcome(bytes: Array(text.utf8), name: name, workers: workers)
    }

    static func outcome(bytes: [UInt8], name: String = "layer.geojson", workers: Int = 2) throws -> GeoJSONDifferential.Outcome {
        let (path, folder) = try write(bytes: bytes, name: name)
        defer { try? FileManager.default.removeItem(at: folder) }
        return GeoJSONDifferential.compare(path, workers: workers)
    }

    static func collection(_ features: [String], members: String = "") -> String {
        "{\n\"type\": \"FeatureCollection\",\(members)\n\"features\": [\n" + features.joined(separator: ",\n") + "\n]\n}\n"
    }

    static func feature(_ properties: String, _ geometry: String = #"{"type": "Polygon", "coordinates": [[[121.1, 30.2], [121.2, 30.2], [121.2, 30.3], [121.1, 30.2]]]}"#) -> String {
        #"{ "type": "Feature", "properties": \#(properties), "geometry": \#(geometry) }"#
    }

    // MARK: Survey-like files

    /// A survey as GDAL and GeoPandas write it, large enough to be split into pieces.
    static func survey(features: Int, seed: UInt64 = 7) -> String {
        var random = SeededRandom(seed)
        let grades = ["A", "B", "C类", " D ", "ａ", "", "/"]
        let rows = (0..<features).map { index -> String in
            let x = 121 + Double(random.next() % 100_000) / 1e5, y = 30 + Double(random.next() % 100_000) / 1e5
            let ring = "[[\(x), \(y)], [\(x + 0.0012345), \(y)], [\(x + 0.0012345), \(y + 0.0009876)], [\(x), \(y + 0.0009876)], [\(x), \(y)]]"
            let geometry: String
            switch index % 97 {
            case 13: geometry = "null"
            case 29: geometry = #"{ "type": "MultiPolygon", "coordinates": [ [ \#(ring) ], [ \#(ring) ] ] }"#
            default: geometry = #"{ "type": "Polygon", "coordinates": [ \#(ring) ] }"#
            }
            let far = index % 11 == 0 ? "null" : "\"\(Double(random.next() % 300) / 100)\""
            let tax = index % 7 == 0 ? "null" : String(Double(random.next() % 800_000) / 100)
            let properties = #"{ "宗地编号": "330282-\#(String(format: "%03d", index % 900))-\#(String(format: "%04d", index))", "权利人": "慈溪市第\#(index % 300)电器有限公司", "所属镇街": "浒山街道", "用地面积": \#(Double(random.next() % 10_000_000) / 100), "容积率": \#(far), "亩均评价": "\#(grades[index % grades.count])", "亩均税收": \#(tax), "层数": \#(index % 5) }"#
            return feature(properties, geometry)
        }
        return collection(rows, members: "\n\"name\": \"parcels\",\n\"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\" } },")
    }

    @Test(arguments: [1, 2, 4, 16])
    func surveyReadsAsGDALReadsIt(workers: Int) throws {
        #expect(try Self.outcome(Self.survey(features: 4000), workers: workers) == .same)
    }

    @Test func surveySplitsIntoSeveralChunksAndKeepsOrder() throws {
        let (path, folder) = try Self.write(Self.survey(features: 4000))
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = try GeoJSONReader.read(path: path, workers: 4)
        #expect(layer.chunks.count > 1)
        #expect(layer.chunks.flatMap(\.fids) == (0..<4000).map(Int64.init))
        #expect(layer.fields.map(\.name) == ["宗地编号", "权利人", "所属镇街", "用地面积", "容积率", "亩均评价", "亩均税收", "层数"])
        #expect(layer.fields.map(\.type) == [.string, .string, .string, .real, .string, .string, .real, .integer])
        #expect(layer.spatialReference?.identifier == "EPSG:4326")
    }

    @Test func prettyPrintedAndMinifiedLayoutsToo() throws {
        let survey = Self.survey(features: 1500)
        let object = try JSONSerialization.jsonObject(with: Data(survey.utf8))
        for options: JSONSerialization.WritingOptions in [[.prettyPrinted], [], [.prettyPrinted, .sortedKeys]] {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: options), as: UTF8.self)
            let outcome = try Self.outcome(text, workers: 4)
            // Foundation writes some numbers in forms GDAL reads its own way; never differently.
            guard case .declined = outcome else {
                #expect(outcome == .same, "\(options)")
                continue
            }
        }
    }

    // MARK: Cases, one by one

    /// Documents the reader must read, identically to GDAL.
    static let accepted: [(String, String)] = [
        ("empty collection", collection([])),
        ("numbers", collection([feature(#"{"a": -0, "b": -0.0, "c": 1E-5, "d": 0.30000000000000004, "e": 123456789012345678, "f": 1.7976931348623157e308, "g": 5e-324, "h": 2.2250738585072011e-308, "i": 3.14159265358979323846264338327950288, "j": 1e-400, "k": 9007199254740993.0, "l": 1.5e+10}"#)])),
        ("infinite and integer coordinates", collection([feature("{}", #"{"type": "Polygon", "coordinates": [[[1e400, 30], [121, 30], [121, 31], [1e400, 30]]]}"#), feature("{}", #"{"type": "Polygon", "coordinates": [[[121, 30], [122, 30], [122, 31], [121, 30]]]}"#)])),
        ("booleans, nulls and promotions", collection([
            feature(#"{"flag": true, "n": null, "i": 1, "w": 2147483647, "r": 7}"#),
            feature(#"{"flag": false, "n": "later text", "i": 2.5, "w": 2147483648, "r": 7}"#),
            feature(#"{"flag": null, "n": null, "i": null, "w": -9, "r": 1e2}"#),
        ])),
        ("all-null field", collection([feature(#"{"x": null}"#), feature(#"{"x": null}"#)])),
        ("key orders differ", collection([
            feature(#"{"b": 1, "a": "x"}"#), feature(#"{"a": "y", "c": 2}"#), feature(#"{"z": 1}"#), feature(#"{"m": 1, "b": 2}"#),
            feature(#"{"c": 3, "b": 4}"#), feature(#"{}"#),
        ])),
        ("escapes", collection([feature(#"{"s": "é\u00e9\n\t\"\\\/ \ud83d\ude00 \u4e2d"}"#)])),
        ("projected crs after the features", "{\"type\": \"FeatureCollection\", \"features\": [\n" + feature(#"{"id": "P-1"}"#, #"{"type": "Point", "coordinates": [620000.5, 3340000.25]}"#) + "\n], \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4549\"}}, \"name\": \"宗地\"}"),
        ("geometry types", collection([
            feature("{}", #"{"type": "Point", "coordinates": [1, 2, 3]}"#),
            feature("{}", #"{"type": "LineString", "coordinates": [[1, 2], [3, 4, 5]]}"#),
            feature("{}", #"{"type": "LineString", "coordinates": []}"#),
            feature("{}", #"{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}"#),
            feature("{}", #"{"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]], []]}"#),
            feature("{}", #"{"type": "MultiPolygon", "coordinates": []}"#),
            feature("{}", #"{"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]}"#),
            feature("{}", #"{"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10]]]}"#),
            feature("{}", #"{"coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "type": "Polygon", "bbox": [0, 0, 1, 1]}"#),
            feature("{}", "null"),
            #"{"type": "Feature", "properties": {"x": 1}}"#,
        ])),
        ("null properties", collection([feature("null"), feature(#"{"a": 1}"#)])),
        ("foreign members", collection([#"{"type": "Feature", "bbox": [1, 2, 3, 4], "extra": {"k": [1, {"v": null}]}, "properties": {"a": "b"}, "geometry": null}"#], members: #" "bbox": [0, 0, 1, 1], "meta": {"x": [1, 2]},"#)),
        ("byte-order mark", "\u{FEFF}" + collection([feature(#"{"a": 1}"#)])),
        ("text that is not a date", collection([feature(#"{"code": "330282-001-0001", "t": "1/2/3/4"}"#)])),
    ]

    /// Documents the reader must leave to GDAL.
    static let declined: [(String, String)] = [
        ("feature id", collection([#"{"type": "Feature", "id": 5, "properties": {}, "geometry": null}"#])),
        ("integer id property", collection([feature(#"{"id": 5}"#)])),
        ("text and numbers mixed", collection([feature(#"{"a": "1"}"#), feature(#"{"a": 2}"#)])),
        ("date-like first value", collection([feature(#"{"d": "2024-01-05"}"#), feature(#"{"d": "x"}"#)])),
        ("time-like first value", collection([feature(#"{"d": "12:30"}"#)])),
        ("array property", collection([feature(#"{"a": [1, 2]}"#)])),
        ("object property", collection([feature(#"{"a": {"b": 1}}"#)])),
        ("NaN", collection([feature(#"{"a": NaN}"#)])),
        ("Infinity coordinate", collection([feature("{}", #"{"type": "Point", "coordinates": [Infinity, 1]}"#)])),
        ("leading zero", collection([feature(#"{"a": 01}"#)])),
        ("19-digit integer", collection([feature(#"{"a": 1234567890123456789}"#)])),
        ("long exponent that overflows", collection([feature(#"{"a": 1e+400}"#)])),
        ("lone surrogate", collection([feature(#"{"a": "\ud800"}"#)])),
        ("NUL escape", collection([feature(#"{"a": "x\u0000y"}"#)])),
        ("raw control character", collection([feature("{\"a\": \"x\ty\"}")])),
        ("geometry collection", collection([feature("{}", #"{"type": "GeometryCollection", "geometries": []}"#)])),
        ("polygon without rings", collection([feature("{}", #"{"type": "Polygon", "coordinates": []}"#)])),
        ("empty ring", collection([feature("{}", #"{"type": "Polygon", "coordinates": [[]]}"#)])),
        ("one-number position", collection([feature("{}", #"{"type": "Point", "coordinates": [1]}"#)])),
        ("text coordinate", collection([feature("{}", #"{"type": "Point", "coordinates": ["1", 2]}"#)])),
        ("lower-case type", collection([#"{"type": "feature", "properties": {}, "geometry": null}"#])),
        ("Properties in another case", collection([#"{"type": "Feature", "Properties": {}, "geometry": null}"#])),
        ("missing properties", collection([#"{"type": "Feature", "geometry": null}"#])),
        ("null properties and a field named type", collection([feature("null"), feature(#"{"type": "x"}"#)])),
        ("geometry crs", collection([feature("{}", #"{"type": "Point", "coordinates": [1, 2], "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}}"#)])),
        ("duplicate property", collection([feature(#"{"a": 1, "a": 2}"#)])),
        ("properties differing in case", collection([feature(#"{"a": 1, "A": 2}"#)])),
        ("trailing text", collection([feature("{}")]) + "x"),
        ("truncated", String(collection([feature(#"{"a": 1}"#)]).dropLast(5))),
        ("trailing comma", "{\"type\": \"FeatureCollection\", \"features\": [" + feature("{}") + ",]}"),
        ("features far into the file", "{\"type\": \"FeatureCollection\", \"meta\": \"" + String(repeating: "x", count: 7000) + "\", \"features\": [" + feature("{}") + "]}"),
        ("not a FeatureCollection", "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}"),
        ("JSONP", "jsonp(" + collection([feature("{}")]) + ")"),
        ("TopoJSON", #"{"type": "Topology", "objects": {}, "arcs": [], "features": []}"#),
    ]

    @Test(arguments: accepted)
    func readsExactlyAsGDAL(name: String, document: String) throws {
        #expect(try Self.outcome(document) == .same, "\(name)")
        #expect(try Self.outcome(document, workers: 1) == .same, "\(name)")
    }

    @Test(arguments: declined)
    func leavesToGDAL(name: String, document: String) throws {
        let outcome = try Self.outcome(document)
        guard case .declined = outcome else {
            Issue.record("\(name): \(outcome)")
            return
        }
    }

    /// Bytes that are not UTF-8 are repaired the same way on both paths.
    @Test func invalidUTF8ReadsAsGDALReadsIt() throws {
        var bytes = Array(Self.collection([Self.feature(#"{"a": "bad XX byte", "b": "ok"}"#)]).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[at] = 0xC3
        bytes[at + 1] = 0x28
        #expect(try Self.outcome(bytes: bytes) == .same)
    }

    @Test func layerNameIsTheFileNameUnlessNamed() throws {
        let (path, folder) = try Self.write(Self.collection([Self.feature("{}")]), name: "宗地 2024.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try GeoJSONReader.read(path: path).name == "宗地 2024")
        #expect(GeoJSONDifferential.compare(path) == .same)
    }

    @Test func missingAndNonRegularFilesAreDeclined() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: GeoJSONUnsupported.self) { try GeoJSONReader.read(path: folder.path) }
        #expect(throws: GeoJSONUnsupported.self) { try GeoJSONReader.read(path: folder.appendingPathComponent("none.geojson").path) }
        let empty = folder.appendingPathComponent("empty.geojson").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: GeoJSONUnsupported.self) { try GeoJSONReader.read(path: empty) }
    }

    // MARK: Random documents and mutations

    /// Random collections in the reader's subset and around it: whatever it reads must be
    /// exactly GDAL's reading, and it must read most of them.
    @Test func randomDocumentsReadAsGDALReadsThem() throws {
        var random = SeededRandom(20261123)
        var read = 0
        let rounds = 250
        for round in 0..<rounds {
            let document = RandomGeoJSON.document(&random)
            let outcome = try Self.outcome(document, workers: 1 + round % 3)
            if case .different(let why) = outcome { Issue.record("round \(round): \(why)\n\(document)") }
            if outcome == .same { read += 1 }
        }
        #expect(read > rounds / 2, "read \(read) of \(rounds)")
    }

    /// Hostile bytes: truncations, deletions, insertions of JSON fragments and junk, repeats,
    /// flipped bytes. The reader must neither crash nor read anything differently from GDAL.
    @Test func mutatedDocumentsNeverReadDifferently() throws {
        var random = SeededRandom(8)
        let bases = [Self.survey(features: 40, seed: 1), Self.accepted[1].1, Self.accepted[8].1, Self.accepted[5].1]
        var same = 0, declined = 0
        for round in 0..<1200 {
            var bytes = Array(bases[round % bases.count].utf8)
            for _ in 0..<(1 + Int(random.next() % 3)) { RandomGeoJSON.mutate(&bytes, &random) }
            let outcome = try Self.outcome(bytes: bytes, workers: 1 + round % 2)
            switch outcome {
            case .same: same += 1
            case .declined: declined += 1
            case .different(let why): Issue.record("round \(round): \(why)")
            }
        }
        #expect(same > 20 && declined > 500, "same \(same), declined \(declined)")
    }

    @Test func rawMutatedBytesNeverCrashTheReader() throws {
        var random = SeededRandom(99)
        let base = Array(Self.survey(features: 30, seed: 3).utf8)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<3000 {
            var bytes = base
            for _ in 0..<(1 + Int(random.next() % 4)) { RandomGeoJSON.mutate(&bytes, &random) }
            let path = folder.appendingPathComponent("m\(round % 4).geojson").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if let layer = try? GeoJSONReader.read(path: path, workers: 1 + round % 3) {
                // Whatever it read is whole: a value per field, WKB that can be walked.
                for chunk in layer.chunks {
                    for row in 0..<chunk.count {
                        #expect(chunk.attributes(row).count == layer.fields.count)
                        if let wkb = chunk.wkb(row) { #expect(wkb.withUnsafeBytes { WKBLayout.of($0) } != nil) }
                    }
                }
            }
        }
    }

    // MARK: Numbers

    /// The fast path (Clinger) and the fallback both round exactly like the standard
    /// library's correctly rounded parser.
    @Test func numbersRoundCorrectly() {
        var random = SeededRandom(5)
        for _ in 0..<200_000 {
            let digits = 1 + Int(random.next() % 22)
            var text = random.next() % 2 == 0 ? "-" : ""
            let integerDigits = 1 + Int(random.next() % UInt64(digits))
            text += String(1 + random.next() % 9)
            for _ in 1..<integerDigits { text += String(random.next() % 10) }
            if integerDigits < digits || random.next() % 3 == 0 {
                text += "."
                for _ in 0..<max(1, digits - integerDigits) { text += String(random.next() % 10) }
            }
            if random.next() % 2 == 0 { text += "e" + (random.next() % 2 == 0 ? "-" : "") + String(random.next() % 330) }
            let parsed = text.utf8CString.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: UInt8.self) { JSONNumber.parse($0.baseAddress!, available: $0.count - 1) }
            }
            let isInteger = !text.contains(".") && !text.contains("e")
            if isInteger && integerDigits > 18 {
                #expect(parsed == nil, "\(text)")
                continue
            }
            guard let (value, length) = parsed else {
                // Only an overflowing long exponent is declined.
                #expect(text.split(separator: "e").last!.count > 3 && Double(text)!.isInfinite, "\(text)")
                continue
            }
            #expect(length == text.utf8.count)
            if isInteger {
                #expect(value == .integer(Int64(text)!), "\(text)")
            } else {
                #expect(value.doubleValue.bitPattern == Double(text)!.bitPattern, "\(text)")
            }
        }
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x10", "--1", "1.2.3"])
    func malformedNumbersAreRefused(text: String) {
        let parsed = text.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { JSONNumber.parse($0.baseAddress!, available: $0.count - 1) }
        }
        // A prefix may be a number ("1" of "1.2.3"); the reader then fails on what follows.
        if let (_, length) = parsed { #expect(length < text.utf8.count, "\(text)") }
    }
}

/// The shared SplitMix64, so failures can be replayed; `pick` chooses by the remainder.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    init(_ seed: UInt64) { self.init(seed: seed) }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// Random GeoJSON for the differential tests.
enum RandomGeoJSON {
    static let keys = ["ID", "名称", "a", "b", "c", "area", "z", "_x", "date", "flag"]
    static let texts = ["x", "", " padded ", "慈溪", "1.5", "A类", "330282-001-0001", "a\\\"b", "\\u00e9"]
    /// GDAL types a field by its first text as a date or time: such files are declined.
    static let dateLike = ["2024-01-01", "12:00"]

    static func number(_ random: inout SeededRandom) -> String {
        switch random.next() % 9 {
        case 0: return String(Int64(bitPattern: random.next()) % 1000)
        case 1: return String(Int64(bitPattern: random.next()) % 10_000_000_000)
        case 2: return "-0"
        case 3: return String(Double(Int(random.next() % 1_000_000)) / 1000)
        case 4: return "\(random.next() % 10).\(random.next() % 100_000_000_000_000)e\(Int(random.next() % 40) - 20)"
        case 5: return "121.\(String(format: "%07d", Int(random.next() % 10_000_000)))"
        case 6: return "0.\(random.next())\(random.next())"
        case 7: return random.pick(["1e308", "1e-320", "2.5E+3", "-0.0", "4.9406564584124654e-324"])
        default: return String(Double(bitPattern: random.next() >> 2 | 0x3000_0000_0000_0000))
        }
    }

    static func value(_ random: inout SeededRandom, key: String) -> String {
        // One kind per key, rarely another, so most documents are in the reader's subset.
        let numeric = (Int(key.unicodeScalars.first!.value) + Int(random.next() % 150 == 0 ? 1 : 0)) % 2 == 0
        if random.next() % 10 == 0 { return "null" }
        if numeric {
            return random.next() % 8 == 0 ? random.pick(["true", "false"]) : number(&random)
        }
        return "\"\(random.next() % 60 == 0 ? random.pick(dateLike) : random.pick(texts))\""
    }

    static func position(_ random: inout SeededRandom) -> String {
        let count = random.next() % 8 == 0 ? 3 : 2
        return "[" + (0..<count).map { _ in number(&random) }.joined(separator: ", ") + "]"
    }

    static func positions(_ random: inout SeededRandom, closed: Bool) -> String {
        let count = Int(random.next() % 6) + (closed && random.next() % 20 != 0 ? 3 : 0)
        var items = (0..<count).map { _ in position(&random) }
        if closed, let first = items.first { items.append(first) }
        return "[" + items.joined(separator: ", ") + "]"
    }

    static func geometry(_ random: inout SeededRandom) -> String {
        switch random.next() % 9 {
        case 0: return "null"
        case 1: return #"{"type": "Point", "coordinates": \#(position(&random))}"#
        case 2: return #"{"type": "LineString", "coordinates": \#(positions(&random, closed: false))}"#
        case 3: return #"{"type": "MultiPoint", "coordinates": [\#(position(&random)), \#(position(&random))]}"#
        case 4: return #"{"type": "MultiLineString", "coordinates": [\#(positions(&random, closed: false))]}"#
        case 5: return #"{"type": "MultiPolygon", "coordinates": [[\#(positions(&random, closed: true))], [\#(positions(&random, closed: true)), \#(positions(&random, closed: true))]]}"#
        default: return #"{"type": "Polygon", "coordinates": [\#(positions(&random, closed: true))]}"#
        }
    }

    static func document(_ random: inout SeededRandom) -> String {
        let features = (0..<Int(random.next() % 12)).map { _ -> String in
            var chosen: [String] = []
            for key in keys where random.next() % 3 != 0 { chosen.append(key) }
            if random.next() % 2 == 0 { chosen.shuffle(using: &random) }
            let properties = "{" + chosen.map { "\"\($0)\": \(value(&random, key: $0))" }.joined(separator: ", ") + "}"
            return #"{"type": "Feature", "properties": \#(properties), "geometry": \#(geometry(&random))}"#
        }
        let members = random.pick(["", #""name": "n", "#, #""crs": {"type": "name", "properties": {"name": "EPSG:4549"}}, "#, #""bbox": [1, 2, 3, 4], "#])
        let separator = random.pick([",\n", ", ", ",\n  "])
        return "{\"type\": \"FeatureCollection\", \(members)\"features\": [\n" + features.joined(separator: separator) + "\n]}\n"
    }

    static let fragments = ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "NaN", "-", "1e999", "0", "\"type\"", "\"Feature\"", "\"id\": 1", "[[", "]]", "\n", " ", "\u{0}", "\u{FEFF}", "é", "\\ud800", "{\"a\": [1]}", "\"coordinates\": []"]

    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        let at = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 6 {
        case 0: bytes.removeSubrange(at...)
        case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 20)))
        case 2: bytes.insert(contentsOf: Array(random.pick(fragments).utf8), at: at)
        case 3: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 4:
            let end = min(bytes.count, at + 1 + Int(random.next() % 200))
            bytes.insert(contentsOf: Array(bytes[at..<end]), at: end)
        default:
            let other = Int(random.next() % UInt64(bytes.count))
            bytes.swapAt(at, other)
        }
    }
}
