import SanseModel

/// Colours, line widths and opacities of the map, in one place so the legend, the map and the
/// tests agree.
enum MapStyle {
    /// Block land (the parcels' union) over the outline tint.
    static let landOpacity = 0.72
    /// The block outline (land with its internal roads), tinted lightly.
    static let outlineOpacity = 0.22
    static let outlineStrokeWidth = 0.8

    static let controlColour = "#a4158f"
    static let controlWidth = 1.8
    static let controlDash = "9 4"

    static let townColour = "#5f6368"
    static let townWidth = 1.2
    /// Dash-dot.
    static let townDash = "14 4 2 4"
    static let townLabelColour = "#4a4a4a"
    static let townLabelSize = 19.0
    static let townLabelSpacing = 3.0

    /// On a one-town map, how strongly the land outside the town is washed out.
    static let outsideFocusOpacity = 0.6

    static let parcelColour = "#2e2e2e"

    static let labelColour = "#1b1b1b"
    static let labelIDSize = 12.0
    static let labelAreaSize = 11.0
    static let haloWidth = 3.0

    static let frameColour = "#333333"
    static let textColour = "#222222"
    static let mutedTextColour = "#555555"

    /// Parcel boundary width and opacity for a typical parcel `side` pixels across: finer
    /// lines where parcels are small, so a county map is not greyed over by them.
    static func parcelStroke(typicalSidePixels side: Double) -> (width: Double, opacity: Double) {
        switch side {
        case ..<2.5: (0.2, 0.35)
        case ..<6: (0.3, 0.5)
        case ..<20: (0.45, 0.65)
        default: (0.6, 0.75)
        }
    }

    /// The fill opacity of one surface made of the outline tint and the land fill on top of it.
    static var combinedLandOpacity: Double { 1 - (1 - outlineOpacity) * (1 - landOpacity) }
}
