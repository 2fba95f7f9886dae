import Foundation
import GeoKit
import SanseModel

/// Checks on the loaded parcels that change nothing but report what looks wrong. (Overlaps
/// are found while building blocks, where the union makes them cheap to detect.)
enum SurveyChecks {
    /// Parcels lying far beyond the rest of the data: the mark of a wrong CRS or a typo in a
    /// coordinate. Kept, but reported.
    static func reportOutliers(_ parcels: [Parcel], beyondKilometres: Double, workers: Int = Parallel.defaultWorkerCount, _ issues: inout IssueLog) throws {
        guard parcels.count >= 3 else { return }
        let centres = try Parallel.mapChunks(count: parcels.count, workers: workers, minimumChunk: 4096) { range in
            range.map { parcels[$0].shape.envelope?.center ?? Point2D(0, 0) }
        }.flatMap { $0 }
        let middle = Point2D(median(centres.map(\.x)), median(centres.map(\.y)))
        let distances = centres.map { hypot($0.x - middle.x, $0.y - middle.y) }
        let usual = smallest(min(distances.count - 1, Int(Double(distances.count) * 0.95)), of: distances)
        let limit = usual + beyondKilometres * 1000
        for (index, distance) in distances.enumerated() where distance > limit {
            let km = GeometryPreparation.format(distance / 1000)
            issues.add("parcels", parcels[index].id, .farFromData, .warning,
                       zh: "距其余数据中心 \(km) 公里，远超其他宗地，坐标系可能有误", en: "lies \(km) km from the middle of the data, far beyond the other parcels: wrong CRS?")
        }
    }

    private static func median(_ values: [Double]) -> Double {
        smallest(values.count / 2, of: values)
    }

    /// The value at `rank` (from 0) in ascending order, as `values.sorted()[rank]` but by
    /// selection, without sorting the million values (Hoare's quickselect, middle pivots).
    static func smallest(_ rank: Int, of values: [Double]) -> Double {
        var work = values
        var low = 0, high = work.count - 1
        while low < high {
            let pivot = work[low + (high - low) / 2]
            var i = low, j = high
            while i <= j {
                while work[i] < pivot { i += 1 }
                while work[j] > pivot { j -= 1 }
                if i <= j {
                    work.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { high = j } else if rank >= i { low = i } else { break }
        }
        return work[rank]
    }
}
