import Foundation

/// Everything a county can tune, with SPEC's defaults: each property's initial value is its
/// default. `ConfigSchema` declares the key each property is read from, and from it come the
/// reader, the printed default (`DefaultConfig.yaml`) and run.json's record, so they can never
/// disagree.
public struct Config: Sendable, Equatable {
    /// Shown in the map title and the tables, e.g. 慈溪市工业用地调查.
    public var surveyName: String = "工业用地调查"
    /// The survey's date as shown under the map title, e.g. 2025年12月; nil = the newest input
    /// file's date.
    public var surveyDate: String?
    /// Analysis CRS (`EPSG:4549`, WKT, PROJJSON); nil chooses it as SPEC semantics 1 says.
    public var analysisCRS: String?
    /// CRS for inputs that carry none (a Shapefile without `.prj`).
    public var sourceCRS: String?
    /// Layer names within multi-layer inputs (GeoPackage, FileGDB); nil picks it by name or as
    /// the only layer.
    public var layers = LayerNames()
    /// Candidate source field names for each mapped field; the first present wins.
    public var fields = FieldNames()
    /// The attribute-table join key: field in the parcels and in the table.
    public var join = JoinKeys()
    public var contiguity = Contiguity()
    public var lineCheck = LineCheck()
    public var sizing = Sizing()
    public var checks = Checks()
    public var viewer = Viewer()
    /// SPEC's three colours: outside the control line → exit; mostly C/D grades or a low FAR
    /// → renew; the rest → retain.
    public var rules = [
        ClassificationRule(category: .exit, mode: .any, conditions: [RuleCondition(.insideShare, .less, 0.5)]),
        ClassificationRule(category: .renew, mode: .any, conditions: [
            RuleCondition(.cdShare, .greaterOrEqual, 0.5), RuleCondition(.far, .less, 1.0),
        ]),
        ClassificationRule(category: .retain, mode: .any, conditions: []),
    ]

    public init() {}

    public struct LayerNames: Sendable, Equatable {
        public var parcels: String?
        public var controlLines: String?
        public var towns: String?
        public var attributes: String?
    }

    public struct FieldNames: Sendable, Equatable {
        public var parcelID = ["parcel_id", "id", "宗地编号", "宗地号", "地块编号", "ZDDM", "DKBH"]
        public var town = ["town", "镇街", "所属镇街", "乡镇", "所在乡镇", "SZXZ", "XZMC"]
        public var enterprise = ["enterprise", "权利人", "土地使用权人", "企业名称", "用地单位", "QLR", "TDSYQR"]
        public var grade = ["grade", "亩均评价", "评价等级", "亩均等级", "eval_result"]
        public var taxPerMu = ["tax_per_mu", "亩均税收", "MJSS"]
        public var far = ["far", "容积率", "RJL"]
        public var floorArea = ["floor_area", "建筑面积", "JZMJ"]
        /// Towns layer: the town's name.
        public var townName = ["name", "town", "镇街", "镇街名称", "乡镇", "乡镇名称", "名称", "XZMC", "XZQMC"]
        /// Towns layer: large or small (大镇 / 小镇).
        public var townSizeClass = ["size_class", "规模", "镇类型"]
    }

    public struct JoinKeys: Sendable, Equatable {
        /// Key field in the parcels layer, e.g. 统一社会信用代码 or 宗地编号.
        public var parcelField: String?
        /// Key field in the attribute table; defaults to `parcelField`.
        public var tableField: String?
    }

    public struct Contiguity: Sendable, Equatable {
        /// Parcels closer than this (metres) belong to one block; 0 means touching.
        public var gapMetres = 30.0
        /// No internal road is wider; buffers by far larger gaps (1e300) make GEOS fail
        /// mid-analysis with a message that names no setting.
        public static let maximumGapMetres = 10_000.0
    }

    public struct LineCheck: Sendable, Equatable {
        public var insideMinShare = 0.95
        public var outsideMaxShare = 0.05
    }

    public struct Sizing: Sendable, Equatable {
        public var clusterMinHectares = 10.0
        public var renovationMinMuLarge = 200.0
        public var renovationMinMuSmall = 100.0
        /// Size class of a town whose class is not given.
        public var defaultTownClass = TownSizeClass.small
        /// Size classes by town name, for surveys without a towns layer (or to override it).
        public var townClasses: [String: TownSizeClass] = [:]
    }

    public struct Checks: Sendable, Equatable {
        /// Overlaps between parcels larger than this (m²) are reported.
        public var overlapMinSquareMetres = 1.0
        /// FAR outside 0…farMax is reported and not used.
        public var farMax = 20.0
        /// Features this far (km) beyond the rest of the data are reported (wrong CRS?).
        public var farFromDataKilometres = 50.0
    }
}

/// 大镇 or 小镇: decides the minimum size of a renovation project.
public enum TownSizeClass: String, Sendable, Equatable, CaseIterable {
    case large
    case small

    /// Reads `large/small`, `大/小`, `大镇/小镇` (also with 街道), case-insensitively.
    public init?(text: String) {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "large", "l", "大", "大镇", "大型", "大镇街": self = .large
        case "small", "s", "小", "小镇", "小型", "小镇街": self = .small
        default: return nil
        }
    }

    public var chinese: String { self == .large ? "大镇" : "小镇" }
}
