/// Every config key, declared once: its name and place in the file, what it holds and the
/// range the reader accepts, its comment in the default YAML (中文 + English), and where
/// run.json records it. A key's default is its property's initial value in `Config`.
///
/// Made from this table: `ConfigReader` (types, ranges, unknown keys, their errors),
/// `sanse config --default` (`DefaultConfig.yaml`), run.json's effective config
/// (`ConfigManifest`) and the config words of the fuzz grammar (`ConfigSchema.vocabulary`).
/// Adding a key is one line here and its property in `Config`.
public enum ConfigSchema {
    /// The lines above the first section of the default YAML.
    static let header = [
        "sanse 配置文件 / configuration file",
        "未写出的项取默认值 (keys left out keep their defaults). 所有键见下 (all keys below).",
    ]

    public static let keys: [ConfigKey] = [
        .section("survey", manifest: .keysAsMembers, [
            // The default file has always had this comment (and town_size_class's) lined up
            // by eye in an editor font that draws a Chinese character wider than one column.
            .key("name", .text(\.surveyName), .bilingual("地图标题中的调查名称", "survey name in the map title"),
                 manifestMember: "surveyName", commentColumn: 26),
            .key("date", .optionalText(\.surveyDate),
                 .bilingual("调查日期, 如 2025年12月; null = 输入文件日期", "survey date; null = input files' date"),
                 manifestMember: "surveyDate"),
        ]),
        .section("crs", manifest: .keysAsMembers, [
            .key("analysis", .optionalText(\.analysisCRS), .stacked(
                "分析坐标系, 如 EPSG:4549; null = 自动选择 (SPEC 1)",
                "analysis CRS; null = parcels' CRS if projected in metres, else",
                "CGCS2000 3-degree Gauss-Kruger zone (China) or WGS 84 UTM zone"),
                 manifestMember: "analysisCRS"),
            .key("source", .optionalText(\.sourceCRS),
                 .stacked("无坐标系文件(如缺 .prj 的 Shapefile)所用坐标系", "CRS assumed for inputs that declare none"),
                 manifestMember: "sourceCRS"),
        ]),
        // run.json has never recorded the layers: adding them would change every run's
        // fingerprint (and `sanse batch` would re-run everything once). The layer each input was
        // read from is in run.json's inputs.
        .section("layers", .stacked("多图层文件(GeoPackage 等)中的图层名; null = 按名称或唯一图层选取",
                                    "layer names inside multi-layer inputs; null = pick by name / only layer"),
                 manifest: .omitted(because: "not recorded before the schema; a run's inputs name their layers"), [
            .key("parcels", .optionalText(\.layers.parcels)),
            .key("control_lines", .optionalText(\.layers.controlLines)),
            .key("towns", .optionalText(\.layers.towns)),
            .key("attributes", .optionalText(\.layers.attributes)),
        ]),
        .section("fields", .stacked("字段映射: 依次查找, 第一个存在的字段生效 (不区分大小写)",
                                    "field mapping: the first name present wins (case-insensitive)"),
                 manifest: .object("fields"), [
            .key("parcel_id", .names(\.fields.parcelID)),
            .key("town", .names(\.fields.town)),
            .key("enterprise", .names(\.fields.enterprise)),
            .key("grade", .names(\.fields.grade)),
            .key("tax_per_mu", .names(\.fields.taxPerMu)),
            .key("far", .names(\.fields.far)),
            .key("floor_area", .names(\.fields.floorArea)),
            .key("town_name", .names(\.fields.townName), .bilingual("镇街图层", "towns layer")),
            // Lined up by eye with town_name's comment, as survey.name's.
            .key("town_size_class", .names(\.fields.townSizeClass), "大镇/小镇, large/small", commentColumn: 72),
        ]),
        .section("join", .bilingual("属性表(CSV)连接", "attribute table join"), manifest: .object("join"), [
            .key("parcel_field", .optionalText(\.join.parcelField),
                 .bilingual("宗地图层中的键, 如 统一社会信用代码", "key field in the parcels")),
            .key("table_field", .optionalText(\.join.tableField),
                 .bilingual("属性表中的键; null = 同上", "key in the table; null = same name")),
        ]),
        .section("contiguity", manifest: .keysAsMembers, [
            .key("gap_m", .number(\.contiguity.gapMetres, atLeast: 0, atMost: Config.Contiguity.maximumGapMetres),
                 .stacked("连片容差(米): 间距不超过此值的宗地归为同一区块; 0 = 仅相接",
                          "parcels at most this far apart (m) form one block; 0 = touching"),
                 manifestMember: "gapM"),
        ]),
        .section("line_check", .bilingual("工业控制线检查", "control-line check"), manifest: .object("lineCheck"),
                 check: SectionCheck("line_check.outside_max_share must be below inside_min_share") {
                     $0.lineCheck.outsideMaxShare < $0.lineCheck.insideMinShare
                 }, [
            .key("inside_min_share", .number(\.lineCheck.insideMinShare, atLeast: 0, atMost: 1),
                 "占比 ≥ 此值为 \"inside\" (线内)"),
            .key("outside_max_share", .number(\.lineCheck.outsideMaxShare, atLeast: 0, atMost: 1),
                 "占比 ≤ 此值为 \"outside\" (线外); 其间为 \"partial\""),
        ]),
        .section("sizing", manifest: .object("sizing", numbersAsText: true), [
            .key("cluster_min_ha", .number(\.sizing.clusterMinHectares, atLeast: 0),
                 .bilingual("10公顷以上工业集聚区块", "cluster threshold (ha)")),
            .group("renovation_min_mu", .bilingual("整体改造最小规模(亩)", "minimum renovation project size (mu)"), [
                // The key names say it in English.
                .key("large", .number(\.sizing.renovationMinMuLarge, atLeast: 0), "大镇"),
                .key("small", .number(\.sizing.renovationMinMuSmall, atLeast: 0), "小镇"),
            ]),
            .key("default_town_class", .townSizeClass(\.sizing.defaultTownClass),
                 .bilingual("未标明规模的镇街按此处理", "class of towns without one")),
            .key("town_classes", .townSizeClasses(\.sizing.townClasses),
                 .bilingual("按镇街名指定规模, 如 {周巷镇: 大镇}", "classes by town name")),
        ]),
        .section("checks", .bilingual("数据检查", "data checks"), manifest: .object("checks"), [
            .key("overlap_min_m2", .number(\.checks.overlapMinSquareMetres, atLeast: 0),
                 .bilingual("宗地重叠超过此面积(平方米)即报告", "report overlaps above (m²)")),
            .key("far_max", .number(\.checks.farMax, atLeast: 0),
                 .bilingual("容积率超出 0…far_max 视为异常", "FAR outside 0…far_max is reported")),
            .key("far_from_data_km", .number(\.checks.farFromDataKilometres, atLeast: 0),
                 .bilingual("远离其余数据的要素(可能坐标系有误)", "outliers (wrong CRS?)")),
        ]),
        // Every value nil by default: run.json records a base map only when one is set.
        .section("viewer", .bilingual("网页地图 index.html", "the web viewer"), manifest: .keysAsMembers, [
            .group("base_map", .stacked("底图: 默认无, 离线可用; 天地图、高德需联网和密钥",
                                        "base map tiles: none by default (works offline); 天地图 and 高德 need a key"), [
                .key("url", .optionalText(\.viewer.baseMapURL),
                     .stacked("瓦片地址, 含 {z} {x} {y}, 可有 {s}", "tile URL with {z} {x} {y}, optionally {s}"),
                     manifestMember: "baseMapURL"),
                .key("crs", .optionalText(\.viewer.baseMapCRS),
                     .stacked("wgs84 (天地图, OSM; null 即此) | gcj02 (高德/腾讯, 需 --web-crs gcj02)",
                              "the tiles' lon/lat system"),
                     manifestMember: "baseMapCRS"),
                .key("attribution", .optionalText(\.viewer.baseMapAttribution),
                     .bilingual("地图上的版权说明", "attribution shown on the map"), manifestMember: "baseMapAttribution"),
                .key("subdomains", .optionalText(\.viewer.baseMapSubdomains),
                     .bilingual("{s} 的取值, 如 01234567", "what {s} takes"), manifestMember: "baseMapSubdomains"),
            ]),
        ]),
        .key("rules", .rules(\.rules), RuleSyntax.comment, manifestMember: "rules"),
    ]
}
