import Foundation
import GeoKit
import SanseModel

/// Chooses the analysis CRS exactly as SPEC semantics 1 says.
enum AnalysisCRSResolver {
    /// - Parameters:
    ///   - configured: `--crs` or the config's `crs.analysis`.
    ///   - parcels: the parcels' source CRS definition.
    ///   - centre: the centre of the parcels' extent, in the parcels' CRS.
    static func resolve(configured: String?, parcels: String, centre: Point2D) throws -> AnalysisCRS {
        if let configured {
            let crs = try CoordinateReferenceSystem(configured)
            guard crs.kind == .projected, crs.linearUnitInMetres == 1 else {
                throw PROJError(operation: "use \(configured) as the analysis CRS", message: "it is not a projected CRS in metres")
            }
            return AnalysisCRS(definition: configured, name: crs.name, reason: "configured (--crs or crs.analysis)")
        }
        let source = try CoordinateReferenceSystem(parcels)
        if source.kind == .projected, source.linearUnitInMetres == 1 {
            let definition = source.epsgCode.map { "EPSG:\($0)" } ?? parcels
            return AnalysisCRS(definition: definition, name: source.name, reason: "the parcels' own CRS (projected, metres)")
        }
        let lonLat: Point2D
        if source.kind == .geographic {
            lonLat = centre
        } else {
            lonLat = try Transformer(from: parcels, to: "EPSG:4326").transform(centre)
        }
        guard abs(lonLat.x) <= 180, abs(lonLat.y) <= 90 else {
            throw PROJError(operation: "choose the analysis CRS",
                            message: "the data's centre (\(lonLat.x), \(lonLat.y)) is not a longitude and latitude: are the coordinates projected while the layer declares a geographic CRS? Give the right one with --source-crs")
        }
        let code = autoZone(longitude: lonLat.x, latitude: lonLat.y)
        let crs = try CoordinateReferenceSystem(epsg: code)
        let place = String(format: "%.3f, %.3f", lonLat.x, lonLat.y)
        let reason = isInChina(longitude: lonLat.x, latitude: lonLat.y)
            ? "CGCS2000 3-degree Gauss-Kruger zone of the data's centre (\(place))"
            : "WGS 84 UTM zone of the data's centre (\(place))"
        return AnalysisCRS(definition: "EPSG:\(code)", name: crs.name, reason: reason)
    }

    /// The analysis CRS when it does not depend on where the parcels lie (configured, or the
    /// parcels' own projected CRS in metres), so parcels can be prepared while they are read;
    /// nil when the centre of the data decides it, or when choosing fails (then the full
    /// resolution, after reading, reports why).
    static func resolveBeforeReading(configured: String?, parcels: String) -> AnalysisCRS? {
        if configured == nil {
            guard let source = try? CoordinateReferenceSystem(parcels), source.kind == .projected, source.linearUnitInMetres == 1 else { return nil }
        }
        return try? resolve(configured: configured, parcels: parcels, centre: Point2D(0, 0))
    }

    /// A rough box around China; inside it, the CGCS2000 3-degree GK zones apply.
    static func isInChina(longitude: Double, latitude: Double) -> Bool {
        (73...135).contains(longitude) && (18...54).contains(latitude)
    }

    /// EPSG code of the metric zone for a longitude and latitude.
    static func autoZone(longitude: Double, latitude: Double) -> Int {
        if isInChina(longitude: longitude, latitude: latitude) {
            // EPSG:4534 is CM 75°E; each code after it is 3° further east, to 4554 (CM 135°E).
            let step = ((longitude - 75) / 3).rounded()
            return 4534 + Int(min(max(step, 0), 20))
        }
        let zone = Int(min(max(((longitude + 180) / 6).rounded(.down) + 1, 1), 60))
        return (latitude >= 0 ? 32600 : 32700) + zone
    }
}
