import CGDAL

/// A layer's spatial reference as GDAL read it, exported so PROJ can take it over.
public struct LayerSpatialReference: Sendable, Equatable {
    /// e.g. "EPSG:4549" when GDAL can name it.
    public let identifier: String?
    /// GDAL's WKT export.
    public let wkt: String
    /// GDAL's PROJJSON export, when it has one.
    public let projjson: String?

    /// Reads a borrowed `OGRSpatialReferenceH`.
    init?(borrowing handle: OGRSpatialReferenceH?) {
        guard let handle else { return nil }
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(handle, &text) == OGRERR_NONE, let text else { return nil }
        wkt = String(cString: text)
        VSIFree(text)

        var json: UnsafeMutablePointer<CChar>?
        if OSRExportToPROJJSON(handle, &json, nil) == OGRERR_NONE, let json {
            projjson = String(cString: json)
            VSIFree(json)
        } else {
            projjson = nil
        }

        if let authority = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) {
            identifier = "\(String(cString: authority)):\(String(cString: code))"
        } else {
            identifier = nil
        }
    }

    /// The best text to hand to PROJ: PROJJSON keeps the most detail.
    public var definitionForPROJ: String { projjson ?? wkt }
}
