import GeoKit
import SanseModel

/// The CRS an input layer's coordinates are in.
struct SourceCRS {
    /// What PROJ is given.
    var definition: String
    /// For the manifest and messages, e.g. `EPSG:4549` or the CRS name.
    var label: String
    /// Set when the CRS was inferred rather than declared.
    var assumption: String?

    /// From the layer's declaration, else the configured source CRS, else the one exception a
    /// missing `.prj` allows: 8-digit eastings carrying a Gauss-Krüger zone number.
    static func determine(declared: LayerSpatialReference?, layerName: String, configured: String?, extent: Envelope?, path: String) throws -> SourceCRS {
        if let reference = declared {
            let declared = SourceCRS(definition: reference.identifier ?? reference.definitionForPROJ,
                                     label: reference.identifier ?? "custom CRS", assumption: nil)
            try declared.requireNotLonLat(extent, layer: layerName, path: path)
            return declared
        }
        if let configured {
            let given = SourceCRS(definition: configured, label: configured, assumption: nil)
            try given.requireNotLonLat(extent, layer: layerName, path: path)
            return given
        }
        if let extent, let zone = zonePrefixedGaussKruger(extent) {
            return SourceCRS(
                definition: "EPSG:\(zone.epsg)", label: "EPSG:\(zone.epsg)",
                assumption: "no CRS declared; eastings carry zone number \(zone.zone), so assumed CGCS2000 \(zone.width)-degree Gauss-Kruger zone \(zone.zone) (EPSG:\(zone.epsg))")
        }
        throw SurveyError(path: path, message: "layer \(layerName) declares no coordinate system (is the .prj missing?); give one with --source-crs, e.g. --source-crs EPSG:4549")
    }

    /// Longitudes and latitudes in a layer that declares projected metres would put the whole
    /// survey within 180 m of the projection's false origin, far from anywhere it could be.
    func requireNotLonLat(_ extent: Envelope?, layer: String, path: String) throws {
        guard let extent, [extent.minX, extent.maxX].allSatisfy({ abs($0) <= 180 }), [extent.minY, extent.maxY].allSatisfy({ abs($0) <= 90 }),
              let crs = try? CoordinateReferenceSystem(definition), crs.kind == .projected else { return }
        let box = [extent.minX, extent.minY, extent.maxX, extent.maxY].map { String(format: "%.6g", $0) }.joined(separator: ", ")
        throw SurveyError(path: path, message: "layer \(layer) declares \(label), a projected CRS, but its coordinates (\(box)) look like longitudes and latitudes; fix its CRS (the .prj) or give the right one with --source-crs, e.g. --source-crs EPSG:4490")
    }

    /// Eastings of 8 digits whose first two are a CGCS2000 Gauss-Krüger zone number: 25–45 for
    /// 3-degree zones (EPSG:4513–4533), 13–23 for 6-degree zones (EPSG:4491–4501). Northings
    /// must lie in China's range.
    static func zonePrefixedGaussKruger(_ extent: Envelope) -> (zone: Int, width: Int, epsg: Int)? {
        guard extent.minX >= 10_000_000, extent.maxX < 100_000_000,
              extent.minY > 1_000_000, extent.maxY < 6_500_000 else { return nil }
        let zone = Int(extent.minX / 1_000_000)
        guard zone == Int(extent.maxX / 1_000_000) else { return nil }
        switch zone {
        case 25...45: return (zone, 3, 4513 + zone - 25)
        case 13...23: return (zone, 6, 4491 + zone - 13)
        default: return nil
        }
    }
}
