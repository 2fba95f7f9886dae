import Foundation
import GeoKit
import Testing

/// One bad input, run end to end through the built `sanse run`.
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Expectation: Sendable {
        /// Refused: exit 2, one line on stderr, no output folder.
        case refused
        /// Bad usage caught by the argument parser: exit 2 and its usage text, no output folder.
        case badUsage
        /// Finished: this exit code and a complete output folder.
        case finished(Int32)
    }

    var name: String
    /// Writes the inputs into the folder.
    var make: @Sendable (_ inputs: URL) throws -> Void
    /// The arguments after `run`, given the inputs folder and the output folder to use.
    var arguments: @Sendable (_ inputs: URL, _ out: URL) -> [String]
    var expectation: Expectation
    /// Texts stderr must contain: the file, the feature, the reason.
    var stderrMentions: [String]
    /// For a finished run: texts issues.csv and parcels.csv must (or must not) contain.
    var issuesMention: [String] = []
    var parcelsMention: [String] = []
    var parcelsOmit: [String] = []
    var timeLimit: Double = 120

    var testDescription: String { name }

    /// The usual `--parcels … --control-lines … --out …` for a GeoJSON survey in `inputs`.
    static func geoJSONArguments(_ extra: [String] = []) -> @Sendable (URL, URL) -> [String] {
        { inputs, out in
            ["--parcels", inputs.appendingPathComponent("parcels.geojson").path,
             "--control-lines", inputs.appendingPathComponent("control.geojson").path, "--out", out.path] + extra
        }
    }
}

extension HostileCase {
    typealias C = HostileCorpus

    static let all: [HostileCase] = inputFiles + geometry + fields + config + outputFolders

    static let inputFiles: [HostileCase] = [
        HostileCase(name: "truncated GeoJSON", make: { try C.geoJSONSurvey($0, parcels: String(C.parcels.prefix(C.parcels.count / 2))) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "cannot open parcels input"]),
        HostileCase(name: "garbled GeoJSON", make: { try C.geoJSONSurvey($0); try C.noise(4096).write(to: $0.appendingPathComponent("parcels.geojson")) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "not recognized"]),
        HostileCase(name: "empty file", make: { try C.geoJSONSurvey($0, parcels: "") },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "the file is empty"]),
        HostileCase(name: "empty parcels layer", make: { try C.geoJSONSurvey($0, parcels: C.collection([])) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "no parcel geometries (0 features)"]),
        HostileCase(name: "empty control layer", make: { try C.geoJSONSurvey($0, control: C.collection([])) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["control.geojson", "no usable control-line polygon"]),
        HostileCase(name: "Shapefile without its .shx",
                    make: { try C.gkShapefileSurvey($0); try FileManager.default.removeItem(at: $0.appendingPathComponent("宗地.shx")) },
                    arguments: shapefileArguments, expectation: .refused, stderrMentions: ["宗地.shp", ".shx", "missing"]),
        HostileCase(name: "Shapefile without its .dbf",
                    make: { try C.gkShapefileSurvey($0); try FileManager.default.removeItem(at: $0.appendingPathComponent("宗地.dbf")) },
                    arguments: shapefileArguments, expectation: .refused, stderrMentions: ["宗地.shp", ".dbf", "missing"]),
        HostileCase(name: "Shapefile whose geometry is noise", make: { folder in
                        try C.gkShapefileSurvey(folder)
                        let shp = folder.appendingPathComponent("宗地.shp")
                        var bytes = try Data(contentsOf: shp)
                        bytes.replaceSubrange(100..., with: C.noise(bytes.count - 100))
                        try bytes.write(to: shp)
                    },
                    arguments: shapefileArguments, expectation: .refused, stderrMentions: ["宗地.shp", "no parcel geometries (2 features)"]),
        HostileCase(name: "GBK Shapefile without its .cpg is read as GBK",
                    make: { try C.gkShapefileSurvey($0); try FileManager.default.removeItem(at: $0.appendingPathComponent("宗地.cpg")) },
                    arguments: shapefileArguments, expectation: .finished(1), stderrMentions: ["encoding_assumed 1"],
                    issuesMention: ["parcels,,encoding_assumed,warning,宗地.dbf"], parcelsMention: ["Z1,B0001,坎墩街道", "Z2,B0001,坎墩街道"]),
        HostileCase(name: "GBK CSV attribute table", make: { folder in
                        try C.geoJSONSurvey(folder)
                        // 宗地编号,亩均评价 / A1,A类 in GBK.
                        let gbk: [UInt8] = [0xD7, 0xDA, 0xB5, 0xD8, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC4, 0xB6, 0xBE, 0xF9, 0xC6, 0xC0, 0xBC, 0xDB, 0x0A,
                                            0x41, 0x31, 0x2C, 0x41, 0xC0, 0xE0, 0x0A]
                        try Data(gbk).write(to: folder.appendingPathComponent("评价.csv"))
                    },
                    arguments: { inputs, out in geoJSONArguments(["--attributes", inputs.appendingPathComponent("评价.csv").path, "--join-on", "宗地编号"])(inputs, out) },
                    expectation: .refused, stderrMentions: ["评价.csv", "is not UTF-8 text"]),
    ]

