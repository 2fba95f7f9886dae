import GeoKit
import SanseModel

/// GEOS computes a geometry's envelope (and each ring's) on first use and caches it inside the
/// geometry: the only thing a read-only GEOS operation ever writes. Once every envelope is
/// cached, several threads may read the same geometry at once (coordinates, WKB, overlay
/// and predicates with other geometries), which is what lets the output writers run side by
/// side over the control area and the towns. (Parcels and blocks are coordinates by then,
/// `FlatPolygons`: each writer builds its own GEOS geometry where it needs one.)
enum SharedEnvelopes {
    /// Caches the envelopes of every GEOS geometry the writers share.
    static func cache(survey: Survey, analysis: AnalysisResult) {
        cacheEnvelopes(analysis.controlArea)
        for town in survey.towns { town.geometry.map(cacheEnvelopes) }
    }

    /// The geometry's envelope, its parts' and every ring's.
    static func cacheEnvelopes(_ geometry: Geometry) {
        guard !geometry.isEmpty else { return }
        _ = geometry.envelope
        switch geometry.type {
        case .polygon:
            _ = geometry.exteriorRing?.envelope
            for hole in geometry.interiorRings { _ = hole.envelope }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            for part in geometry.parts { cacheEnvelopes(part) }
        default:
            break
        }
    }
}
