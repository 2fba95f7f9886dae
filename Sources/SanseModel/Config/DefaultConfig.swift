/// The default configuration, as `sanse config --default` prints it. `Config.default` is this
/// text parsed, so the documentation and the behaviour are one thing.
public enum DefaultConfig {
    public static let yaml = #"""
# sanse 配置文件 / configuration file
# 未写出的项取默认值 (keys left out keep their defaults). 所有键见下 (all keys below).

survey:
  name: 工业用地调查            # 地图标题中的调查名称 / survey name in the map title
  date: null                  # 调查日期, 如 2025年12月; null = 输入文件日期 / survey date; null = input files' date

crs:
  analysis: null              # 分析坐标系, 如 EPSG:4549; null = 自动选择 (SPEC 1)
                              # analysis CRS; null = parcels' CRS if projected in metres, else
                              # CGCS2000 3-degree Gauss-Kruger zone (China) or WGS 84 UTM zone
  source: null                # 无坐标系文件(如缺 .prj 的 Shapefile)所用坐标系
                              # CRS assumed for inputs that declare none

layers:                       # 多图层文件(GeoPackage 等)中的图层名; null = 按名称或唯一图层选取
  parcels: null               # layer names inside multi-layer inputs; null = pick by name / only layer
  control_lines: null
  towns: null
  attributes: null

fields:                       # 字段映射: 依次查找, 第一个存在的字段生效 (不区分大小写)
                              # field mapping: the first name present wins (case-insensitive)
  parcel_id: [parcel_id, id, 宗地编号, 宗地号, 地块编号, ZDDM, DKBH]
  town: [town, 镇街, 所属镇街, 乡镇, 所在乡镇, SZXZ, XZMC]
  enterprise: [enterprise, 权利人, 土地使用权人, 企业名称, 用地单位, QLR, TDSYQR]
  grade: [grade, 亩均评价, 评价等级, 亩均等级, eval_result]
  tax_per_mu: [tax_per_mu, 亩均税收, MJSS]
  far: [far, 容积率, RJL]
  floor_area: [floor_area, 建筑面积, JZMJ]
  town_name: [name, town, 镇街, 镇街名称, 乡镇, 乡镇名称, 名称, XZMC, XZQMC]   # 镇街图层 / towns layer
  town_size_class: [size_class, 规模, 镇类型]                                # 大镇/小镇, large/small

join:                         # 属性表(CSV)连接 / attribute table join
  parcel_field: null          # 宗地图层中的键, 如 统一社会信用代码 / key field in the parcels
  table_field: null           # 属性表中的键; null = 同上 / key in the table; null = same name

contiguity:
  gap_m: 30                   # 连片容差(米): 间距不超过此值的宗地归为同一区块; 0 = 仅相接
                              # parcels at most this far apart (m) form one block; 0 = touching

line_check:                   # 工业控制线检查 / control-line check
  inside_min_share: 0.95      # 占比 ≥ 此值为 "inside" (线内)
  outside_max_share: 0.05     # 占比 ≤ 此值为 "outside" (线外); 其间为 "partial"

sizing:
  cluster_min_ha: 10          # 10公顷以上工业集聚区块 / cluster threshold (ha)
  renovation_min_mu:          # 整体改造最小规模(亩) / minimum renovation project size (mu)
    large: 200                # 大镇
    small: 100                # 小镇
  default_town_class: small   # 未标明规模的镇街按此处理 / class of towns without one
  town_classes: {}            # 按镇街名指定规模, 如 {周巷镇: 大镇} / classes by town name

checks:                       # 数据检查 / data checks
  overlap_min_m2: 1           # 宗地重叠超过此面积(平方米)即报告 / report overlaps above (m²)
  far_max: 20                 # 容积率超出 0…far_max 视为异常 / FAR outside 0…far_max is reported
  far_from_data_km: 50        # 远离其余数据的要素(可能坐标系有误) / outliers (wrong CRS?)

viewer:                       # 网页地图 index.html / the web viewer
  base_map:                   # 底图: 默认无, 离线可用; 天地图、高德需联网和密钥 / none by default
    url: null                 # 瓦片地址 tile URL with {z} {x} {y} ({s}), e.g. 天地图:
                              # https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=密钥
    crs: wgs84                # wgs84 (天地图, OSM) | gcj02 (高德/腾讯, 需 --web-crs gcj02)
    attribution: ""           # 地图上显示的版权说明 / attribution shown on the map
    subdomains: ""            # {s} 的取值, 如 01234567 / what {s} takes

# 三色规则: 按顺序, 第一条满足的规则决定区块类别; 缺失的指标永不满足条件.
# Three-colour rules: in order, the first rule that matches decides; a missing figure never matches.
# category: retain (保留提升, 蓝) | renew (更新转型, 黄) | exit (腾挪退出, 红)
# any / all: 条件任一 / 全部满足. 无条件的规则总是满足 (兜底).
# metric: inside_share, land_m2, land_ha, land_mu, outline_m2, cd_share, far, tax_per_mu,
#         parcel_count, is_cluster_10ha, renovation_candidate
# op: <, <=, >, >=, ==, !=
rules:
  - category: exit
    any:
      - {metric: inside_share, op: "<", value: 0.5}
  - category: renew
    any:
      - {metric: cd_share, op: ">=", value: 0.5}
      - {metric: far, op: "<", value: 1.0}
  - category: retain
"""#
}

extension Config {
    /// SPEC's defaults.
    public static let `default`: Config = {
        do {
            return try ConfigReader.parse(DefaultConfig.yaml, base: Config())
        } catch {
            fatalError("the built-in default config does not parse: \(error)")
        }
    }()
}
