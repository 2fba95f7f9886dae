import CGEOS

/// Building geometries from coordinates and reading coordinates back, in bulk through
/// GEOS coordinate-sequence buffers.
extension Geometry {
    /// A point at `p`.
    public static func point(_ p: Point2D) throws -> Geometry {
        let ctx = GEOSContext.current
        return try ctx.makeGeometry("point") { GEOSGeom_createPointFromXY_r($0, p.x, p.y) }
    }

    /// A line string through `points` (none, or at least two).
    public static func lineString(_ points: [Point2D]) throws -> Geometry {
        let ctx = GEOSContext.current
        let sequence = try makeSequence(points, ctx)
        return try ctx.makeGeometry("line string") { GEOSGeom_createLineString_r($0, sequence) }
    }

    /// A closed ring; the first point is repeated at the end when it is not already.
    public static func linearRing(_ points: [Point2D]) throws -> Geometry {
        Geometry(owning: try makeRing(points, GEOSContext.current))
    }

    /// A polygon from its exterior ring and holes. Rings are closed when they are not.
    public static func polygon(exterior: [Point2D], holes: [[Point2D]] = []) throws -> Geometry {
        let ctx = GEOSContext.current
        // GEOS takes ownership of the rings it is given; until then they are ours to free.
        let shell = try makeRing(exterior, ctx)
        var holeRings: [OpaquePointer?] = []
        do {
            for hole in holes { holeRings.append(try makeRing(hole, ctx)) }
        } catch {
            GEOSGeom_destroy_r(ctx.handle, shell)
            for ring in holeRings { GEOSGeom_destroy_r(ctx.handle, ring) }
            throw error
        }
        return try ctx.makeGeometry("polygon") { handle in
            holeRings.withUnsafeMutableBufferPointer {
                GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32($0.count))
            }
        }
    }

    /// A polygon without points.
    public static func emptyPolygon() -> Geometry {
        Geometry(owning: GEOSGeom_createEmptyPolygon_r(GEOSContext.current.handle)!)
    }

    /// A multi-geometry or collection holding copies of `parts`.
    public static func collection(_ type: GeometryType, _ parts: [Geometry]) throws -> Geometry {
        precondition(type.isCollection, "collection(_:_:) needs a collection type, got \(type)")
        let ctx = GEOSContext.current
        var copies: [OpaquePointer?] = parts.map { GEOSGeom_clone_r(ctx.handle, $0.pointer) }
        return try ctx.makeGeometry("collection") { handle in
            copies.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(handle, type.rawValue, $0.baseAddress, UInt32($0.count))
            }
        }
    }

    /// The points of a line string or ring, or of a point.
    public func points() throws -> [Point2D] {
        let ctx = context
        switch type {
        case .point, .lineString, .linearRing:
            guard !isEmpty else { return [] }
            guard let sequence = GEOSGeom_getCoordSeq_r(ctx.handle, pointer) else { throw ctx.error("points") }
            var size: UInt32 = 0
            guard GEOSCoordSeq_getSize_r(ctx.handle, sequence, &size) != 0 else { throw ctx.error("points") }
            var result = [Point2D](repeating: Point2D(0, 0), count: Int(size))
            let ok = result.withMutableInterleavedBuffer {
                GEOSCoordSeq_copyToBuffer_r(ctx.handle, sequence, $0.baseAddress, 0, 0)
            }
            guard ok != 0 else { throw ctx.error("points") }
            return result
        default:
            throw GEOSError(operation: "points", message: "\(type) has no single point sequence")
        }
    }

    /// The rings of a polygon, exterior first, each closed.
    public func polygonRings() throws -> [[Point2D]] {
        guard type == .polygon else {
            throw GEOSError(operation: "polygon rings", message: "expected a Polygon, got \(type)")
        }
        guard let shell = exteriorRing else { return [] }
        return try [shell.points()] + interiorRings.map { try $0.points() }
    }

    /// Every polygon of a polygonal geometry as rings (exterior first); empty parts dropped.
    public func polygonsAsRings() throws -> [[[Point2D]]] {
        switch type {
        case .polygon:
            return isEmpty ? [] : [try polygonRings()]
        case .multiPolygon, .geometryCollection:
            return try parts.flatMap { try $0.polygonsAsRings() }
        default:
            return []
        }
    }

    private static func closed(_ points: [Point2D]) -> [Point2D] {
        guard let first = points.first, let last = points.last, first != last else { return points }
        return points + [first]
    }

    private static func makeRing(_ points: [Point2D], _ ctx: GEOSContext) throws -> OpaquePointer {
        let sequence = try makeSequence(closed(points), ctx)
        guard let ring = GEOSGeom_createLinearRing_r(ctx.handle, sequence) else { throw ctx.error("linear ring") }
        return ring
    }

    private static func makeSequence(_ points: [Point2D], _ ctx: GEOSContext) throws -> OpaquePointer {
        let sequence = points.withInterleavedBuffer {
            GEOSCoordSeq_copyFromBuffer_r(ctx.handle, $0.baseAddress, UInt32(points.count), 0, 0)
        }
        guard let sequence else { throw ctx.error("coordinate sequence") }
        return sequence
    }
}
