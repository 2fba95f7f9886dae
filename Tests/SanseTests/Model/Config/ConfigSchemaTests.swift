import Foundation
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing
import Yams

/// `ConfigSchema` is the one declaration of the config keys: the default YAML, the reader,
/// run.json's config and the fuzz grammar (SanseFuzzingTests) must all follow it, key by key.
@Suite("Config schema")
struct ConfigSchemaTests {
    // MARK: The default YAML

    @Test func defaultYAMLReadsBackToTheDefault() throws {
        // Over a base unlike the default in every key, so that each key must be in the YAML
        // with its default. A mapping of town classes adds to the base's (`{}` keeps them all).
        let base = try Self.unlikeDefault(includingMergedKeys: false)
        for entry in ConfigSchema.entries where !Self.addsToItsBase(entry) {
            #expect(entry.value.manifest(base) != entry.value.manifest(.default), "\(entry.path) is not varied")
        }
        #expect(try ConfigReader.parse(DefaultConfig.yaml, base: base) == Config.default)
    }

    @Test func anyConfigReadsBackFromItsYAML() throws {
        let unlike = try Self.unlikeDefault(includingMergedKeys: true)
        for entry in ConfigSchema.entries {
            #expect(entry.value.manifest(unlike) != entry.value.manifest(.default), "\(entry.path) is not varied")
        }
        let yaml = ConfigYAMLWriter.yaml(for: unlike)
        #expect(try ConfigReader.parse(yaml, base: .default) == unlike, "\(yaml)")
    }

    @Test func everyKeyIsInTheDefaultYAMLWithItsComment() throws {
        let yaml = DefaultConfig.yaml
        let root = try #require(try Yams.compose(yaml: yaml))
        for entry in ConfigSchema.entries {
            var node: Node? = root
            for name in entry.path.split(separator: ".") { node = node?[String(name)] }
            #expect(node != nil, "\(entry.path) is not in the default YAML")
        }
        func comments(_ key: ConfigKey) -> [String] {
            let own = key.comment?.lines ?? []
            guard case .mapping(let keys) = key.content else { return own }
            return own + keys.flatMap(comments)
        }
        for line in ConfigSchema.keys.flatMap(comments) {
            #expect(yaml.contains("# \(line)\n"), "comment \"\(line)\" is not in the default YAML")
        }
    }

    /// `sanse config --default` has printed these bytes since before the schema; the fuzz
    /// corpus keeps a copy of them as a seed.
    @Test func defaultYAMLIsTheCheckedInSeed() throws {
        let seed = Self.repository.appendingPathComponent("Fuzz/corpus/config/default.yml")
        #expect(DefaultConfig.yaml == (try String(contentsOf: seed, encoding: .utf8)))
    }

    // MARK: The reader's checks

