import CGEOS

/// Between GEOS geometries and `FlatPolygons`, coordinates copied in bulk through GEOS's
/// coordinate-sequence buffers, without a Swift object per part or ring.
extension FlatPolygons {
    /// The coordinates of a Polygon or MultiPolygon (a collection of polygons counts as a
    /// MultiPolygon); empty polygons are left out. Throws for any other type.
    public init(_ geometry: Geometry) throws {
        let ctx = GEOSContext.current
        let handle = ctx.handle
        let type = geometry.type
        var polygonPointers: [OpaquePointer] = []
        switch type {
        case .polygon:
            polygonPointers = [geometry.pointer]
        case .multiPolygon, .geometryCollection:
            for index in 0..<Int32(geometry.partCount) {
                guard let part = GEOSGetGeometryN_r(handle, geometry.pointer, index) else {
                    throw ctx.error("flat polygons")
                }
                let partType = GEOSGeomTypeId_r(handle, part)
                guard partType == GeometryType.polygon.rawValue else {
                    let partName = GeometryType(rawValue: partType) ?? .geometryCollection
                    throw GEOSError(
                        operation: "flat polygons", message: "a \(type) holding a \(partName) is not polygonal")
                }
                polygonPointers.append(part)
            }
        default:
            throw GEOSError(operation: "flat polygons", message: "\(type) is not polygonal")
        }
        polygonPointers.removeAll { GEOSisEmpty_r(handle, $0) == 1 }
        // The rings and their sizes first, so the array is allocated once at its exact size
        // (a million parcels: growing it would waste a third of its memory).
        var rings: [(sequence: OpaquePointer, size: Int, startsPolygon: Int?)] = []
        for polygon in polygonPointers {
            let holes = Int(GEOSGetNumInteriorRings_r(handle, polygon))
            for ring in -1..<holes {
                let ringPointer = ring < 0
                    ? GEOSGetExteriorRing_r(handle, polygon) : GEOSGetInteriorRingN_r(handle, polygon, Int32(ring))
                guard let ringPointer, let sequence = GEOSGeom_getCoordSeq_r(handle, ringPointer) else {
                    throw ctx.error("flat polygons")
                }
                var size: UInt32 = 0
                guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw ctx.error("flat polygons") }
                rings.append((sequence, Int(size), ring < 0 ? holes + 1 : nil))
            }
        }
        let total = 2 + polygonPointers.count + rings.reduce(0) { $0 + 1 + 2 * $1.size }
        let kind = type == .polygon && polygonPointers.count == 1 ? Self.polygonKind : Self.multiKind
        var failed = false
        let storage = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            buffer[0] = kind
            buffer[1] = Double(polygonPointers.count)
            var position = 2
            for ring in rings {
                if let ringCount = ring.startsPolygon {
                    buffer[position] = Double(ringCount)
                    position += 1
                }
                buffer[position] = Double(ring.size)
                position += 1
                // Zeros first: the buffer must be initialised even if GEOS fails.
                (buffer.baseAddress! + position).initialize(repeating: 0, count: 2 * ring.size)
                if GEOSCoordSeq_copyToBuffer_r(handle, ring.sequence, buffer.baseAddress! + position, 0, 0) == 0 {
                    failed = true
                }
                position += 2 * ring.size
            }
            initialized = position
        }
        if failed { throw ctx.error("flat polygons") }
        self.init(storage: storage)
    }

    /// A new GEOS geometry (this thread's context) with exactly these coordinates: a Polygon,
    /// or a MultiPolygon when it was made from one.
    public func geometry() throws -> Geometry {
        let ctx = GEOSContext.current
        let handle = ctx.handle
        // GEOS owns what it is given; until then the parts are ours to free.
        var polygons: [OpaquePointer?] = []
        var rings: [OpaquePointer?] = []
        func freeAll() {
            for ring in rings { GEOSGeom_destroy_r(handle, ring) }
            for polygon in polygons { GEOSGeom_destroy_r(handle, polygon) }
        }
        func finishPolygon() throws {
            let shell = rings[0]!
            var holes = Array(rings.dropFirst())
            rings = []
            let polygon = holes.withUnsafeMutableBufferPointer {
                GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32($0.count))
            }
            guard let polygon else {
                GEOSGeom_destroy_r(handle, shell)
                for hole in holes { GEOSGeom_destroy_r(handle, hole) }
                throw ctx.error("geometry from flat polygons")
            }
            polygons.append(polygon)
        }
        do {
            try forEachRing { _, ring, points in
                if ring == 0, !rings.isEmpty { try finishPolygon() }
                let ordinates = UnsafeRawPointer(points.baseAddress!).assumingMemoryBound(to: Double.self)
                let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, ordinates, UInt32(points.count), 0, 0)
                guard let sequence else { throw ctx.error("geometry from flat polygons") }
                guard let made = GEOSGeom_createLinearRing_r(handle, sequence) else {
                    throw ctx.error("geometry from flat polygons")
                }
                rings.append(made)
            }
            if !rings.isEmpty { try finishPolygon() }
        } catch {
            freeAll()
            throw error
        }
        if !isMulti {
            if let only = polygons.first, polygons.count == 1 { return Geometry(owning: only!) }
            if polygons.isEmpty { return Geometry.emptyPolygon() }
        }
        let multiPolygon = GeometryType.multiPolygon.rawValue
        return try ctx.makeGeometry("geometry from flat polygons") { handle in
            polygons.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(handle, multiPolygon, $0.baseAddress, UInt32($0.count))
            }
        }
    }
}
