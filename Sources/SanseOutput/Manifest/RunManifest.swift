import Foundation
import GeoKit
import SanseModel

/// run.json: what made this output — tool version, inputs with SHA-256, the effective config,
/// the analysis CRS and why, counts, and time per stage.
package struct RunManifest: Encodable {
    struct Tool: Encodable {
        var name = "sanse"
        var version = SanseVersion.current
        /// The GEOS, PROJ and GDAL releases the run used, as each reports itself.
        var libraries = Libraries(LibraryVersions.current)
    }

    struct Libraries: Encodable {
        var geos: String
        var proj: String
        var gdal: String

        init(_ versions: LibraryVersions) {
            geos = versions.geos
            proj = versions.proj
            gdal = versions.gdal
        }
    }

    package struct InputFile: Encodable {
        var path: String
        package var sha256: String?
        var bytes: Int?
    }

    struct Input: Encodable {
        var role: String
        /// The public form of the input's name (`DatasetName`): no password.
        var path: String
        var layer: String
        var driver: String
        var sourceCRS: String
        var featuresRead: Int
        var featuresKept: Int
        var files: [InputFile]
        /// For an input that is not a local file: the SHA-256 of the rows read.
        var rowsSHA256: String? = nil
    }

    struct CRS: Encodable {
        var definition: String
        var name: String
        var reason: String
    }

    struct WebCopy: Encodable {
        var crs: String
        var files: [String]
        var approximate: Bool
        var note: String
    }

    struct Counts: Encodable {
        var parcels: Int
        var blocks: Int
        var blocksByCategory: [String: Int]
        var landMuByCategory: [String: Double]
        var tenHectareClusters: Int
        var renovationCandidates: Int
        var issuesByKind: [String: Int]
    }

    struct Stage: Encodable {
        var stage: String
        var seconds: Double
    }

    struct OutputFile: Encodable {
        var file: String
        var bytes: Int
    }

    var tool = Tool()
    var runName: String
    /// See `RunFingerprint`: equal fingerprints mean equal outputs.
    var fingerprint: String
    var inputs: [Input]
    var config: ConfigManifest
    var analysisCRS: CRS
    var webCopies: [WebCopy]
    var counts: Counts
    var workers: Int
    var outputs: [OutputFile]
    var timings: [Stage]

    /// The manifest of a finished run. `inputFiles` gives an input's files with their digests;
    /// `outputs` are the files written into `folder`, run.json aside.
    package init(
        runName: String, content: OutputContent, fingerprint: String, inputFiles: (String) -> [InputFile],
        outputs: [String], folder: OutputFolder, timings: StageTimings
    ) {
        let survey = content.survey, blocks = content.analysis.blocks
        self.runName = runName
        self.fingerprint = fingerprint
        inputs = survey.layers.map {
            Input(role: $0.role, path: DatasetName.publicForm($0.path), layer: $0.layer, driver: $0.driver,
                  sourceCRS: $0.sourceCRS, featuresRead: $0.featuresRead, featuresKept: $0.featuresKept,
                  files: inputFiles($0.path), rowsSHA256: $0.rowsSHA256)
        }
        config = ConfigManifest(content.config)
        analysisCRS = CRS(definition: survey.analysisCRS.definition, name: survey.analysisCRS.name, reason: survey.analysisCRS.reason)
        webCopies = content.webSystems.map { web in
            web == .wgs84
                ? WebCopy(crs: "EPSG:4326 (WGS 84, RFC 7946)", files: WebGeoJSONFiles.fileNames(web), approximate: false,
                          note: "longitude/latitude, 7 decimals")
                : WebCopy(crs: "GCJ-02", files: WebGeoJSONFiles.fileNames(web), approximate: true,
                          note: "offset by the public WGS 84 → GCJ-02 formula, for 高德/腾讯 base maps; metre-level approximation")
        }
        counts = Counts(
            parcels: survey.parcels.count, blocks: blocks.count,
            blocksByCategory: Dictionary(uniqueKeysWithValues: Category.allCases.map { category in
                (category.rawValue, blocks.filter { $0.category == category }.count)
            }),
            landMuByCategory: Dictionary(uniqueKeysWithValues: Category.allCases.map { category in
                (category.rawValue, blocks.filter { $0.category == category }.reduce(0) { $0 + $1.landMu })
            }),
            tenHectareClusters: blocks.filter(\.isCluster10ha).count,
            renovationCandidates: blocks.filter(\.renovationCandidate).count,
            issuesByKind: Dictionary(grouping: content.issues, by: \.kind.rawValue).mapValues(\.count))
        workers = content.workers
        self.outputs = outputs.map { name in
            OutputFile(file: name, bytes: (try? FileManager.default.attributesOfItem(atPath: folder.path(name))[.size] as? Int) ?? 0)
        }
        self.timings = timings.stages.map { Stage(stage: $0.name, seconds: ($0.seconds * 1000).rounded() / 1000) }
    }

    /// Writes run.json into the folder.
    package func write(to folder: OutputFolder) throws {
        try json().write(to: URL(fileURLWithPath: folder.path(Self.fileName)))
    }

    package static let fileName = "run.json"

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Every file an input consists of (a Shapefile's .shp, .shx, .dbf, .prj, .cpg), hashed;
    /// none for a database, a URL or a `/vsi…` path, whose rows are hashed as they are read.
    package static func files(of path: String) -> [InputFile] {
        guard DatasetName.isLocalFile(path) else { return [] }
        let url = URL(fileURLWithPath: path)
        var paths = [path]
        if url.pathExtension.lowercased() == "shp" {
            let stem = url.deletingPathExtension().path
            paths = ["shp", "shx", "dbf", "prj", "cpg"].map { "\(stem).\($0)" }.filter { FileManager.default.fileExists(atPath: $0) }
        } else if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            let contents = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
            paths = contents.sorted().map { url.appendingPathComponent($0).path }.filter {
                (try? URL(fileURLWithPath: $0).resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true
            }
        }
        return paths.map { file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            return InputFile(path: file, sha256: SHA256.hex(ofFile: file), bytes: size)
        }
    }
}

public enum SanseVersion {
    public static let current = "0.1.0"
}
