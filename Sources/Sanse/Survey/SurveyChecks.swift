import GeoKit

/// Checks on the loaded parcels that change nothing but report what looks wrong. (Overlaps
/// are found while building blocks, where the union makes them cheap to detect.)
enum SurveyChecks {
    /// Parcels lying far beyond the rest of the data: the mark of a wrong CRS or a typo in a
    /// coordinate. Kept, but reported.
    static func reportOutliers(_ parcels: [Parcel], beyondKilometres: Double, _ issues: inout IssueLog) {
        guard parcels.count >= 3 else { return }
        let centres = parcels.map { $0.shape.envelope?.center ?? Point2D(0, 0) }
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
