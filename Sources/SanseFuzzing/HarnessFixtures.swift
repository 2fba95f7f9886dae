/// The fixed, valid companions of a fuzzed input: a tiny survey near 慈溪 in lon/lat, so that
/// the one fuzzed file decides how far loading gets.
enum HarnessFixtures {
    static func square(_ column: Int, _ row: Int) -> String {
        let side = 0.001, x = 121.25 + Double(column) * side, y = 30.25 + Double(row) * side
        return "[[[\(x),\(y)],[\(x + side),\(y)],[\(x + side),\(y + side)],[\(x),\(y + side)],[\(x),\(y)]]]"
    }

    static func parcel(_ id: String, code: String, grade: String, far: String, town: String, _ column: Int, _ row: Int) -> String {
        #"{"type":"Feature","properties":{"宗地编号":"\#(id)","统一社会信用代码":"\#(code)","亩均评价":"\#(grade)","容积率":"\#(far)","所属镇街":"\#(town)"},"geometry":{"type":"Polygon","coordinates":\#(square(column, row))}}"#
    }

    static let parcels = """
        {"type":"FeatureCollection","features":[
        \(parcel("P1", code: "91330282MA2AAAAA1X", grade: "A", far: "2.1", town: "坎墩街道", 0, 0)),
        \(parcel("P2", code: "91330282MA2BBBBB2Y", grade: "ｃ", far: " 0.8 ", town: "坎墩街道", 1, 0)),
        \(parcel("P3", code: "91330282MA2CCCCC3Z", grade: "D类", far: "", town: "周巷镇", 3, 2))
        ]}
        """

    static let controlLines = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"名称":"控制线1"},"geometry":{"type":"Polygon","coordinates":[[[121.2495,30.2495],[121.2525,30.2495],[121.2525,30.2515],[121.2495,30.2515],[121.2495,30.2495]]]}}
        ]}
        """

    static let towns = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"镇街":"坎墩街道","规模":"大镇"},"geometry":{"type":"Polygon","coordinates":[[[121.24,30.24],[121.26,30.24],[121.26,30.26],[121.24,30.26],[121.24,30.24]]]}}
        ]}
        """

    static let attributes = """
        \u{FEFF}统一社会信用代码,企业名称,亩均评价,亩均税收
        91330282MA2AAAAA1X,慈溪市甲电器有限公司,B,25.24
        91330282MA2BBBBB2Y,慈溪市乙纺织有限公司,D,3.5

        """

    /// The attribute join needs its key named; everything else stays at the defaults.
    static let joinConfig = """
        join:
          parcel_field: 统一社会信用代码

        """

    static let blocksCSV = """
        \u{FEFF}block_id,town,town_class,category,category_zh,parcel_count,land_mu,parcel_ids
        B0001,坎墩街道,large,retain,保留提升,2,4.5,P1;P2
        B0002,"周巷镇",small,exit,腾挪退出,1,1.5,P3

        """

    /// Paths relative to the manifest's folder, where the harness keeps its fixtures.
    static let batchManifest = """
        defaults:
          config: fixtures/sanse.yml
          control_lines: fixtures/control_lines.geojson
        runs:
          - name: 2025
            parcels: fixtures/parcels.geojson
            attributes: fixtures/attributes.csv
            join_on: 统一社会信用代码
            out: Output/2025
            config_overrides: {contiguity: {gap_m: 20}}
          - name: 坎墩街道
            parcels: fixtures/parcels.geojson
            towns: fixtures/towns.geojson
            web_crs: gcj02
            crs: EPSG:4549

        """
}
