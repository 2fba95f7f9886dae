import Foundation
import GeoKit
import SanseModel

/// Checks, reprojects and repairs input polygons (SPEC semantics 2): MakeValid keeping the
/// polygonal parts; null, empty, non-polygonal and unrepairable features skipped; every
/// repair and skip reported.
struct GeometryPreparation {
    let layer: String
    let transformer: Transformer?

    /// Coordinates beyond this (metres or degrees) cannot be a survey on Earth.
    static let coordinateLimit = 1e9

    enum Outcome {
        case kept(Geometry, repaired: Bool)
        case skipped
    }

    enum Reprojection {
        /// Certainly valid as it stands (`FlatPolygons.certainlyValidPolygon`): no GEOS needed.
        case clean(FlatPolygons)
        case geometry(Geometry)
    }

    /// Parses and reprojects feature `index` of `chunk`'s geometry (reprojecting its WKB in
    /// place), or reports why it could not be.
    func reproject(_ chunk: inout FeatureChunk, _ index: Int, id: String, _ issues: inout IssueLog) -> Geometry? {
        guard case .geometry(let geometry) = reproject(&chunk, index, id: id, &issues, takingClean: false) else { return nil }
        return geometry
    }

    /// As `reproject`, and with `takingClean` a small polygon that is certainly valid comes
    /// back as coordinates, skipping GEOS's parse and validity test (most parcels of a
    /// survey): the same shape `polygonal` would keep, unrepaired.
    func reproject(_ chunk: inout FeatureChunk, _ index: Int, id: String, _ issues: inout IssueLog, takingClean: Bool) -> Reprojection? {
        guard chunk.hasGeometry(index) else {
            issues.add(layer, id, .nullGeometry, .error, zh: "几何为空值，已跳过", en: "null geometry, skipped")
            return nil
        }
        // The extent read from the WKB is nil for an empty geometry, malformed bytes or
        // non-finite coordinates: parse to tell which.
        guard let extent = chunk.extent(index) else {
            do {
                let parsed = try chunk.withWKB(index) { try Geometry(wkb: $0) }!
                if parsed.isEmpty {
                    issues.add(layer, id, .emptyGeometry, .error, zh: "几何为空，已跳过", en: "empty geometry, skipped")
                } else {
                    reportBadCoordinates(id, &issues)
                }
            } catch {
                issues.add(layer, id, .unreadableGeometry, .error, zh: "几何无法读取，已跳过：\(error)", en: "geometry cannot be read, skipped: \(error)")
            }
            return nil
        }
        guard [extent.minX, extent.minY, extent.maxX, extent.maxY].allSatisfy({ abs($0) < Self.coordinateLimit }) else {
            reportBadCoordinates(id, &issues)
            return nil
        }
        // Reproject inside the WKB where it can be walked, so the geometry is built only once.
        var stillToTransform = transformer
        if let transformer, let failures = chunk.withMutableWKB(index, { transformer.transform(wkb: $0) })! {
            if let first = failures.first {
                reportReprojection(id, "PROJ could not transform point \(first)", &issues)
                return nil
            }
            stillToTransform = nil
        }
        if takingClean, stillToTransform == nil,
           let clean = chunk.withWKB(index, { FlatPolygons.certainlyValidPolygon(wkb: $0, limit: Self.coordinateLimit) }) ?? nil {
            return .clean(clean)
        }
        var geometry: Geometry
        do {
            geometry = try chunk.withWKB(index) { try Geometry(wkb: $0) }!
        } catch {
            issues.add(layer, id, .unreadableGeometry, .error, zh: "几何无法读取，已跳过：\(error)", en: "geometry cannot be read, skipped: \(error)")
            return nil
        }
        if let stillToTransform {
            do {
                geometry = try stillToTransform.transform(geometry)
            } catch {
                reportReprojection(id, String(describing: error), &issues)
                return nil
            }
        }
        guard Self.hasSaneCoordinates(geometry) else {
            reportReprojection(id, "the result lies out of range", &issues)
            return nil
        }
        return .geometry(geometry)
    }

    private func reportBadCoordinates(_ id: String, _ issues: inout IssueLog) {
        issues.add(layer, id, .badCoordinates, .error, zh: "坐标非有限值或超出范围，已跳过", en: "coordinates are not finite or out of range, skipped")
    }

    private func reportReprojection(_ id: String, _ failure: String, _ issues: inout IssueLog) {
        issues.add(layer, id, .reprojectionFailed, .error,
                   zh: "坐标转换失败，已跳过（\(failure)）", en: "could not be reprojected, skipped (\(failure))")
    }

    /// Makes a reprojected geometry valid and polygonal, or reports why it cannot be.
    func polygonal(_ geometry: Geometry, id: String, _ issues: inout IssueLog) -> Outcome {
        do {
            var result = geometry
            var repaired = false
            var reasons: [String] = []
            if !geometry.type.isPolygonal {
                guard geometry.type == .geometryCollection, let polygons = try geometry.polygonalPart() else {
                    issues.add(layer, id, .nonPolygonal, .error, zh: "几何类型为 \(geometry.type)，不是面，已跳过", en: "\(geometry.type) is not a polygon, skipped")
                    return .skipped
                }
                result = polygons
                repaired = true
                reasons.append("non-polygonal parts dropped")
            }
            if !result.isValid {
                let reason = try result.validityReason()
                if reason.hasPrefix("Invalid Coordinate") {
                    issues.add(layer, id, .badCoordinates, .error, zh: "坐标非有限值，已跳过", en: "coordinates are not finite, skipped")
                    return .skipped
                }
                guard let fixed = try result.makeValid().polygonalPart() else {
                    issues.add(layer, id, .unrepairable, .error, zh: "无效几何（\(reason)）无法修复，已跳过", en: "invalid geometry (\(reason)) cannot be repaired, skipped")
                    return .skipped
                }
                result = fixed
                repaired = true
                reasons.append(reason)
            }
            let area = try result.area()
            guard area > 0 else {
                issues.add(layer, id, .zeroArea, .error, zh: "面积为零，已跳过", en: "zero area, skipped")
                return .skipped
            }
            if repaired {
                let before = (try? geometry.area()) ?? 0
                let text = reasons.joined(separator: "; ")
                issues.add(layer, id, .repaired, .warning,
                           zh: "几何已修复（\(text)），面积 \(Self.format(before)) → \(Self.format(area)) 平方米",
                           en: "geometry repaired (\(text)), area \(Self.format(before)) → \(Self.format(area)) m²")
            }
            return .kept(result, repaired: repaired)
        } catch {
            issues.add(layer, id, .unrepairable, .error, zh: "几何处理失败，已跳过（\(error)）", en: "geometry processing failed, skipped (\(error))")
            return .skipped
        }
    }

    static func hasSaneCoordinates(_ geometry: Geometry) -> Bool {
        guard let box = geometry.envelope else { return false }
        return [box.minX, box.minY, box.maxX, box.maxY].allSatisfy { $0.isFinite && abs($0) < coordinateLimit }
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