    static let geometry: [HostileCase] = [
        HostileCase(name: "points where parcels should be",
                    make: { try C.geoJSONSurvey($0, parcels: C.collection([C.feature("\"宗地编号\":\"PT1\"", "{\"type\":\"Point\",\"coordinates\":[121.2,30.2]}")])) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "PT1: Point is not a polygon"]),
        HostileCase(name: "lines where parcels should be",
                    make: { try C.geoJSONSurvey($0, parcels: C.collection([C.feature("\"宗地编号\":\"L1\"", "{\"type\":\"LineString\",\"coordinates\":[[121.2,30.2],[121.21,30.21]]}")])) },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["parcels.geojson", "L1: LineString is not a polygon"]),
        HostileCase(name: "control layer with no polygons", make: {
                        try C.geoJSONSurvey($0, control: C.collection([
                            C.feature("\"名称\":\"open\"", "{\"type\":\"LineString\",\"coordinates\":[[121.19,30.19],[121.3,30.19],[121.3,30.3]]}"),
                            C.feature("\"名称\":\"point\"", "{\"type\":\"Point\",\"coordinates\":[121.2,30.2]}"),
                        ]))
                    },
                    arguments: geoJSONArguments(), expectation: .refused, stderrMentions: ["control.geojson", "no usable control-line polygon", "fid 0: control line is not closed"]),
        HostileCase(name: "towns layer with no polygons", make: { folder in
                        try C.geoJSONSurvey(folder)
                        try C.write(C.collection([C.feature("\"镇街名称\":\"坎墩街道\"", "{\"type\":\"Point\",\"coordinates\":[121.2,30.2]}")]), folder, "towns.geojson")
                    },
                    arguments: { inputs, out in geoJSONArguments(["--towns", inputs.appendingPathComponent("towns.geojson").path])(inputs, out) },
                    expectation: .refused, stderrMentions: ["towns.geojson", "no usable town polygon", "Point is not a polygon"]),
        HostileCase(name: "NaN, Inf and 1e300 coordinates", make: { folder in
                        let ring = { (bad: String) in "{\"type\":\"Polygon\",\"coordinates\":[[[121.2,30.2],[\(bad),30.2],[121.201,30.201],[121.2,30.2]]]}" }
                        try C.geoJSONSurvey(folder, parcels: C.collection([
                            C.feature("\"宗地编号\":\"NAN1\"", ring("NaN")), C.feature("\"宗地编号\":\"INF1\"", ring("Infinity")),
                            C.feature("\"宗地编号\":\"NEGINF1\"", ring("-Infinity")), C.feature("\"宗地编号\":\"BIG1\"", ring("1e300")),
                            C.polygon("OK1", 0),
                        ]))
                    },
                    arguments: geoJSONArguments(), expectation: .finished(1), stderrMentions: ["bad_coordinates 4"],
                    issuesMention: ["parcels,NAN1,bad_coordinates", "parcels,INF1,bad_coordinates", "parcels,NEGINF1,bad_coordinates", "parcels,BIG1,bad_coordinates"],
                    parcelsMention: ["OK1,B0001"], parcelsOmit: ["NAN1", "INF1", "BIG1"]),
        HostileCase(name: "duplicate ids", make: { try C.geoJSONSurvey($0, parcels: C.collection([C.polygon("D1", 0), C.polygon("D1", 1), C.polygon("D1", 3)])) },
                    arguments: geoJSONArguments(), expectation: .finished(1), stderrMentions: ["duplicate_id 2"],
                    issuesMention: ["parcels,D1,duplicate_id,warning,宗地编号重复，此要素记为 D1#2", "kept as D1#3"],
                    parcelsMention: ["\nD1,B0001", "\nD1#2,B0001", "\nD1#3,B0002"]),
        HostileCase(name: "nested GeometryCollections", make: { folder in
                        let nested = "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"GeometryCollection\",\"geometries\":["
                            + "{\"type\":\"Polygon\",\"coordinates\":\(C.square(0))},{\"type\":\"Point\",\"coordinates\":[121.2,30.2]},"
                            + "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"LineString\",\"coordinates\":[[121.2,30.2],[121.3,30.3]]}]}]}]}]}"
                        try C.geoJSONSurvey(folder, parcels: C.collection([C.feature("\"宗地编号\":\"GC1\"", nested), C.polygon("OK1", 1)]))
                    },
                    arguments: geoJSONArguments(), expectation: .finished(1), stderrMentions: ["repaired 1"],
                    issuesMention: ["parcels,GC1,repaired,warning"], parcelsMention: ["\nGC1,B0001", "\nOK1,B0001"]),
        HostileCase(name: "a polygon with a million vertices", make: { folder in
                        let circle = C.circleWKB(vertices: 1_000_000, centre: (620_500, 3_340_500), radius: 200)
                        try C.writeLayer(folder.appendingPathComponent("parcels.gpkg"), driver: "GPKG", crs: "EPSG:4549", fields: ["宗地编号", "所属镇街"],
                                         rows: [(["MEGA", "坎墩街道"], circle), (["SMALL", "坎墩街道"], try C.gkSquare(0))])
                        let around = try Geometry(wkt: "POLYGON ((619000 3339000, 622000 3339000, 622000 3342000, 619000 3342000, 619000 3339000))").wkb()
                        try C.writeLayer(folder.appendingPathComponent("control.gpkg"), driver: "GPKG", crs: "EPSG:4549", fields: ["名称"], rows: [(["工业控制线"], around)])
                    },
                    arguments: { inputs, out in
                        ["--parcels", inputs.appendingPathComponent("parcels.gpkg").path, "--control-lines", inputs.appendingPathComponent("control.gpkg").path,
                         "--out", out.path]
                    },
                    expectation: .finished(0), stderrMentions: ["parcels 2, blocks 2"], parcelsMention: ["\nMEGA,B0001,坎墩街道,125663.", "\nSMALL,B0002"],
                    timeLimit: 900),
        HostileCase(name: "lon/lat values in a file that declares a GK CRS", make: { folder in
                        let lonLat = try Geometry(wkt: "POLYGON ((121.2 30.2, 121.201 30.2, 121.201 30.201, 121.2 30.201, 121.2 30.2))").wkb()
                        try C.writeLayer(folder.appendingPathComponent("parcels.gpkg"), driver: "GPKG", crs: "EPSG:4549", fields: ["宗地编号"], rows: [(["A1"], lonLat)])
                        try C.write(C.control, folder, "control.geojson")
                    },
                    arguments: { inputs, out in
                        ["--parcels", inputs.appendingPathComponent("parcels.gpkg").path, "--control-lines", inputs.appendingPathComponent("control.geojson").path,
                         "--out", out.path]
                    },
                    expectation: .refused, stderrMentions: ["parcels.gpkg", "declares EPSG:4549", "look like longitudes and latitudes", "--source-crs"]),
    ]

