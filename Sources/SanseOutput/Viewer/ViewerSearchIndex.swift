import SanseModel

/// `web/data/search.js`: per town, its parcel ids and its enterprises' names, each list one
/// string joined by newlines (one string a town parses far faster than a million). The page
/// loads it on the first search and then loads the town that holds what was found.
enum ViewerSearchIndex {
    static let file = "search.js"

    static func script(content: OutputContent, towns: ViewerTowns) -> [UInt8] {
        let survey = content.survey
        var out: [UInt8] = Array("sanseViewer.receive(\"search\",{\"parcels\":[\n".utf8)
        for (position, town) in towns.towns.enumerated() {
            if position > 0 { out.append(contentsOf: ",\n".utf8) }
            JSONText.appendString(
                town.parcels.map { searchable(survey.parcels[$0].id) }.joined(separator: "\n"), to: &out)
        }
        out.append(contentsOf: "],\n\"enterprises\":[\n".utf8)
        for (position, town) in towns.towns.enumerated() {
            if position > 0 { out.append(contentsOf: ",\n".utf8) }
            var seen: Set<String> = []
            let names = town.parcels.compactMap { survey.enterprise(of: survey.parcels[$0]) }.filter {
                seen.insert($0).inserted
            }
            JSONText.appendString(names.map(searchable).joined(separator: "\n"), to: &out)
        }
        out.append(contentsOf: "]});\n".utf8)
        return out
    }

    /// A name as one line of the index: a line break inside it would split it in two.
    private static func searchable(_ text: String) -> String {
        text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    }
}
