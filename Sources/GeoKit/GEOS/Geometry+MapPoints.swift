/// Rebuilding a geometry with its coordinates changed, one point sequence at a time.
extension Geometry {
    /// A copy of this geometry whose every point sequence (each ring, line or point) has been
    /// passed through `change`, which must keep the number of points.
    public func mapPoints(_ change: (inout [Point2D]) throws -> Void) throws -> Geometry {
        func mapped(_ points: [Point2D]) throws -> [Point2D] {
            var copy = points
            try change(&copy)
            precondition(copy.count == points.count, "mapPoints must keep the number of points")
            return copy
        }
        if isEmpty { return clone() }
        switch type {
        case .point:
            return try Geometry.point(mapped(points())[0])
        case .lineString:
            return try Geometry.lineString(mapped(points()))
        case .linearRing:
            return try Geometry.linearRing(mapped(points()))
        case .polygon:
            let rings = try polygonRings().map(mapped)
            return try Geometry.polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return try Geometry.collection(type, parts.map { try $0.mapPoints(change) })
        }
    }
}
