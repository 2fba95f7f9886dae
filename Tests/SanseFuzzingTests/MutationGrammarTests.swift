import SanseModel
import Testing

@testable import SanseFuzzing

@Suite("Mutation grammar")
struct MutationGrammarTests {
    /// The config fuzz grammar knows every key the schema declares and every word of the rules.
    @Test func configGrammarHasEveryKeyOfTheSchema() {
        let tokens = Set(MutationGrammar.yaml.tokens.map { String(decoding: $0, as: UTF8.self) })
        for entry in ConfigSchema.entries {
            for name in entry.path.split(separator: ".") {
                #expect(tokens.contains(String(name)), "\(name) of \(entry.path) is not a token of the config grammar")
            }
            if case .choice(let words) = entry.value.kind {
                #expect(words.allSatisfy(tokens.contains), "the values of \(entry.path)")
            }
        }
        for word in RuleSyntax.vocabulary {
            #expect(tokens.contains(word), "rule word \(word) is not a token of the config grammar")
        }
    }
}
