import CGEOS

/// A GEOS geometry. Owns its GEOS object and destroys it when the last reference goes, or,
/// for a part borrowed from a collection or polygon, keeps its parent alive instead.
///
/// A geometry is immutable. It may be handed from one task to another, but must not be used
/// by two threads at the same time: GEOS caches envelopes and indexes inside geometries
/// lazily. Parallel stages give each worker its own geometries. Every call uses the calling
/// thread's `GEOSContext`.
///
/// ```swift
/// let parcel = try Geometry(wkt: "POLYGON ((0 0, 40 0, 40 30, 0 30, 0 0))")
/// let road = try Geometry.lineString([Point2D(-10, 15), Point2D(50, 15)])
/// let area = try parcel.area()                                   // 1200
/// let strip = try parcel.intersection(road.buffer(3)).area()     // ≈ 240
/// let repaired = parcel.isValid ? parcel : try parcel.makeValid(method: .structure)
/// let bytes = try repaired.wkb()                                 // little-endian 2D WKB
/// ```
public final class Geometry: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Set for a borrowed part: the geometry that really owns `pointer`.
    private let parent: Geometry?

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
        self.parent = nil
    }

    private init(borrowing pointer: OpaquePointer, from parent: Geometry) {
        self.pointer = pointer
        self.parent = parent
    }

    deinit {
        if parent == nil {
            GEOSGeom_destroy_r(GEOSContext.current.handle, pointer)
        }
    }

    var context: GEOSContext { GEOSContext.current }
    var handle: GEOSContextHandle_t { GEOSContext.current.handle }

    // MARK: Inspection

    /// The geometry's type.
    public var type: GeometryType {
        GeometryType(rawValue: GEOSGeomTypeId_r(handle, pointer)) ?? .geometryCollection
    }

    /// Whether the geometry has no points.
    public var isEmpty: Bool { GEOSisEmpty_r(handle, pointer) == 1 }

    /// Number of parts of a collection, 1 for a single geometry.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(handle, pointer)) }

    /// The parts of a collection (a single geometry is its own only part). Parts are borrowed:
    /// they keep this geometry alive.
    public var parts: [Geometry] {
        guard type.isCollection else { return [self] }
        return (0..<partCount).map { index in
            Geometry(borrowing: GEOSGetGeometryN_r(handle, pointer, Int32(index))!, from: self)
        }
    }

    /// The number of points, over all parts and rings (closing points included).
    public var pointCount: Int { Int(GEOSGetNumCoordinates_r(handle, pointer)) }

    /// A polygon's exterior ring (borrowed).
    public var exteriorRing: Geometry? {
        guard type == .polygon, !isEmpty, let ring = GEOSGetExteriorRing_r(handle, pointer) else { return nil }
        return Geometry(borrowing: ring, from: self)
    }

    /// A polygon's holes (borrowed).
    public var interiorRings: [Geometry] {
        guard type == .polygon, !isEmpty else { return [] }
        let count = GEOSGetNumInteriorRings_r(handle, pointer)
        guard count > 0 else { return [] }
        return (0..<count).map { Geometry(borrowing: GEOSGetInteriorRingN_r(handle, pointer, $0)!, from: self) }
    }

    /// A deep copy owned by the caller.
    public func clone() -> Geometry {
        Geometry(owning: GEOSGeom_clone_r(handle, pointer)!)
    }

    /// The bounding box, or nil for an empty geometry.
    public var envelope: Envelope? {
        guard !isEmpty else { return nil }
        var box = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        guard GEOSGeom_getExtent_r(handle, pointer, &box.minX, &box.minY, &box.maxX, &box.maxY) != 0 else {
            return nil
        }
        return box
    }
}