    @Test func rangeChecksRefuseJustOutsideAndAcceptTheBoundsNamingTheKey() throws {
        var checked = 0
        for entry in ConfigSchema.entries {
            guard case .number(let minimum, let maximum) = entry.value.kind else { continue }
            let section = ConfigSchema.keys.first { $0.name == entry.path.prefix { $0 != "." } }
            for (bound, outside, inside, words) in [
                minimum.map { ($0, $0.nextDown, $0.nextUp, "must be at least \($0)") },
                maximum.map { ($0, $0.nextUp, $0.nextDown, "must be at most \($0)") },
            ].compactMap({ $0 }) {
                let (yaml, line) = Self.yaml(setting: entry.path, to: "\(outside)")
                #expect(throws: ConfigError.self, "\(entry.path): \(outside)") { try ConfigReader.parse(yaml) }
                do {
                    _ = try ConfigReader.parse(yaml, source: "sanse.yml")
                } catch let error as ConfigError {
                    #expect(error.line == line && error.message == "\(entry.path): \(words)", "\(error)")
                }
                for accepted in [bound, inside] {
                    do {
                        let config = try ConfigReader.parse(Self.yaml(setting: entry.path, to: "\(accepted)").text)
                        #expect(entry.value.manifest(config) == .number(accepted))
                    } catch let error as ConfigError {
                        // Only a rule across the section's keys may refuse a value in range:
                        // outside_max_share 1 can never be below inside_min_share.
                        #expect(error.message == section?.sectionCheck?.problem, "\(entry.path) \(accepted): \(error)")
                    }
                }
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func wrongTypesAreRefusedNamingTheKey() {
        for entry in ConfigSchema.entries {
            let (yaml, line) = Self.yaml(setting: entry.path, to: entry.value.kind == .rules ? "{a: 1}" : "[{a: 1}]")
            #expect {
                try ConfigReader.parse(yaml)
            } throws: { error in
                let error = error as! ConfigError
                return error.line == line && error.message.contains(entry.path)
            }
        }
    }

    @Test func unknownKeysAreRefusedAtEveryLevel() {
        func mappings(_ keys: [ConfigKey], path: String) -> [(path: String, keys: [String])] {
            [(path, keys.map(\.name))] + keys.flatMap { key -> [(path: String, keys: [String])] in
                guard case .mapping(let children) = key.content else { return [] }
                return mappings(children, path: path.isEmpty ? key.name : "\(path).\(key.name)")
            }
        }
        for (path, keys) in mappings(ConfigSchema.keys, path: "") {
            let typo = path.isEmpty ? "surveys" : "\(path).gap"
            let (yaml, line) = Self.yaml(setting: typo, to: "1")
            #expect {
                try ConfigReader.parse(yaml)
            } throws: { error in
                let error = error as! ConfigError
                return error.line == line && error.message == "unknown key \"\(typo.split(separator: ".").last!)\"; "
                    + "expected one of \(keys.joined(separator: ", "))"
            }
        }
    }

    @Test func schemaProblemsAreWhatTheReaderRefuses() {
        #expect(ConfigSchema.problems(in: .default).isEmpty)
        var config = Config.default
        config.contiguity.gapMetres = 1e300
        config.lineCheck.outsideMaxShare = 0.95
        #expect(ConfigSchema.problems(in: config) == [
            "contiguity.gap_m is out of its range: 1e+300",
            "line_check.outside_max_share must be below inside_min_share",
        ])
        #expect {
            try ConfigReader.parse("line_check: {outside_max_share: 0.95}")
        } throws: { error in
            (error as! ConfigError).message == "line_check.outside_max_share must be below inside_min_share"
        }
    }

    // MARK: run.json

    @Test func everyKeyIsInRunJSONOrSaysWhyNot() throws {
        let unlike = try Self.unlikeDefault(includingMergedKeys: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode(ConfigManifest(unlike))
        let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        for entry in ConfigSchema.entries {
            let expected = entry.value.manifest(unlike)
            switch entry.manifestLocation {
            case .member(let name):
                #expect(Self.json(json[name], matches: expected), "\(entry.path) as \(name)")
            case .inObject(let object, let key, let numbersAsText):
                let written = (json[object] as? [String: Any])?[key]
                #expect(Self.json(written, matches: numbersAsText ? expected.numberAsText : expected), "\(entry.path)")
            case nil:
                let section = ConfigSchema.keys.first { $0.name == entry.path.prefix { $0 != "." } }
                guard case .omitted(let reason) = section?.sectionManifest else {
                    Issue.record("\(entry.path) has no place in run.json and no reason")
                    continue
                }
                #expect(!reason.isEmpty && json[String(entry.path.prefix { $0 != "." })] == nil)
            }
        }
    }

    /// run.json's config and the fingerprint hashed from it, byte for byte as sanse wrote them
    /// before the schema (a changed fingerprint would make `sanse batch` re-run everything).
    @Test func runJSONConfigKeepsItsBytes() throws {
        let runJSON = JSONEncoder()
        runJSON.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        runJSON.keyEncodingStrategy = .convertToSnakeCase
        let fingerprint = JSONEncoder()
        fingerprint.outputFormatting = [.sortedKeys]
        let custom = try ConfigReader.parse(Self.customConfig)
        for (config, expected) in [(Config.default, Self.defaultManifest), (custom, Self.customManifest)] {
            let snapshot = ConfigManifest(config)
            #expect(String(decoding: try runJSON.encode(snapshot), as: UTF8.self) == expected.runJSON)
            #expect(String(decoding: try fingerprint.encode(snapshot), as: UTF8.self) == expected.fingerprint)
        }
    }

    // MARK: Helpers

    static let repository = Repository.root

    /// A config whose every key differs from the default, made through the reader from JSON
    /// (which YAML reads too), so that it does not depend on the YAML writer under test.
    /// `includingMergedKeys: false` leaves the town classes, which a config adds to.
    static func unlikeDefault(includingMergedKeys: Bool) throws -> Config {
        var root: [String: Any] = [:]
        for entry in ConfigSchema.entries {
            let value: Any
            switch entry.value.kind {
            case .number(_, let maximum):
                guard case .number(let number) = entry.value.manifest(.default) else { continue }
                value = number == 0 ? min(1, maximum ?? 1) : number / 2
            case .text:
                value = "某县: 调查 #1"
            case .optionalText:
                value = "null"
            case .names:
                value = ["名称, 甲", "- \(entry.path)"]
            case .choice(let words):
                guard case .text(let current) = entry.value.manifest(.default) else { continue }
                value = words.first { $0 != current }!
            case .choicePerName(let words):
                guard includingMergedKeys || !addsToItsBase(entry) else { continue }
                value = ["周巷镇": words[0], "a: b": words[words.count - 1]]
            case .rules:
                value = [["category": "renew", "name": "低效", "all": [
                    ["metric": "is_cluster_10ha", "op": "==", "value": false],
                    ["metric": "tax_per_mu", "op": "<", "value": 10.5],
                ]], ["category": "retain", "all": []]]
            }
            root = setting(root, entry.path.split(separator: ".").map(String.init), to: value)
        }
        let json = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return try ConfigReader.parse(String(decoding: json, as: UTF8.self))
    }

    /// A mapping of names (the town classes) is added to the base's, not put in its place.
    static func addsToItsBase(_ entry: ConfigEntry) -> Bool {
        if case .choicePerName = entry.value.kind { return true }
        return false
    }

    private static func setting(_ mapping: [String: Any], _ path: [String], to value: Any) -> [String: Any] {
        var mapping = mapping
        if path.count == 1 {
            mapping[path[0]] = value
        } else {
            mapping[path[0]] = setting(mapping[path[0]] as? [String: Any] ?? [:], Array(path.dropFirst()), to: value)
        }
        return mapping
    }

    /// `a.b.c` set to `value` in block YAML, and the line the value is on.
    static func yaml(setting path: String, to value: String) -> (text: String, line: Int) {
        let names = path.split(separator: ".")
        let lines = names.enumerated().map { depth, name in
            String(repeating: "  ", count: depth) + name + ":" + (depth == names.count - 1 ? " \(value)" : "")
        }
        return (lines.joined(separator: "\n") + "\n", lines.count)
    }

    static func json(_ written: Any?, matches value: ManifestValue) -> Bool {
        switch value {
        case .number(let number): (written as? NSNumber)?.doubleValue == number
        case .text(let text): written as? String == text
        case .texts(let texts): written as? [String] == texts
        case .null: written is NSNull
        }
    }

    static let customConfig = """
    survey: {name: "某县: 调查", date: 2025年12月}
    crs: {analysis: "EPSG:4549", source: "EPSG:4326"}
    layers: {parcels: 宗地, control_lines: 控制线, towns: 镇街, attributes: 评价}
    fields:
      parcel_id: [宗地代码]
      town: [镇]
      enterprise: [企业]
      grade: [等级]
      tax_per_mu: [税收]
      far: [容积]
      floor_area: [建面]
      town_name: [镇名]
      town_size_class: [类型]
    join: {parcel_field: 信用代码, table_field: 统一社会信用代码}
    contiguity: {gap_m: 12.5}
    line_check: {inside_min_share: 0.9, outside_max_share: 0.1}
    sizing:
      cluster_min_ha: 8
      renovation_min_mu: {large: 150, small: 75.5}
      default_town_class: large
      town_classes: {周巷镇: 大镇, 坎墩街道: small}
    checks: {overlap_min_m2: 2, far_max: 12, far_from_data_km: 40}
    rules:
      - category: renew
        all:
          - {metric: is_cluster_10ha, op: "==", value: false}
          - {metric: tax_per_mu, op: "<", value: 10}
      - category: retain
    """

    /// Written by sanse before the schema (commit 8722db8) for `Config.default`.
    static let defaultManifest = (
        runJSON: #"{"checks":{"far_from_data_km":50,"far_max":20,"overlap_min_m2":1},"fields":{"enterprise":"#
            + #"["enterprise","权利人","土地使用权人","企业名称","用地单位","QLR","TDSYQR"],"far":["far","容积率","RJL"],"#
            + #""floor_area":["floor_area","建筑面积","JZMJ"],"grade":["grade","亩均评价","评价等级","亩均等级","eval_result"],"#
            + #""parcel_id":["parcel_id","id","宗地编号","宗地号","地块编号","ZDDM","DKBH"],"tax_per_mu":["tax_per_mu","亩均税收","#
            + #""MJSS"],"town":["town","镇街","所属镇街","乡镇","所在乡镇","SZXZ","XZMC"],"town_name":["name","town","镇街","#
            + #""镇街名称","乡镇","乡镇名称","名称","XZMC","XZQMC"],"town_size_class":["size_class","规模","镇类型"]},"gap_m":30,"#
            + #""join":{"parcel_field":null,"table_field":null},"line_check":{"inside_min_share":0.95,"#
            + #""outside_max_share":0.05},"rules":["exit if any(inside_share < 0.5)","#
            + #""renew if any(cd_share >= 0.5, far < 1.0)","retain"],"sizing":{"cluster_min_ha":"10.0","#
            + #""default_town_class":"small","renovation_min_mu.large":"200.0","renovation_min_mu.small":"100.0","#
            + #""town_classes":""},"survey_name":"工业用地调查"}"#,
        fingerprint: #"{"checks":{"far_from_data_km":50,"far_max":20,"overlap_min_m2":1},"fields":{"enterprise":"#
            + #"["enterprise","权利人","土地使用权人","企业名称","用地单位","QLR","TDSYQR"],"far":["far","容积率","RJL"],"#
            + #""floor_area":["floor_area","建筑面积","JZMJ"],"grade":["grade","亩均评价","评价等级","亩均等级","eval_result"],"#
            + #""parcel_id":["parcel_id","id","宗地编号","宗地号","地块编号","ZDDM","DKBH"],"tax_per_mu":["tax_per_mu","亩均税收","#
            + #""MJSS"],"town":["town","镇街","所属镇街","乡镇","所在乡镇","SZXZ","XZMC"],"town_name":["name","town","镇街","#
            + #""镇街名称","乡镇","乡镇名称","名称","XZMC","XZQMC"],"town_size_class":["size_class","规模","镇类型"]},"gapM":30,"#
            + #""join":{"parcel_field":null,"table_field":null},"lineCheck":{"inside_min_share":0.95,"#
            + #""outside_max_share":0.05},"rules":["exit if any(inside_share < 0.5)","#
            + #""renew if any(cd_share >= 0.5, far < 1.0)","retain"],"sizing":{"cluster_min_ha":"10.0","#
            + #""default_town_class":"small","renovation_min_mu.large":"200.0","renovation_min_mu.small":"100.0","#
            + #""town_classes":""},"surveyName":"工业用地调查"}"#)

    /// Written by sanse before the schema (commit 8722db8) for `customConfig`.
    static let customManifest = (
        runJSON: #"{"analysis_crs":"EPSG:4549","checks":{"far_from_data_km":40,"far_max":12,"overlap_min_m2":2},"#
            + #""fields":{"enterprise":["企业"],"far":["容积"],"floor_area":["建面"],"grade":["等级"],"parcel_id":["宗地代码"],"#
            + #""tax_per_mu":["税收"],"town":["镇"],"town_name":["镇名"],"town_size_class":["类型"]},"gap_m":12.5,"#
            + #""join":{"parcel_field":"信用代码","table_field":"统一社会信用代码"},"line_check":{"inside_min_share":0.9,"#
            + #""outside_max_share":0.1},"rules":["renew if all(is_cluster_10ha == 0.0, tax_per_mu < 10.0)","#
            + #""retain"],"#
            + #""sizing":{"cluster_min_ha":"8.0","default_town_class":"large","renovation_min_mu.large":"150.0","#
            + #""renovation_min_mu.small":"75.5","town_classes":"周巷镇=large;坎墩街道=small"},"source_crs":"EPSG:4326","#
            + #""survey_date":"2025年12月","survey_name":"某县: 调查"}"#,
        fingerprint: #"{"analysisCRS":"EPSG:4549","checks":{"far_from_data_km":40,"far_max":12,"overlap_min_m2":2},"#
            + #""fields":{"enterprise":["企业"],"far":["容积"],"floor_area":["建面"],"grade":["等级"],"parcel_id":["宗地代码"],"#
            + #""tax_per_mu":["税收"],"town":["镇"],"town_name":["镇名"],"town_size_class":["类型"]},"gapM":12.5,"#
            + #""join":{"parcel_field":"信用代码","table_field":"统一社会信用代码"},"lineCheck":{"inside_min_share":0.9,"#
            + #""outside_max_share":0.1},"rules":["renew if all(is_cluster_10ha == 0.0, tax_per_mu < 10.0)","#
            + #""retain"],"#
            + #""sizing":{"cluster_min_ha":"8.0","default_town_class":"large","renovation_min_mu.large":"150.0","#
            + #""renovation_min_mu.small":"75.5","town_classes":"周巷镇=large;坎墩街道=small"},"sourceCRS":"EPSG:4326","#
            + #""surveyDate":"2025年12月","surveyName":"某县: 调查"}"#)
}
