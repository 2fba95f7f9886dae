import Testing

@testable import SanseAnalysis
@testable import SanseModel

@Suite("Enterprise count")
struct EnterpriseCountTests {
    typealias P = AnalysisFixtures.P

    @Test func enterprisesAreCountedOncePerTownAndOnceInAll() throws {
        // 300 lots in 2 towns, far apart (one block each); names repeat within and across
        // towns, and two differ only in Unicode normalisation (distinct bytes, distinct names).
        var lots: [P] = []
        for k in 0..<300 {
            let town = k < 150 ? "甲镇" : "乙镇"
            let x = Double(k % 150) * 100 + (k < 150 ? 0 : 50_000)
            let names = ["宁波甲机械有限公司", "宁波乙电子有限公司", "Café \(k % 7)", "Cafe\u{301} \(k % 7)"]
            lots.append(
                P(
                    id: "L\(k)", wkt: AnalysisFixtures.square(x, 0, 100), town: town,
                    enterprise: k % 10 == 0 ? nil : names[k % 4]))
        }
        let survey = try AnalysisFixtures.survey(lots, control: [AnalysisFixtures.everywhere])
        // What a plain count gives.
        var perTown: [String: Set<[UInt8]>] = [:], all = Set<[UInt8]>()
        for lot in lots {
            guard let name = lot.enterprise else { continue }
            perTown[lot.town!, default: []].insert(Array(name.utf8))
            all.insert(Array(name.utf8))
        }
        for workers in [1, 2] {
            let table = try Analyzer.run(survey, config: .default, workers: workers).towns
            let byName = Dictionary(uniqueKeysWithValues: table.map { ($0.town, $0.enterprises) })
            #expect(byName["甲镇"] == perTown["甲镇"]!.count, "workers \(workers)")
            #expect(byName["乙镇"] == perTown["乙镇"]!.count, "workers \(workers)")
            #expect(byName[TownStatistics.totalName] == all.count, "workers \(workers)")
        }
        #expect(all.count == 2 + 7 + 7, "the two spellings of Café count apart")
    }
}
