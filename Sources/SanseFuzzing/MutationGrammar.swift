import SanseModel

/// What the mutator knows of a text format: tokens worth inserting or swapping in, and the
/// brackets that nest (for deep-nesting inputs).
public struct MutationGrammar: Sendable {
    public var tokens: [[UInt8]]
    public var nesting: [(open: [UInt8], close: [UInt8])]

    public init(tokens: [String], nesting: [(open: String, close: String)]) {
        self.tokens = tokens.map { Array($0.utf8) }
        self.nesting = nesting.map { (Array($0.open.utf8), Array($0.close.utf8)) }
    }

    /// Numbers that break parsers and arithmetic: non-finite, overflowing, subnormal, beyond
    /// Int64 and Double precision, and malformed.
    static let hostileNumbers: [[UInt8]] = [
        "NaN", "nan", "-nan", "Infinity", "-Infinity", "inf", "-inf", "1e300", "-1e300", "1e309", "-1e309",
        "1e-400", "4.9e-324", "1.7976931348623157e308", "-0", "-0.0", "0", "1e99999999999", "1e-99999999999",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "2147483648", "-2147483649", "123456789012345678901234567890.5",
        "0x7f", "1_000", "1,234.5", "１２３", ".", "-", "1e", "+", "00000000000000000000001", "1e1000000000000000000000",
    ].map { Array($0.utf8) }

    /// Text values: empty, huge, control characters, invalid UTF-8, format directives.
    static let hostileTexts: [[UInt8]] = [
        [], Array(repeating: UInt8(ascii: "A"), count: 70_000), [0], [0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80],
        [0xEF, 0xBB, 0xBF], Array("%s%n%x".utf8), Array("宗地编号".utf8), Array("\\u0000".utf8), Array("\\ud800".utf8),
        Array("\u{202E}".utf8), Array("null".utf8), Array("true".utf8), Array("~".utf8), Array("\"".utf8), Array("\r\n".utf8),
    ]

    public static let geoJSON = MutationGrammar(
        tokens: ["{", "}", "[", "]", ",", ":", "\"", "\"type\"", "\"Feature\"", "\"FeatureCollection\"", "\"features\"",
                 "\"geometry\"", "\"properties\"", "\"coordinates\"", "\"geometries\"", "\"crs\"", "\"bbox\"", "\"id\"",
                 "\"Point\"", "\"MultiPoint\"", "\"LineString\"", "\"MultiLineString\"", "\"Polygon\"", "\"MultiPolygon\"",
                 "\"GeometryCollection\"", "\"urn:ogc:def:crs:EPSG::4549\"", "\"urn:ogc:def:crs:OGC:1.3:CRS84\"",
                 "\"EPSG:999999\"", "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}",
                 "null", "true", "false", "[]", "{}", "[[]]", "[0,0]", "[1e300,1e300]", "[[0,0],[0,0],[0,0],[0,0]]",
                 "\"宗地编号\"", "\"亩均评价\"", "\"容积率\"", "\"所属镇街\"", "\"统一社会信用代码\"",
                 "\"A\"", "\"ｃ\"", "\" 2.1 \""],
        nesting: [("[", "]"), ("{\"a\":", "}"), ("{\"type\":\"GeometryCollection\",\"geometries\":[", "]}")])

    public static let yaml = MutationGrammar(tokens: yamlTokens, nesting: yamlNesting)

    private static let yamlNesting = [("[", "]"), ("{a: ", "}"), ("- ", ""), ("? ", "")]

    /// YAML's syntax, then every key and word of the config (from `ConfigSchema`), then values
    /// the schema does not name: CRS definitions good and bad, Chinese size classes and fields.
    private static let yamlTokens = [":", ": ", "- ", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ", "*a", "<<: *a",
                 "!!str ", "!!int ", "!!float ", "!!binary ", "!tag ", "? ", "|\n", ">\n", "---\n", "...\n", "%YAML 1.1\n",
                 "null", "~", "true", "yes", "off", ".nan", ".inf", "-.inf", "0o17", "0x1F", "1e300"]
        + ConfigSchema.vocabulary
        + ["EPSG:4549", "EPSG:4326", "EPSG:3857", "+proj=ortho", "+proj=longlat +datum=none", "ESRI:102100",
           "PROJCS[\"x\"]", "大镇", "小镇", "宗地编号", "统一社会信用代码"]

    public static let csv = MutationGrammar(
        tokens: [",", "\"", "\"\"", "\n", "\r\n", "\r", ";", "\t", "WKT", "POLYGON ((0 0, 1 0, 1 1, 0 0))", "NaN",
                 "统一社会信用代码", "亩均评价", "亩均税收", "容积率", "企业名称", "block_id", "town", "category",
                 "land_mu", "parcel_ids", "retain", "renew", "exit", "A", "ｃ", "D类", "9133028200EBNJ6E6R", "#"],
        nesting: [("\"", "\"")])

    public static let batchManifest = MutationGrammar(
        tokens: yamlTokens + ["defaults", "runs", "name", "parcels", "control_lines", "towns", "attributes", "join_on", "config",
                              "config_overrides", "crs", "source_crs", "out", "web_crs", "parcels_layer", "control_lines_layer",
                              "towns_layer", "gcj02", "wgs84", "fixtures/sanse.yml", "fixtures/parcels.geojson", "missing.yml",
                              "/", "..", "PG:dbname=none", "{contiguity: {gap_m: 1e300}}", "{rules: []}"],
        nesting: yamlNesting)
}
