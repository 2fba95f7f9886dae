import Foundation
@testable import GeoKit

/// Reads a GeoJSON file with `GeoJSONReader` and with GDAL and says how they differ. The fast
/// reader may decline a file (GDAL then reads it); when it does not, everything must match.
enum GeoJSONDifferential {
    enum Outcome: Equatable {
        /// Both read the file and agree.
        case same
        /// The fast reader declined; why.
        case declined(String)
        case different(String)
    }

    struct GDALReading {
        var name: String
        var fields: [FieldDefinition]
        var spatialReference: LayerSpatialReference?
        var features: [Feature]
    }

    static func gdal(_ path: String) -> GDALReading? {
        guard let dataset = try? VectorDataset(path: path), dataset.layerCount == 1, let layer = dataset.layer(at: 0),
              let features = try? layer.readAll()
        else { return nil }
        return GDALReading(name: layer.name, fields: layer.fields, spatialReference: layer.spatialReference, features: features)
    }

    static func compare(_ path: String, workers: Int = 2) -> Outcome {
        let fast: GeoJSONLayer
        do {
            fast = try GeoJSONReader.read(path: path, workers: workers)
        } catch {
            return .declined(error.description)
        }
        guard let slow = gdal(path) else { return .different("GDAL cannot read what the fast reader read") }
        if fast.name != slow.name { return .different("layer name \(fast.name) ≠ \(slow.name)") }
        if fast.fields != slow.fields { return .different("fields \(fast.fields) ≠ \(slow.fields)") }
        if fast.spatialReference != slow.spatialReference { return .different("CRS \(String(describing: fast.spatialReference?.identifier)) ≠ \(String(describing: slow.spatialReference?.identifier))") }
        if fast.featureCount != slow.features.count { return .different("\(fast.featureCount) features ≠ \(slow.features.count)") }
        var index = 0
        for chunk in fast.chunks {
            for row in 0..<chunk.count {
                let expected = slow.features[index]
                if chunk.fids[row] != expected.fid { return .different("feature \(index): fid \(chunk.fids[row]) ≠ \(expected.fid)") }
                let values = Array(chunk.attributes(row))
                if !sameValues(values, expected.values) { return .different("feature \(index): values \(values) ≠ \(expected.values)") }
                if chunk.wkb(row) != expected.wkb { return .different("feature \(index): WKB \(hex(chunk.wkb(row))) ≠ \(hex(expected.wkb))") }
                index += 1
            }
        }
        return .same
    }

    /// Exact equality, −0.0 and 0.0 told apart.
    static func sameValues(_ a: [FieldValue], _ b: [FieldValue]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            if case .real(let u) = x, case .real(let v) = y { return u.bitPattern == v.bitPattern }
            return x == y
        }
    }

    static func hex(_ bytes: [UInt8]?) -> String {
        bytes.map { $0.map { String(format: "%02x", $0) }.joined() } ?? "nil"
    }
}
