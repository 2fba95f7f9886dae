import GeoKit
import SanseModel

/// How a parcel or a block lies towards the control area C.
struct LineMeasure: Sendable {
    /// area(g), the denominator of the share.
    var area: Double
    /// area(g ∩ C); exactly `area` when g lies in C's interior.
    var insideM2: Double
    /// distance(g, C), 0 when they meet (and when not asked for).
    var distance: Double

    /// area(g ∩ C) / area(g): exactly 1 when g lies in C's interior, exactly 0 when they share no area.
    var share: Double {
        if insideM2 == area { return area > 0 ? 1 : 0 }
        return area > 0 ? min(1, insideM2 / area) : 0
    }
}
