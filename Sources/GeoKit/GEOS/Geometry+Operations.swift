import CGEOS

/// Overlay, construction and simplification. Each returns a new geometry.
extension Geometry {
    /// A valid geometry covering the same area (GEOS's MakeValid); collapsed parts are dropped.
    public func makeValid(method: MakeValidMethod = .linework) throws -> Geometry {
        let ctx = context
        guard let params = GEOSMakeValidParams_create_r(ctx.handle) else { throw ctx.error("make valid") }
        defer { GEOSMakeValidParams_destroy_r(ctx.handle, params) }
        let algorithm = method == .linework ? GEOS_MAKE_VALID_LINEWORK : GEOS_MAKE_VALID_STRUCTURE
        GEOSMakeValidParams_setMethod_r(ctx.handle, params, algorithm)
        GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle, params, 0)
        return try ctx.makeGeometry("make valid") { GEOSMakeValidWithParams_r($0, pointer, params) }
    }

    /// The polygons within this geometry as one Polygon or MultiPolygon, dropping points and
    /// lines (e.g. from the collections MakeValid returns); nil when there are none.
    public func polygonalPart() throws -> Geometry? {
        switch type {
        case .polygon:
            return isEmpty ? nil : self
        case .multiPolygon:
            return isEmpty ? nil : self
        case .geometryCollection:
            let polygons = try parts.flatMap { part -> [Geometry] in
                guard let polygonal = try part.polygonalPart() else { return [] }
                return polygonal.type == .multiPolygon ? polygonal.parts : [polygonal]
            }
            if polygons.isEmpty { return nil }
            if polygons.count == 1 { return polygons[0].clone() }
            return try Geometry.collection(.multiPolygon, polygons)
        default:
            return nil
        }
    }

    /// Buffer with round joins and caps; `quadrantSegments` segments per quarter circle.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try context.makeGeometry("buffer") { GEOSBuffer_r($0, pointer, distance, Int32(quadrantSegments)) }
    }

    /// The points both geometries share.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try context.makeGeometry("intersection") { GEOSIntersection_r($0, pointer, other.pointer) }
    }

    /// The points of this geometry that are not in `other`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try context.makeGeometry("difference") { GEOSDifference_r($0, pointer, other.pointer) }
    }

    /// The points of either geometry, overlaps dissolved.
    public func union(_ other: Geometry) throws -> Geometry {
        try context.makeGeometry("union") { GEOSUnion_r($0, pointer, other.pointer) }
    }

    /// The union of all parts of this geometry, dissolving overlaps and shared edges.
    public func unaryUnion() throws -> Geometry {
        try context.makeGeometry("unary union") { GEOSUnaryUnion_r($0, pointer) }
    }

    /// Union of polygons that may share edges but do not overlap: much faster than
    /// `unaryUnion`, and wrong if they do overlap, so callers must know the input is a coverage.
    public func coverageUnion() throws -> Geometry {
        try context.makeGeometry("coverage union") { GEOSCoverageUnion_r($0, pointer) }
    }

    /// The union of many geometries.
    public static func union(of geometries: [Geometry]) throws -> Geometry {
        if geometries.isEmpty { return emptyPolygon() }
        return try collection(.geometryCollection, geometries).unaryUnion()
    }

    /// A point guaranteed to lie in the geometry's interior.
    public func pointOnSurface() throws -> Geometry {
        try context.makeGeometry("point on surface") { GEOSPointOnSurface_r($0, pointer) }
    }

    /// The centre of mass (of the highest-dimension parts); may lie outside a polygon.
    public func centroid() throws -> Geometry {
        try context.makeGeometry("centroid") { GEOSGetCentroid_r($0, pointer) }
    }

    /// The centre and radius of the largest circle inside a polygonal geometry (the pole of
    /// inaccessibility): the place a label fits best. `tolerance` bounds the error of the centre.
    public func maximumInscribedCircle(tolerance: Double) throws -> (center: Point2D, radius: Double) {
        // GEOS answers with a two-point line: the centre, then the nearest boundary point.
        let line = try context.makeGeometry("maximum inscribed circle") {
            GEOSMaximumInscribedCircle_r($0, pointer, tolerance)
        }
        let ends = try line.points()
        guard ends.count == 2 else {
            throw GEOSError(operation: "maximum inscribed circle", message: "no circle for an empty geometry")
        }
        let dx = ends[1].x - ends[0].x, dy = ends[1].y - ends[0].y
        return (ends[0], (dx * dx + dy * dy).squareRoot())
    }

    /// Simplification that keeps rings valid and holes inside shells (Douglas–Peucker with
    /// topology checks).
    public func simplifiedPreservingTopology(tolerance: Double) throws -> Geometry {
        try context.makeGeometry("simplify") { GEOSTopologyPreserveSimplify_r($0, pointer, tolerance) }
    }

    /// Coordinates snapped to a grid of `gridSize`, with the result kept valid.
    public func snappedToGrid(_ gridSize: Double) throws -> Geometry {
        try context.makeGeometry("set precision") {
            GEOSGeom_setPrecision_r($0, pointer, gridSize, Int32(GEOS_PREC_VALID_OUTPUT.rawValue))
        }
    }

    /// The bounding box as a polygon (or a point for a single point).
    public func envelopeGeometry() throws -> Geometry {
        try context.makeGeometry("envelope") { GEOSEnvelope_r($0, pointer) }
    }

    /// A canonical form: shells clockwise, holes counter-clockwise, rings starting at their
    /// lowest point, parts sorted. Equal geometries built differently (an overlay's union, a
    /// coverage union) become the same vertex for vertex, so order-sensitive operations such
    /// as buffer give the same result on both.
    public func normalized() throws -> Geometry {
        let copy = clone()
        guard GEOSNormalize_r(handle, copy.pointer) == 0 else { throw context.error("normalize") }
        return copy
    }

    /// Polygons formed by noded, closed linework (e.g. control lines drawn as closed lines).
    public static func polygonize(_ lines: [Geometry]) throws -> Geometry {
        let ctx = GEOSContext.current
        let pointers: [OpaquePointer?] = lines.map { $0.pointer }
        return try withExtendedLifetime(lines) {
            try ctx.makeGeometry("polygonize") { handle in
                pointers.withUnsafeBufferPointer { GEOSPolygonize_r(handle, $0.baseAddress, UInt32($0.count)) }
            }
        }
    }
}
