/// `inside`, `outside` or `partial`, by the config's thresholds.
public enum LineStatus: String, Sendable, Equatable {
    case inside
    case partial
    case outside

    package init(share: Double, config: Config.LineCheck) {
        if share >= config.insideMinShare {
            self = .inside
        } else if share <= config.outsideMaxShare {
            self = .outside
        } else {
            self = .partial
        }
    }

    public var chinese: String {
        switch self {
        case .inside: "线内"
        case .partial: "跨线"
        case .outside: "线外"
        }
    }
}
