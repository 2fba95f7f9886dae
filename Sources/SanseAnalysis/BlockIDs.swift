import Foundation

/// Step 6 of the analysis: block ids by town, then land area descending, then the smallest
/// parcel id (SPEC semantics 10).
enum BlockIDs {
    /// The blocks' positions in id order and the ids in that order: `B0001` …; a survey of
    /// 10 000 blocks or more gets wider numbers for all of them (`B00001` …), so that the ids
    /// still sort as text in Excel or a GIS table.
    static func assign(_ figures: [BlockFigures]) -> (order: [Int], ids: [String]) {
        let keys = figures.map { (town: $0.shape.town ?? "", landM2: $0.shape.landM2, smallest: $0.smallestParcelID) }
        let order = keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.town != y.town { return x.town < y.town }
            if x.landM2 != y.landM2 { return x.landM2 > y.landM2 }
            return x.smallest < y.smallest
        }
        let digits = max(4, String(figures.count).count)
        return (order, order.indices.map { String(format: "B%0\(digits)d", $0 + 1) })
    }
}
