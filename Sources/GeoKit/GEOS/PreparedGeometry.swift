import CGEOS

/// A geometry indexed for many repeated predicate tests against other geometries (the
/// control line against every parcel, a parcel against its neighbours).
///
/// Not thread-safe: GEOS builds its indexes lazily on first use. Each worker prepares its own.
///
/// ```swift
/// let zone = try PreparedGeometry(controlLine)
/// let inside = try parcels.filter { try zone.covers($0) }
/// ```
public final class PreparedGeometry {
    /// Kept alive because GEOS's prepared geometry points into it.
    public let base: Geometry
    private let pointer: OpaquePointer
    // The calling thread's context, never the creating one's: a task may resume on another thread.
    private var context: GEOSContext { GEOSContext.current }

    /// Prepares `base`, which it keeps alive.
    public init(_ base: Geometry) throws {
        let ctx = GEOSContext.current
        guard let pointer = GEOSPrepare_r(ctx.handle, base.pointer) else { throw ctx.error("prepare") }
        self.base = base
        self.pointer = pointer
    }

    deinit {
        GEOSPreparedGeom_destroy_r(context.handle, pointer)
    }

    /// `Geometry.contains(_:)`, by the index.
    public func contains(_ other: Geometry) throws -> Bool {
        try context.predicate("prepared contains") { GEOSPreparedContains_r($0, pointer, other.pointer) }
    }

    /// Contains with no shared boundary: `other` lies strictly in the interior.
    public func containsProperly(_ other: Geometry) throws -> Bool {
        try context.predicate("prepared contains properly") {
            GEOSPreparedContainsProperly_r($0, pointer, other.pointer)
        }
    }

    /// `Geometry.covers(_:)`, by the index.
    public func covers(_ other: Geometry) throws -> Bool {
        try context.predicate("prepared covers") { GEOSPreparedCovers_r($0, pointer, other.pointer) }
    }

    /// `Geometry.intersects(_:)`, by the index.
    public func intersects(_ other: Geometry) throws -> Bool {
        try context.predicate("prepared intersects") { GEOSPreparedIntersects_r($0, pointer, other.pointer) }
    }

    /// The shortest distance to `other`, using the prepared geometry's index of its segments:
    /// far cheaper than `Geometry.distance(to:)` against a polygon with many vertices.
    public func distance(to other: Geometry) throws -> Double {
        try context.measure("prepared distance") { GEOSPreparedDistance_r($0, pointer, other.pointer, $1) }
    }

    /// Whether `other` comes within `distance` (inclusive).
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try context.predicate("prepared distance within") {
            GEOSPreparedDistanceWithin_r($0, pointer, other.pointer, distance)
        }
    }
}
