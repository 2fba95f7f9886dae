@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("Config")
struct ConfigTests {
    @Test func defaultConfigMatchesSpec() {
        let config = Config.default
        #expect(config.contiguity.gapMetres == 30)
        #expect(config.lineCheck.insideMinShare == 0.95 && config.lineCheck.outsideMaxShare == 0.05)
        #expect(config.sizing.clusterMinHectares == 10)
        #expect(config.sizing.renovationMinMuLarge == 200 && config.sizing.renovationMinMuSmall == 100)
        #expect(config.rules == [
            ClassificationRule(category: .exit, mode: .any, conditions: [RuleCondition(.insideShare, .less, 0.5)]),
            ClassificationRule(category: .renew, mode: .any, conditions: [RuleCondition(.cdShare, .greaterOrEqual, 0.5), RuleCondition(.far, .less, 1.0)]),
            ClassificationRule(category: .retain, mode: .any, conditions: []),
        ])
        #expect(config.fields.parcelID.first == "parcel_id")
    }

    @Test func userConfigOverridesOnlyWhatItNames() throws {
        let config = try ConfigReader.parse("""
        contiguity:
          gap_m: 0
        fields:
          parcel_id: 宗地代码
        sizing:
          town_classes: {周巷镇: 大镇}
        """)
        #expect(config.contiguity.gapMetres == 0)
        #expect(config.fields.parcelID == ["宗地代码"])
        #expect(config.fields.town == Config.default.fields.town)
        #expect(config.sizing.townClasses["周巷镇"] == .large)
        #expect(config.rules == Config.default.rules)
    }

    @Test func typosNameTheLine() {
        #expect {
            try ConfigReader.parse("contiguity:\n  gap_m: 30\nline_chek:\n  inside_min_share: 0.9\n", source: "sanse.yml")
        } throws: { error in
            let error = error as! ConfigError
            return error.line == 3 && error.description.hasPrefix("sanse.yml:3:") && error.message.contains("line_chek")
        }
        let rules = """
        rules:
          - category: exit
            any:
              - {metric: insde_share, op: "<", value: 0.5}
        """
        #expect {
            try ConfigReader.parse(rules)
        } throws: { error in
            let error = error as! ConfigError
            return error.line == 4 && error.message.contains("unknown metric \"insde_share\"") && error.message.contains("inside_share")
        }
        #expect(throws: ConfigError.self) { try ConfigReader.parse("rules:\n  - category: exit\n    any:\n      - {metric: far, op: \"=<\", value: 1}\n") }
        #expect(throws: ConfigError.self) { try ConfigReader.parse("contiguity:\n  gap_m: thirty\n") }
        #expect(throws: ConfigError.self) { try ConfigReader.parse("contiguity:\n  gap_m: -5\n") }
        #expect(throws: ConfigError.self) { try ConfigReader.parse("rules: [{category: purple}]") }
    }

    @Test func customRulesUseTaxPerMu() throws {
        let config = try ConfigReader.parse("""
        rules:
          - category: exit
            all:
              - {metric: inside_share, op: "<", value: 0.5}
              - {metric: tax_per_mu, op: "<", value: 10}
          - category: retain
        """)
        #expect(config.rules.count == 2)
        #expect(config.rules[0].mode == .all)
        #expect(config.rules[0].conditions[1] == RuleCondition(.taxPerMu, .less, 10))
    }
}
