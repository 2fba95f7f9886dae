import GeoKit

/// GEOS computes a geometry's envelope (and each ring's) on first use and caches it inside the
/// geometry: the only thing a read-only GEOS operation ever writes. Once every envelope is
/// cached, several threads may read the same geometry at once (coordinates, WKB, overlay
/// and predicates with other geometries), which is what lets the output writers run side by
/// side over the survey.
enum SharedGeometry {
    /// Caches the envelopes of every geometry the writers share, on all workers (each geometry
    /// by one of them).
    static func cacheEnvelopes(survey: Survey, analysis: AnalysisResult, workers: Int) throws {
        let parcels = survey.parcels, blocks = analysis.blocks
        _ = try Parallel.mapChunks(count: parcels.count, workers: workers, minimumChunk: 2000) { range in
            for index in range { cacheEnvelopes(parcels[index].geometry) }
        }
        _ = try Parallel.mapChunks(count: blocks.count, workers: workers, minimumChunk: 200) { range in
            for index in range {
                cacheEnvelopes(blocks[index].land)
                if blocks[index].outline !== blocks[index].land { cacheEnvelopes(blocks[index].outline) }
            }
        }
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
