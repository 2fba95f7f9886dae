import GeoKit
import SanseModel

/// Control lines (工业控制线): polygons as they are, closed lines polygonized, open lines
/// reported.
enum ControlLineLoader {
    static func load(_ raw: RawLayer, projection: Projection?, _ issues: inout IssueLog) throws -> [Geometry] {
        let preparation = GeometryPreparation(layer: "control_lines", transformer: try projection?.makeTransformer())
        var polygons: [Geometry] = []
        for var chunk in raw.chunks {
            for row in 0..<chunk.count {
                let label = "fid \(chunk.fids[row])"
                guard let projected = preparation.reproject(&chunk, row, id: label, &issues) else { continue }
                var candidate = projected
                if isLineal(projected) {
                    guard let formed = polygonize(projected, label: label, &issues) else { continue }
                    candidate = formed
                }
                if case .kept(let geometry, _) = preparation.polygonal(candidate, id: label, &issues) {
                    polygons.append(geometry)
                }
            }
        }
        return polygons
    }

    private static func isLineal(_ geometry: Geometry) -> Bool {
        switch geometry.type {
        case .lineString, .linearRing, .multiLineString: true
        case .geometryCollection: geometry.parts.allSatisfy(isLineal)
        default: false
        }
    }

    private static func polygonize(_ geometry: Geometry, label: String, _ issues: inout IssueLog) -> Geometry? {
        var closed: [Geometry] = []
        for line in geometry.parts.flatMap({ $0.type == .multiLineString ? $0.parts : [$0] }) {
            let points = (try? line.points()) ?? []
            if points.count >= 4, points.first == points.last {
                closed.append(line)
            } else {
                let end = points.last.map { "(\(GeometryPreparation.format($0.x)), \(GeometryPreparation.format($0.y)))" } ?? "?"
                issues.add("control_lines", label, .openLine, .error,
                           zh: "控制线未闭合（终点 \(end)），无法构面，已跳过", en: "control line is not closed (ends at \(end)); cannot form a polygon, skipped")
            }
        }
        guard !closed.isEmpty else { return nil }
        do {
            let polygons = try Geometry.polygonize(closed)
            guard let polygonal = try polygons.polygonalPart() else {
                issues.add("control_lines", label, .unrepairable, .error, zh: "闭合控制线无法构面，已跳过", en: "closed control lines formed no polygon, skipped")
                return nil
            }
            return try polygonal.unaryUnion()
        } catch {
            issues.add("control_lines", label, .unrepairable, .error, zh: "控制线构面失败：\(error)", en: "polygonizing the control line failed: \(error)")
            return nil
        }
    }
}
