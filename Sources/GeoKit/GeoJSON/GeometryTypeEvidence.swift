/// What a run of features' geometries say about the layer's geometry type, which GDAL sets
/// from them (and which decides its default CRS: WGS 84, or WGS 84 3D for a 3D layer).
struct GeometryTypeEvidence: Equatable {
    /// The first geometry's WKB type number (1 Point … 6 MultiPolygon); nil before any.
    var firstType: UInt32?
    var allSameType = true
    var anyZ = false

    mutating func add(type: UInt32, hasZ: Bool) {
        if let firstType {
            if type != firstType { allSameType = false }
        } else {
            firstType = type
        }
        anyZ = anyZ || hasZ
    }

    mutating func add(_ other: GeometryTypeEvidence) {
        guard let type = other.firstType else { return }
        add(type: type, hasZ: other.anyZ)
        if !other.allSameType { allSameType = false }
    }
}
