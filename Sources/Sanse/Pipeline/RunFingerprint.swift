import Foundation
import GeoKit

/// A digest of everything that decides a run's outputs: tool version, every input file's
/// content, the effective config and the options. Equal fingerprints mean a re-run would
/// write the same files, so `sanse batch` skips it. An input is named by its public form
/// (`DatasetName`): no password reaches run.json this way.
enum RunFingerprint {
    /// - Parameter files: an input's files with their digests; the run passes the ones it
    ///   hashed for run.json, so each input is read once.
    static func of(_ request: RunRequest, files: (String) -> [RunManifest.InputFile] = RunManifest.files(of:)) -> String {
        var text = "sanse \(SanseVersion.current)\n"
        let inputs = [("parcels", request.inputs.parcels), ("control_lines", request.inputs.controlLines)]
            + [("towns", request.inputs.towns), ("attributes", request.inputs.attributes)].compactMap { role, source in source.map { (role, $0) } }
        for (role, source) in inputs {
            text += "\(role) \(DatasetName.publicForm(source.path)) \(source.layer ?? "")\n"
            for file in files(source.path) { text += "  \(file.sha256 ?? "unreadable")\n" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        text += String(decoding: (try? encoder.encode(ConfigSnapshot(request.config))) ?? Data(), as: UTF8.self)
        text += "\ncrs \(request.analysisCRS ?? "") source \(request.sourceCRS ?? "") join \(request.joinOn ?? "") web \(request.webCopies.map(\.rawValue))"
        return SHA256.hex(of: Array(text.utf8))
    }

    /// The fingerprint recorded in an output folder's run.json, if any.
    static func recorded(in folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder + "/run.json"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["fingerprint"] as? String
    }
}