    static let fields: [HostileCase] = [
        HostileCase(name: "join field missing from the parcels", make: { folder in
                        try C.geoJSONSurvey(folder)
                        try C.write("统一社会信用代码,亩均评价\n91330282MA2AAAAA1X,A\n", folder, "评价.csv")
                    },
                    arguments: { inputs, out in geoJSONArguments(["--attributes", inputs.appendingPathComponent("评价.csv").path, "--join-on", "统一社会信用代码"])(inputs, out) },
                    expectation: .refused, stderrMentions: ["parcels.geojson", "join field \"统一社会信用代码\" is not in the parcels layer"]),
        HostileCase(name: "join field missing from the table", make: { folder in
                        try C.geoJSONSurvey(folder)
                        try C.write("编号,亩均评价\nA1,A\n", folder, "评价.csv")
                    },
                    arguments: { inputs, out in geoJSONArguments(["--attributes", inputs.appendingPathComponent("评价.csv").path, "--join-on", "宗地编号"])(inputs, out) },
                    expectation: .refused, stderrMentions: ["评价.csv", "join field \"宗地编号\" is not in the attribute table"]),
        HostileCase(name: "parcels without an id field", make: {
                        try C.geoJSONSurvey($0, parcels: C.collection([C.feature("\"所属镇街\":\"坎墩街道\"", "{\"type\":\"Polygon\",\"coordinates\":\(C.square(0))}")]))
                    },
                    arguments: geoJSONArguments(), expectation: .finished(1), stderrMentions: ["missing_field 1"],
                    issuesMention: ["parcels,,missing_field,warning"], parcelsMention: ["\nfid 0,B0001,坎墩街道"]),
    ]

