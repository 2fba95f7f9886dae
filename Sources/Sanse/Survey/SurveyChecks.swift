import GeoKit

/// Checks on the loaded parcels that change nothing but report what looks wrong.
enum SurveyChecks {
    /// Pairs of parcels overlapping by more than `minimum` m² (digitising errors, or double
    /// registration). Reported once per pair, on the parcel with the smaller id.
    static func reportOverlaps(_ parcels: [Parcel], minimum: Double, workers: Int, _ issues: inout IssueLog) throws {
        // Envelopes are read here, on one thread, so GEOS has cached them before workers start.
        let envelopes = parcels.map { $0.geometry.envelope }
        let tree = STRtree(envelopes: envelopes)
        let found = try Parallel.mapChunks(count: parcels.count, workers: workers) { range in
            var overlaps: [(Int, Int, Double)] = []
            for i in range {
                guard let box = envelopes[i] else { continue }
                // Workers share the parcels, so each works on its own clones.
                var mine: (geometry: Geometry, prepared: PreparedGeometry)?
                for j in tree.query(box) where j > i {
                    // The overlap cannot exceed the envelopes' overlap: most neighbours that only
                    // share an edge stop here without any geometry work.
                    guard let other = envelopes[j], sharedBoxArea(box, other) > minimum else { continue }
                    if mine == nil {
                        let copy = parcels[i].geometry.clone()
                        mine = (copy, try PreparedGeometry(copy))
                    }
                    let neighbour = parcels[j].geometry.clone()
                    guard try mine!.prepared.intersects(neighbour) else { continue }
                    let shared = try mine!.geometry.intersection(neighbour).area()
                    if shared > minimum { overlaps.append((i, j, shared)) }
                }
            }
            return overlaps
        }
        for (i, j, shared) in found.joined() {
            let (first, second) = parcels[i].id < parcels[j].id ? (parcels[i].id, parcels[j].id) : (parcels[j].id, parcels[i].id)
            let area = GeometryPreparation.format(shared)
            issues.add("parcels", first, .overlap, .warning,
                       zh: "与宗地 \(second) 重叠 \(area) 平方米（未修改，重叠部分只计一次）",
                       en: "overlaps parcel \(second) by \(area) m² (left as is; the overlap counts once)")
        }
    }

    private static func sharedBoxArea(_ a: Envelope, _ b: Envelope) -> Double {
        let width = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        let height = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        return width > 0 && height > 0 ? width * height : 0
    }

    /// Parcels lying far beyond the rest of the data: the mark of a wrong CRS or a typo in a
    /// coordinate. Kept, but reported.
    static func reportOutliers(_ parcels: [Parcel], beyondKilometres: Double, _ issues: inout IssueLog) {
        guard parcels.count >= 3 else { return }
        let centres = parcels.map { $0.geometry.envelope?.center ?? Point2D(0, 0) }
        let middle = Point2D(median(centres.map(\.x)), median(centres.map(\.y)))
        let distances = centres.map { hypot($0.x - middle.x, $0.y - middle.y) }
        let sorted = distances.sorted()
        let usual = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        let limit = usual + beyondKilometres * 1000
        for (index, distance) in distances.enumerated() where distance > limit {
            let km = GeometryPreparation.format(distance / 1000)
            issues.add("parcels", parcels[index].id, .farFromData, .warning,
                       zh: "距其余数据中心 \(km) 公里，远超其他宗地，坐标系可能有误", en: "lies \(km) km from the middle of the data, far beyond the other parcels: wrong CRS?")
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

import Foundation
