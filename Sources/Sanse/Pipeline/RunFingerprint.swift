import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// A digest of everything that decides a run's outputs: tool version, every input's content,
/// the effective config and the options. Equal fingerprints mean a re-run would write the
/// same files, so `sanse batch` skips it.
///
/// An input is named by its public form (`DatasetName`), so a password never reaches run.json
/// this way and a changed password alone does not make a run look new. Its content is its
/// files' SHA-256 when it is a local file or folder; otherwise (a database table, a URL) the
/// SHA-256 of the rows read from it (`FeatureDigest`: layer name, fields, and every feature's
/// id, geometry and values in the order read), so changed data does make the run new.
package enum RunFingerprint {
    /// - Parameters:
    ///   - files: an input's files with their digests; the run passes the ones it hashed for
    ///     run.json, so each input is read once.
    ///   - rows: the digest of the rows of an input (in a role) that is not a local file; the run
    ///     passes the ones it computed while reading, `sanse batch` reads the input again.
    static func of(_ request: RunRequest, files: (String) -> [RunManifest.InputFile] = RunManifest.files(of:),
                   rows: (InputSource, String) -> String? = SurveyLoader.rowsSHA256(of:role:)) -> String {
        var text = "sanse \(SanseVersion.current)\n"
        let inputs = [("parcels", request.inputs.parcels), ("control_lines", request.inputs.controlLines)]
            + [("towns", request.inputs.towns), ("attributes", request.inputs.attributes)].compactMap { role, source in source.map { (role, $0) } }
        for (role, source) in inputs {
            text += "\(role) \(DatasetName.publicForm(source.path)) \(source.layer ?? "")\n"
            if DatasetName.isLocalFile(source.path) {
                for file in files(source.path) { text += "  \(file.sha256 ?? "unreadable")\n" }
            } else {
                text += "  rows \(rows(source, role) ?? "unreadable")\n"
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        text += String(decoding: (try? encoder.encode(ConfigManifest(request.config))) ?? Data(), as: UTF8.self)
        text += "\ncrs \(request.analysisCRS ?? "") source \(request.sourceCRS ?? "") join \(request.joinOn ?? "") web \(request.webCopies.map(\.rawValue))"
        if request.vectorTiles { text += " tiles" }
        return SHA256.hex(of: Array(text.utf8))
    }

    /// The fingerprint recorded in an output folder's run.json, if any.
    static func recorded(in folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder + "/run.json"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["fingerprint"] as? String
    }
}
