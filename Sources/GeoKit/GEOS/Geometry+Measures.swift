import CGEOS

/// Measures and validity.
extension Geometry {
    /// Planar area in the units of the coordinates, squared.
    public func area() throws -> Double {
        try context.measure("area") { GEOSArea_r($0, pointer, $1) }
    }

    /// The length of lines, or the perimeter of polygons, in the units of the coordinates.
    public func length() throws -> Double {
        try context.measure("length") { GEOSLength_r($0, pointer, $1) }
    }

    /// The shortest distance between the two geometries; 0 when they meet.
    public func distance(to other: Geometry) throws -> Double {
        try context.measure("distance") { GEOSDistance_r($0, pointer, other.pointer, $1) }
    }

    /// Whether the geometries come within `distance` of each other (inclusive). Faster than
    /// `distance(to:)` because it stops as soon as the answer is known.
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try context.predicate("distance within") { GEOSDistanceWithin_r($0, pointer, other.pointer, distance) }
    }

    /// Whether the geometries share at least one point.
    public func intersects(_ other: Geometry) throws -> Bool {
        try context.predicate("intersects") { GEOSIntersects_r($0, pointer, other.pointer) }
    }

    /// Whether `other` lies inside this geometry and at least one of its points in the interior.
    public func contains(_ other: Geometry) throws -> Bool {
        try context.predicate("contains") { GEOSContains_r($0, pointer, other.pointer) }
    }

    /// Whether no point of `other` lies outside this geometry (boundary included).
    public func covers(_ other: Geometry) throws -> Bool {
        try context.predicate("covers") { GEOSCovers_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries meet only at their boundaries.
    public func touches(_ other: Geometry) throws -> Bool {
        try context.predicate("touches") { GEOSTouches_r($0, pointer, other.pointer) }
    }

    /// Same point set (topological equality).
    public func equalsTopologically(_ other: Geometry) throws -> Bool {
        try context.predicate("equals") { GEOSEquals_r($0, pointer, other.pointer) }
    }

    /// Whether GEOS finds the geometry valid (OGC rules: no self-intersections, holes inside
    /// their shells, …); `validityReason()` says why not.
    public var isValid: Bool { GEOSisValid_r(handle, pointer) == 1 }

    /// Why the geometry is invalid ("Valid Geometry" when it is not), in GEOS's words, e.g.
    /// "Self-intersection[5 5]".
    public func validityReason() throws -> String {
        let ctx = context
        guard let text = GEOSisValidReason_r(ctx.handle, pointer) else { throw ctx.error("validity reason") }
        defer { GEOSFree_r(ctx.handle, text) }
        return String(cString: text)
    }
}
