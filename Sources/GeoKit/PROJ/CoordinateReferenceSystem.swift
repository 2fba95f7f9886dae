import CPROJ
import Foundation

/// A coordinate reference system from `EPSG:n`, WKT, PROJJSON or a PROJ string.
///
/// Owns its own PROJ context: use it on one thread at a time, or make one per thread from
/// `definition`.
///
/// ```swift
/// let crs = try CoordinateReferenceSystem(layer.spatialReference!.definitionForPROJ)
/// crs.kind                 // .projected
/// crs.epsgCode             // 4549, also for a WKT without an identifier
/// crs.linearUnitInMetres   // 1
/// let toLonLat = try Transformer(from: crs, to: CoordinateReferenceSystem(epsg: 4490))
/// ```
public final class CoordinateReferenceSystem {
    /// What the horizontal coordinates are.
    public enum Kind: Sendable, Equatable {
        /// Longitude and latitude, in degrees.
        case geographic
        /// Eastings and northings on a map projection.
        case projected
        /// Anything else (geocentric, engineering, vertical …).
        case other
    }

    /// What the CRS was made from; another context can make the same CRS from it.
    public let definition: String
    let context: PROJContext
    let pointer: OpaquePointer

    /// Makes the CRS from a definition PROJ understands; throws `PROJError` with PROJ's
    /// reason when it does not, or when the definition is not a CRS.
    public init(_ definition: String) throws {
        let context = PROJContext()
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw PROJError(operation: "create CRS", message: "empty CRS definition") }
        guard let pointer = proj_create(context.pointer, trimmed) else {
            throw context.error("create CRS from \"\(trimmed.prefix(80))\"")
        }
        guard proj_is_crs(pointer) != 0 else {
            proj_destroy(pointer)
            let message = "\"\(trimmed.prefix(80))\" is not a coordinate reference system"
            throw PROJError(operation: "create CRS", message: message)
        }
        self.definition = trimmed
        self.context = context
        self.pointer = pointer
    }

    /// `EPSG:code`.
    public convenience init(epsg code: Int) throws {
        try self.init("EPSG:\(code)")
    }

    deinit {
        proj_destroy(pointer)
    }

    /// PROJ's name for it, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 120E".
    public var name: String {
        proj_get_name(pointer).map { String(cString: $0) } ?? "unnamed"
    }

    /// e.g. "EPSG:4549", when the CRS carries an identifier.
    public var identifier: String? {
        guard let authority = proj_get_id_auth_name(pointer, 0), let code = proj_get_id_code(pointer, 0) else {
            return nil
        }
        return "\(String(cString: authority)):\(String(cString: code))"
    }

    /// The EPSG code, also for a CRS given as WKT that matches an EPSG entry with confidence.
    public var epsgCode: Int? {
        if let identifier, identifier.hasPrefix("EPSG:") { return Int(identifier.dropFirst(5)) }
        var confidence: UnsafeMutablePointer<Int32>?
        guard let matches = proj_identify(context.pointer, pointer, "EPSG", nil, &confidence) else { return nil }
        defer {
            proj_list_destroy(matches)
            proj_int_list_destroy(confidence)
        }
        guard proj_list_get_count(matches) > 0, let confidence, confidence[0] >= 90,
              let best = proj_list_get(context.pointer, matches, 0) else { return nil }
        defer { proj_destroy(best) }
        return proj_get_id_code(best, 0).flatMap { Int(String(cString: $0)) }
    }

    /// The horizontal part: a compound CRS's first component, a bound CRS's source.
    private func horizontal() -> OpaquePointer? {
        switch proj_get_type(pointer) {
        case PJ_TYPE_COMPOUND_CRS:
            return proj_crs_get_sub_crs(context.pointer, pointer, 0)
        case PJ_TYPE_BOUND_CRS:
            return proj_get_source_crs(context.pointer, pointer)
        default:
            return proj_clone(context.pointer, pointer)
        }
    }

    /// Geographic, projected or other, judged by the horizontal part.
    public var kind: Kind {
        guard let horizontal = horizontal() else { return .other }
        defer { proj_destroy(horizontal) }
        switch proj_get_type(horizontal) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS: return .geographic
        case PJ_TYPE_PROJECTED_CRS: return .projected
        default: return .other
        }
    }

    /// Metres per unit of the first horizontal axis (1 for metres); nil for angular units.
    public var linearUnitInMetres: Double? {
        guard let horizontal = horizontal() else { return nil }
        defer { proj_destroy(horizontal) }
        guard let cs = proj_crs_get_coordinate_system(context.pointer, horizontal) else { return nil }
        defer { proj_destroy(cs) }
        var factor = 0.0
        var unitName: UnsafePointer<CChar>?
        guard proj_cs_get_axis_info(context.pointer, cs, 0, nil, nil, nil, &factor, &unitName, nil, nil) != 0 else {
            return nil
        }
        if kind == .geographic { return nil }
        return factor
    }

    /// The region the CRS is meant for, in degrees (west, south, east, north), when known.
    public var areaOfUse: (west: Double, south: Double, east: Double, north: Double)? {
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        guard proj_get_area_of_use(context.pointer, pointer, &west, &south, &east, &north, nil) != 0,
              west > -1000 else { return nil }
        return (west, south, east, north)
    }

    /// The definition as WKT2 (2019).
    public func wkt() throws -> String {
        guard let text = proj_as_wkt(context.pointer, pointer, PJ_WKT2_2019, nil) else {
            throw context.error("export WKT")
        }
        return String(cString: text)
    }

    /// The definition as PROJJSON.
    public func projjson() throws -> String {
        guard let text = proj_as_projjson(context.pointer, pointer, nil) else {
            throw context.error("export PROJJSON")
        }
        return String(cString: text)
    }
}
