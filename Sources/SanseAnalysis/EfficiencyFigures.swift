import SanseModel

/// A block's efficiency figures (SPEC semantics 8), each absent when no parcel has the data.
struct EfficiencyFigures: Sendable, Equatable {
    /// Area of C/D-graded parcels ÷ area of graded parcels.
    var cdShare: Double?
    /// Area-weighted mean FAR over parcels with a FAR.
    var far: Double?
    /// Area-weighted mean 亩均税收 over parcels with one.
    var taxPerMu: Double?
    /// Land of C/D-graded parcels, m² (for the town tables).
    var cdAreaM2: Double

    /// - Parameter areas: each member parcel's own area (not its share of the union).
    init(parcels: [Parcel], members: [Int], areas: [Double]) {
        var graded = 0.0, low = 0.0
        var farWeight = 0.0, farSum = 0.0
        var taxWeight = 0.0, taxSum = 0.0
        for index in members {
            let parcel = parcels[index], area = areas[index]
            if let grade = parcel.grade {
                graded += area
                if grade.isLowEfficiency { low += area }
            }
            if let far = EfficiencyFigures.far(of: parcel, area: area) {
                farWeight += area
                farSum += far * area
            }
            if let tax = parcel.taxPerMu {
                taxWeight += area
                taxSum += tax * area
            }
        }
        cdShare = graded > 0 ? low / graded : nil
        far = farWeight > 0 ? farSum / farWeight : nil
        taxPerMu = taxWeight > 0 ? taxSum / taxWeight : nil
        cdAreaM2 = low
    }

    /// The parcel's FAR, or floor area ÷ parcel area when only the floor area is surveyed.
    static func far(of parcel: Parcel, area: Double) -> Double? {
        if let far = parcel.far { return far }
        if let floor = parcel.floorArea, area > 0 { return floor / area }
        return nil
    }
}
