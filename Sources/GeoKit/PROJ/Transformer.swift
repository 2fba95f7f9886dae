import CPROJ

/// Transforms coordinates between two CRSs, always in GIS axis order (x = easting or
/// longitude, y = northing or latitude), whatever order the CRS definitions declare.
///
/// Owns its own PROJ context, so a transformer is used by one thread at a time; parallel
/// workers each make one (`Transformer(from:to:)` with the same definitions), or take their
/// thread's from `forCurrentThread(from:to:)`.
///
/// ```swift
/// let toGaussKruger = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
/// let corner = try toGaussKruger.transform(Point2D(121.25, 30.17))  // (620406.5, 3339618.7)
/// var ring = lonLatRing
/// let failed = toGaussKruger.transform(&ring)   // indices PROJ could not transform
/// let parcel = try toGaussKruger.transform(geometry)
/// ```
public final class Transformer {
    /// A coordinate PROJ could not transform, e.g. outside the projection's domain.
    public struct PointFailure: Error, CustomStringConvertible {
        /// The point's index in what was transformed.
        public let index: Int
        /// The point as given.
        public let input: Point2D
        /// e.g. "PROJ could not transform point 1 (121.0, 95.0)".
        public var description: String { "PROJ could not transform point \(index) \(input)" }
    }

    /// The source CRS as given.
    public let sourceDefinition: String
    /// The target CRS as given.
    public let targetDefinition: String
    private let context: PROJContext
    private let pointer: OpaquePointer

    /// The transformation PROJ chooses between two CRS definitions (`EPSG:n`, WKT, PROJJSON, a
    /// PROJ string), in GIS axis order; throws `PROJError` with PROJ's reason.
    public init(from source: String, to target: String) throws {
        let context = PROJContext()
        let raw = proj_create_crs_to_crs(context.pointer, source, target, nil)
        guard let raw else { throw context.error("create transformation \(source) → \(target)") }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.pointer, raw) else {
            throw context.error("normalise axis order \(source) → \(target)")
        }
        self.context = context
        self.pointer = normalized
        self.sourceDefinition = source
        self.targetDefinition = target
    }

    /// The transformation between two CRSs, made from their definitions.
    public convenience init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws {
        try self.init(from: source.definition, to: target.definition)
    }

    deinit {
        proj_destroy(pointer)
    }

    /// This thread's transformer between the two CRSs, made on first use and kept for the
    /// thread's life: creating one means looking the operation up in PROJ's database, which
    /// costs far more than transforming a ring.
    public static func forCurrentThread(from source: String, to target: String) throws -> Transformer {
        try perThread.value(source + "\u{0}" + target) { try Transformer(from: source, to: target) }
    }

    private static let perThread = PerThreadCache<Transformer>()

    /// Transforms the points in place, in one call to PROJ. Returns the indices of points PROJ
    /// could not transform (they are left non-finite); every other point is transformed.
    @discardableResult
    public func transform(_ points: inout [Point2D]) -> [Int] {
        guard !points.isEmpty else { return [] }
        let count = points.count
        points.withMutableInterleavedBuffer { buffer in
            let base = buffer.baseAddress!
            let stride = MemoryLayout<Double>.stride * 2
            _ = proj_trans_generic(pointer, PJ_FWD, base, stride, count, base + 1, stride, count, nil, 0, 0, nil, 0, 0)
        }
        // PROJ marks failed points with HUGE_VAL and carries on with the rest.
        return points.indices.filter { !points[$0].isFinite }
    }

    /// One point; throws when PROJ cannot transform it.
    public func transform(_ point: Point2D) throws -> Point2D {
        var points = [point]
        if !transform(&points).isEmpty { throw PointFailure(index: 0, input: point) }
        return points[0]
    }

    /// The same geometry with every coordinate transformed. Throws `PointFailure` naming the
    /// first coordinate that failed.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        try geometry.mapPoints { points in
            let original = points
            if let bad = transform(&points).first { throw PointFailure(index: bad, input: original[bad]) }
        }
    }
}