    static let config: [HostileCase] = [
        configCase("config: text where a number belongs", "contiguity:\n  gap_m: thirty\n", ["sanse.yml:2:", "expected a number"]),
        configCase("config: a mapping where the rules list belongs", "rules:\n  category: exit\n", ["sanse.yml:2:", "rules must be a list"]),
        configCase("config: a list where a mapping belongs", "contiguity: [30]\n", ["sanse.yml:1:", "expected a mapping"]),
        configCase("config: a word where a rule's value belongs",
                   "rules:\n  - category: exit\n    any:\n      - {metric: inside_share, op: \"<\", value: half}\n", ["sanse.yml:4:", "expected a number"]),
        HostileCase(name: "config: not UTF-8", make: { folder in
                        try C.geoJSONSurvey(folder)
                        try C.noise(300).write(to: folder.appendingPathComponent("sanse.yml"))
                    },
                    arguments: { inputs, out in geoJSONArguments(["--config", inputs.appendingPathComponent("sanse.yml").path])(inputs, out) },
                    expectation: .refused, stderrMentions: ["sanse.yml", "is not UTF-8 text"]),
        HostileCase(name: "--gap below zero", make: { try C.geoJSONSurvey($0) }, arguments: geoJSONArguments(["--gap=-1"]),
                    expectation: .badUsage, stderrMentions: ["--gap must be between 0 and 10000 metres, got -1.0"]),
        HostileCase(name: "--gap not a number", make: { try C.geoJSONSurvey($0) }, arguments: geoJSONArguments(["--gap", "nan"]),
                    expectation: .badUsage, stderrMentions: ["--gap must be between 0 and 10000 metres"]),
        HostileCase(name: "--workers 0", make: { try C.geoJSONSurvey($0) }, arguments: geoJSONArguments(["--workers", "0"]),
                    expectation: .badUsage, stderrMentions: ["--workers must be at least 1"]),
    ]

    static func configCase(_ name: String, _ yaml: String, _ mentions: [String]) -> HostileCase {
        HostileCase(name: name, make: { folder in
                        try C.geoJSONSurvey(folder)
                        try C.write(yaml, folder, "sanse.yml")
                    },
                    arguments: { inputs, out in geoJSONArguments(["--config", inputs.appendingPathComponent("sanse.yml").path])(inputs, out) },
                    expectation: .refused, stderrMentions: mentions)
    }

    /// Output folders: the run's own `out` is ignored and `--out` points elsewhere.
    static func outputCase(_ name: String, make: @escaping @Sendable (URL) throws -> Void = { _ in }, out: @escaping @Sendable (URL) -> String,
                           _ mentions: [String]) -> HostileCase {
        HostileCase(name: name, make: { folder in try C.geoJSONSurvey(folder); try make(folder) },
                    arguments: { inputs, _ in
                        ["--parcels", inputs.appendingPathComponent("parcels.geojson").path,
                         "--control-lines", inputs.appendingPathComponent("control.geojson").path, "--out", out(inputs)]
                    },
                    expectation: .refused, stderrMentions: mentions)
    }

    static let outputFolders: [HostileCase] = [
        outputCase("output folder equal to the input folder", out: { $0.path }, ["must not be an input's folder", "choose another --out"]),
        outputCase("output folder holding the input folder", out: { $0.deletingLastPathComponent().path }, ["must not be an input's folder"]),
        outputCase("output folder inside a file", make: { try C.write("notes\n", $0, "notes.txt") },
                   out: { $0.appendingPathComponent("notes.txt/out").path }, ["notes.txt", "cannot create the output folder's parent"]),
        outputCase("output path is an existing file", make: { try C.write("notes\n", $0, "notes.txt") },
                   out: { $0.appendingPathComponent("notes.txt").path }, ["notes.txt", "exists and is not a folder"]),
        outputCase("output folder sanse did not write", make: { folder in
                       try FileManager.default.createDirectory(at: folder.appendingPathComponent("论文"), withIntermediateDirectories: true)
                       try C.write("三年的工作\n", folder, "论文/thesis.txt")
                   },
                   out: { $0.appendingPathComponent("论文").path }, ["论文", "is a folder sanse did not write (it has no run.json)"]),
        HostileCase(name: "unwritable output folder", make: { folder in
                        try C.geoJSONSurvey(folder)
                        try FileManager.default.createDirectory(at: folder.appendingPathComponent("read-only"), withIntermediateDirectories: true)
                        chmod(folder.appendingPathComponent("read-only").path, 0o555)
                    },
                    arguments: { inputs, _ in
                        // root writes through permissions: /proc takes no new folders from anyone.
                        let parent = getuid() == 0 ? "/proc" : inputs.appendingPathComponent("read-only").path
                        return ["--parcels", inputs.appendingPathComponent("parcels.geojson").path,
                                "--control-lines", inputs.appendingPathComponent("control.geojson").path, "--out", parent + "/sanse-out"]
                    },
                    expectation: .refused, stderrMentions: ["cannot write in the output folder's parent"]),
    ]

