import Testing

@testable import SanseOutput

@Suite("CSV rows")
struct CSVRowTests {
    @Test func csvRowsAreTheTextOfCsvRow() {
        let cells = ["plain", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nonly", "宗地", ""]
        var row = CSVRow(out: [])
        for cell in cells { row.text(cell) }
        row.exact(1071.25)
        row.exact(nil)
        row.integer(-42)
        row.flag(true)
        row.end()
        let expected = Tables.csvRow(cells + [Tables.exact(1071.25), Tables.exact(nil), "-42", "true"])
        #expect(String(decoding: row.out, as: UTF8.self) == expected)
    }
}
