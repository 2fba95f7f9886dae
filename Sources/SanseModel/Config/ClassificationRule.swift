/// The three colours (三色) a block can be given.
public enum Category: String, Sendable, Equatable, CaseIterable, Comparable {
    case retain
    case renew
    case exit

    public var chinese: String {
        switch self {
        case .retain: "保留提升"
        case .renew: "更新转型"
        case .exit: "腾挪退出"
        }
    }

    /// The colour's name, as the default config explains the categories.
    public var chineseColourName: String {
        switch self {
        case .retain: "蓝"
        case .renew: "黄"
        case .exit: "红"
        }
    }

    /// Fill colour on the map and in simplestyle properties.
    public var fillColour: String {
        switch self {
        case .retain: "#2b6cb0"
        case .renew: "#f2c335"
        case .exit: "#d64541"
        }
    }

    /// Outline colour: a darker shade of the fill.
    public var strokeColour: String {
        switch self {
        case .retain: "#1a4571"
        case .renew: "#a07c12"
        case .exit: "#8c2421"
        }
    }

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A block figure a rule can test.
public enum Metric: String, Sendable, Equatable, CaseIterable {
    case insideShare = "inside_share"
    case landM2 = "land_m2"
    case landHa = "land_ha"
    case landMu = "land_mu"
    case outlineM2 = "outline_m2"
    case cdShare = "cd_share"
    case far
    case taxPerMu = "tax_per_mu"
    case parcelCount = "parcel_count"
    case isCluster10ha = "is_cluster_10ha"
    case renovationCandidate = "renovation_candidate"

    /// How the figure is named in a block's `reasons` sentence.
    public var chinese: String {
        switch self {
        case .insideShare: "控制线内面积占比"
        case .landM2: "用地面积(平方米)"
        case .landHa: "用地面积(公顷)"
        case .landMu: "用地面积(亩)"
        case .outlineM2: "区块范围面积(平方米)"
        case .cdShare: "C/D类用地占比"
        case .far: "容积率"
        case .taxPerMu: "亩均税收(万元/亩)"
        case .parcelCount: "宗地数"
        case .isCluster10ha: "10公顷以上集聚区块"
        case .renovationCandidate: "达到整体改造规模"
        }
    }

    /// Shares are shown as percentages in reasons.
    public var isShare: Bool { self == .insideShare || self == .cdShare }
    public var isFlag: Bool { self == .isCluster10ha || self == .renovationCandidate }
}

public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    public func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .equal: left == right
        case .notEqual: left != right
        }
    }
}

/// `metric op value`, e.g. `inside_share < 0.5`. A missing figure never satisfies a condition.
public struct RuleCondition: Sendable, Equatable {
    public var metric: Metric
    public var op: ComparisonOperator
    public var value: Double

    public init(_ metric: Metric, _ op: ComparisonOperator, _ value: Double) {
        self.metric = metric
        self.op = op
        self.value = value
    }
}

/// One rule of the ordered rule list: the first rule whose conditions match gives the block
/// its category. A rule with no conditions always matches (a fallback).
public struct ClassificationRule: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        case any
        case all
    }

    public var category: Category
    public var mode: Mode
    public var conditions: [RuleCondition]

    public init(category: Category, mode: Mode, conditions: [RuleCondition]) {
        self.category = category
        self.mode = mode
        self.conditions = conditions
    }
}
