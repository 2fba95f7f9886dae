import SanseModel

/// The viewer's names, colours and line styles: the printed map's (`MapStyle`, the
/// categories' colours), so the web map and map.svg read alike.
enum ViewerStyle {
    static let categories = Category.allCases
    static let lineStatuses: [LineStatus] = [.inside, .partial, .outside]

    static func categoryIndex(_ category: Category) -> Int { categories.firstIndex(of: category)! }
    static func lineStatusIndex(_ status: LineStatus) -> Int { lineStatuses.firstIndex(of: status)! }

    static func english(_ category: Category) -> String {
        switch category {
        case .retain: "Retain and upgrade"
        case .renew: "Renew and transform"
        case .exit: "Relocate and exit"
        }
    }

    static func english(_ status: LineStatus) -> String {
        switch status {
        case .inside: "inside the line"
        case .partial: "across the line"
        case .outside: "outside the line"
        }
    }

    static var manifestCategories: [ViewerManifest.Category] {
        categories.map {
            .init(
                key: $0.rawValue, name: $0.chinese, english: english($0), fill: $0.fillColour, stroke: $0.strokeColour)
        }
    }

    static var manifestLineStatuses: [ViewerManifest.Named] {
        lineStatuses.map { .init(key: $0.rawValue, name: $0.chinese, english: english($0)) }
    }

    /// Lowest zoom at which parcels load without a town picked: a street's width of a few
    /// pixels, where a parcel is big enough to click.
    static let parcelMinZoom = 15

    /// In drawing order, as the printed map: outline tint, land, parcel lines, control line,
    /// town boundaries.
    static let layers: [ViewerManifest.Layer] = [
        .init(
            id: "outlines", name: "区块范围", english: "Block outlines", kind: "categoryFill", file: "outlines.js",
            visible: true, fillOpacity: MapStyle.outlineOpacity, strokeWidth: MapStyle.outlineStrokeWidth,
            featuresOf: "blocks", clickable: true),
        .init(
            id: "blocks", name: "区块", english: "Blocks", kind: "categoryFill", file: "blocks.js", visible: true,
            fillOpacity: MapStyle.landOpacity, clickable: true, details: "block-details.js"),
        .init(
            id: "parcels", name: "宗地", english: "Parcels", kind: "parcels", visible: true,
            stroke: MapStyle.parcelColour, strokeWidth: 0.6, strokeOpacity: 0.75, minZoom: parcelMinZoom,
            clickable: true),
        .init(
            id: "control-lines", name: "工业控制线", english: "Industrial control line", kind: "line",
            file: "control-lines.js", visible: true, stroke: MapStyle.controlColour, strokeWidth: MapStyle.controlWidth,
            dash: [9, 4], clickable: false),
        .init(
            id: "towns", name: "镇街界线", english: "Town boundaries", kind: "line", file: "towns.js", visible: true,
            stroke: MapStyle.townColour, strokeWidth: MapStyle.townWidth, dash: [14, 4, 2, 4], labels: true,
            clickable: false),
    ]

    typealias Row = ViewerManifest.PopupRow

    static let blockPopup: [Row] = [
        Row(key: "id", label: "区块编号 Block", format: "text"),
        Row(key: "town", label: "镇街 Town", format: "lookup:towns"),
        Row(key: "land_mu", label: "用地面积 Land", format: "mu"),
        Row(key: "inside_share", label: "\(Metric.insideShare.chinese) Inside the control line", format: "percent"),
        Row(key: "line_status", label: "与控制线 Control line", format: "lookup:lineStatuses"),
        Row(key: "category", label: "类别 Category", format: "lookup:categories"),
        Row(key: "reason", label: "判定理由 Reason", format: "lookup:reason"),
        Row(key: "parcel_count", label: "宗地数 Parcels", format: "integer"),
        Row(key: "far", label: "容积率 FAR", format: "fixed2"),
        Row(key: "tax_per_mu", label: "\(Metric.taxPerMu.chinese) Tax per mu", format: "fixed2"),
        Row(key: "cd_share", label: "\(Metric.cdShare.chinese) C/D share", format: "percent"),
        Row(key: "is_cluster_10ha", label: "\(Metric.isCluster10ha.chinese) 10 ha cluster", format: "yesNo"),
        Row(
            key: "renovation_candidate", label: "\(Metric.renovationCandidate.chinese) Renovation scale",
            format: "yesNo"),
    ]

    static let parcelPopup: [Row] = [
        Row(key: "id", label: "宗地编号 Parcel", format: "text"),
        Row(key: "enterprise", label: "权利人 Enterprise", format: "lookup:enterprise"),
        Row(key: "area_mu", label: "面积 Area", format: "mu"),
        Row(key: "far", label: "容积率 FAR", format: "fixed2"),
        Row(key: "grade", label: "亩均评价 Grade", format: "text"),
        Row(key: "line_status", label: "与控制线 Control line", format: "lookup:lineStatuses"),
        Row(key: "inside_share", label: "线内占比 Inside share", format: "percent"),
        Row(key: "distance_m", label: "距控制线 Distance to the line", format: "metres"),
        Row(key: "block", label: "所属区块 Block", format: "lookup:blocks"),
        Row(key: "category", label: "类别 Category", format: "lookup:categories"),
    ]
}
