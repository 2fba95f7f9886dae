import Foundation
import GeoKit

/// run.json: what made this output — tool version, inputs with SHA-256, the effective config,
/// the analysis CRS and why, counts, and time per stage.
struct RunManifest: Encodable {
    struct Tool: Encodable {
        var name = "sanse"
        var version = SanseVersion.current
    }

    struct InputFile: Encodable {
        var path: String
        var sha256: String?
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
    var config: ConfigSnapshot
    var analysisCRS: CRS
    var webCopies: [WebCopy]
    var counts: Counts
    var workers: Int
    var outputs: [OutputFile]
    var timings: [Stage]

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Every file an input consists of (a Shapefile's .shp, .shx, .dbf, .prj, .cpg), hashed;
    /// none for a database, a URL or a `/vsi…` path, whose rows are hashed as they are read.
    static func files(of path: String) -> [InputFile] {
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

/// The effective config as written to run.json.
struct ConfigSnapshot: Encodable {
    var surveyName: String
    var surveyDate: String?
    var analysisCRS: String?
    var sourceCRS: String?
    var fields: [String: [String]]
    var join: [String: String?]
    var gapM: Double
    var lineCheck: [String: Double]
    var sizing: [String: String]
    var checks: [String: Double]
    var rules: [String]

    init(_ config: Config) {
        surveyName = config.surveyName
        surveyDate = config.surveyDate
        analysisCRS = config.analysisCRS
        sourceCRS = config.sourceCRS
        fields = [
            "parcel_id": config.fields.parcelID, "town": config.fields.town, "enterprise": config.fields.enterprise,
            "grade": config.fields.grade, "tax_per_mu": config.fields.taxPerMu, "far": config.fields.far,
            "floor_area": config.fields.floorArea, "town_name": config.fields.townName, "town_size_class": config.fields.townSizeClass,
        ]
        join = ["parcel_field": config.join.parcelField, "table_field": config.join.tableField]
        gapM = config.contiguity.gapMetres
        lineCheck = ["inside_min_share": config.lineCheck.insideMinShare, "outside_max_share": config.lineCheck.outsideMaxShare]
        sizing = [
            "cluster_min_ha": "\(config.sizing.clusterMinHectares)",
            "renovation_min_mu.large": "\(config.sizing.renovationMinMuLarge)",
            "renovation_min_mu.small": "\(config.sizing.renovationMinMuSmall)",
            "default_town_class": config.sizing.defaultTownClass.rawValue,
            "town_classes": config.sizing.townClasses.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ";"),
        ]
        checks = ["overlap_min_m2": config.checks.overlapMinSquareMetres, "far_max": config.checks.farMax,
                  "far_from_data_km": config.checks.farFromDataKilometres]
        rules = config.rules.map { rule in
            let conditions = rule.conditions.map { "\($0.metric.rawValue) \($0.op.rawValue) \($0.value)" }
            return conditions.isEmpty ? rule.category.rawValue : "\(rule.category.rawValue) if \(rule.mode.rawValue)(\(conditions.joined(separator: ", ")))"
        }
    }
}

public enum SanseVersion {
    public static let current = "0.1.0"
}
