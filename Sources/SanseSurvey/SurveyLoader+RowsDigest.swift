import GeoKit
import SanseModel

extension SurveyLoader {
    /// The SHA-256 of the rows an input that is not a local file gives (a database table, a
    /// URL), read as a run reads them, so that it equals the `rowsSHA256` the run records. For
    /// `sanse batch`, which must know whether the data changed before deciding to run again.
    ///
    /// - Parameter role: `parcels`, `control_lines`, `towns` or `attributes`: picks the layer
    ///   as the run does when the input names none.
    /// - Returns: nil when the input cannot be read (the run then fails and says why), or is a
    ///   local file (its files are hashed instead).
    public static func rowsSHA256(of input: InputSource, role: String) -> String? {
        guard let role = LayerRole(rawValue: role),
            case .gdal(let layer)? = try? LayerReader.open(input, role: role, configuredCRS: nil, needsCRS: false),
            (try? layer.readChunks { _ in }) != nil
        else { return nil }
        return layer.rowDigest?.finish()
    }
}