    static let shapefileArguments: @Sendable (URL, URL) -> [String] = { inputs, out in
        ["--parcels", inputs.appendingPathComponent("宗地.shp").path, "--control-lines", inputs.appendingPathComponent("控制线.shp").path, "--out", out.path]
    }
}

/// Every case ends with the documented exit code and a message naming the file (and the
/// feature), within its time limit; the run changes nothing but its own output folder: no
/// partial or staging folder is left, and every input is byte-identical afterwards.
@Suite("hostile input", .serialized)
struct HostileInputTests {
    @Test(arguments: HostileCase.all)
    func endsCleanly(_ hostile: HostileCase) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-hostile-\(UUID().uuidString)")
        let inputs = base.appendingPathComponent("inputs"), out = base.appendingPathComponent("outputs/result")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer {
            chmod(inputs.appendingPathComponent("read-only").path, 0o755)
            try? FileManager.default.removeItem(at: base)
        }
        try hostile.make(inputs)
        let arguments = hostile.arguments(inputs, out)
        let before = try Self.snapshot(base)

        let outcome = try SanseProcess.run(["run"] + arguments, timeLimit: hostile.timeLimit)

        let context = Comment(rawValue: "\(hostile.name): \(outcome.ending) after \(String(format: "%.1f", outcome.seconds)) s; stderr: \(outcome.stderr.suffix(1500))")
        for mention in hostile.stderrMentions {
            #expect(outcome.stderr.contains(mention), "stderr names \(mention)")
        }
        var after = try Self.snapshot(base)
        switch hostile.expectation {
        case .refused:
            #expect(outcome.ending == .exited(2), context)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("sanse: "), "one line on stderr")
            // An --out inside base is covered by the comparison below; elsewhere it must not exist.
            let outPath = arguments[arguments.firstIndex(of: "--out")! + 1]
            #expect(outPath == base.path || outPath.hasPrefix(base.path + "/") || !FileManager.default.fileExists(atPath: outPath), "no output folder at \(outPath)")
        case .badUsage:
            #expect(outcome.ending == .exited(2), context)
            #expect(outcome.stderr.hasPrefix("Error: "), context)
        case .finished(let status):
            #expect(outcome.ending == .exited(status), context)
            let written = after.keys.filter { $0.hasPrefix("outputs/result/") }
            for name in ["run.json", "issues.csv", "parcels.csv", "blocks.geojson", "map.svg", "sanse.gpkg"] {
                #expect(written.contains("outputs/result/" + name), "\(name) written")
            }
            let issues = String(decoding: after["outputs/result/issues.csv"] ?? Data(), as: UTF8.self)
            let parcels = String(decoding: after["outputs/result/parcels.csv"] ?? Data(), as: UTF8.self)
            for mention in hostile.issuesMention { #expect(issues.contains(mention), "issues.csv: \(mention)\n\(issues)") }
            for mention in hostile.parcelsMention { #expect(parcels.contains(mention), "parcels.csv: \(mention)\n\(parcels.prefix(600))") }
            for omitted in hostile.parcelsOmit { #expect(!parcels.contains(omitted), "parcels.csv leaves out \(omitted)") }
            for name in written { after.removeValue(forKey: name) }
            after.removeValue(forKey: "outputs/result")
        }
        // Nothing else changed: inputs byte-identical, no staging or half-written folder.
        #expect(after.keys.sorted() == before.keys.sorted(), "files before and after differ: \(Set(after.keys).symmetricDifference(before.keys).sorted())")
        for (name, bytes) in before where after[name] != bytes {
            Issue.record("\(name) changed")
        }
    }

    /// Every file and folder under `root`, by relative path, with the bytes of files.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            files[name] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }
}
