import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

@Suite("SVG map")
struct SVGMapTests {
    /// Parses the SVG as XML and collects every element with its attributes and text.
    final class Collector: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var text = ""
        }

        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { elements[index].text += string }
        }
    }

    func parse(_ svg: String) throws -> [Collector.Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "not well-formed XML: \(String(describing: parser.parserError))")
        return collector.elements
    }

    /// The town with the most blocks (ties to the first name).
    static func busiestTown(_ analysis: AnalysisResult) -> String? {
        let counts = Dictionary(grouping: analysis.blocks.compactMap(\.town), by: { $0 }).mapValues(\.count)
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
    }

    func analysed(_ survey: Survey) throws -> AnalysisResult {
        try Analyzer.run(survey, config: .default, workers: 2)
    }

    // MARK: Structure

    @Test func everyBlockIsOnePathWithItsIdAndArea() throws {
        let survey = try SVGMapFixtures.county(zones: 6)
        let analysis = try analysed(survey)
        let svg = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(widthPixels: 5000))
        let elements = try parse(svg)
        let blockPaths = elements.filter { $0.name == "path" && $0.attributes["data-block-id"] != nil }
        #expect(Set(blockPaths.map { $0.attributes["data-block-id"]! }) == Set(analysis.blocks.map(\.id)))
        #expect(blockPaths.count == analysis.blocks.count)
        for path in blockPaths {
            let block = try #require(analysis.blocks.first { $0.id == path.attributes["data-block-id"] })
            #expect(path.attributes["data-land-mu"] == SVGText.fixed(block.landMu, decimals: 2))
            #expect(path.attributes["class"] == "block \(block.category.rawValue)")
            #expect(path.attributes["d"]?.hasPrefix("M") == true)
        }
        // The root has a viewBox and a size; every text uses the CJK stack.
        let root = try #require(elements.first)
        #expect(root.name == "svg" && root.attributes["viewBox"] != nil && root.attributes["width"] != nil && root.attributes["height"] != nil)
        #expect(root.attributes["font-family"] == SVGText.fontFamily)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        // The map parts are all there.
        let ids = Set(elements.compactMap { $0.attributes["id"] })
        for id in ["blocks", "block-outlines", "parcels", "control-line", "town-boundaries", "town-labels", "block-labels",
                   "legend", "scale-bar", "north-arrow", "notes"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(elements.contains { $0.name == "g" && $0.attributes["id"] == "control-line" && $0.attributes["stroke-dasharray"] != nil })
    }

    @Test func legendCountsAndAreasMatchTheAnalysis() throws {
        let survey = try SVGMapFixtures.county(zones: 6)
        let analysis = try analysed(survey)
        let elements = try parse(try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions()))
        for category in Category.allCases {
            let blocks = analysis.blocks.filter { $0.category == category }
            let mu = blocks.reduce(0) { $0 + $1.landMu }
            let entry = try #require(elements.first { $0.attributes["data-category"] == category.rawValue })
            #expect(entry.attributes["data-blocks"] == String(blocks.count))
            #expect(entry.text.contains(category.chinese))
            #expect(entry.text.contains("\(blocks.count) 个"))
            #expect(entry.text.contains("\(SVGText.grouped(mu, decimals: 1)) 亩"))
        }
        #expect(analysis.blocks.contains { $0.category == .exit } && analysis.blocks.contains { $0.category == .renew }
                && analysis.blocks.contains { $0.category == .retain }, "the fixture has all three colours")
        let total = try #require(elements.first { $0.attributes["class"] == "legend-total" })
        #expect(total.attributes["data-blocks"] == String(analysis.blocks.count))
        let legendText = try #require(elements.first { $0.attributes["id"] == "legend" }).text
        for name in ["图  例", "工业控制线", "宗地界线", "镇（街道）界", "比例尺"] { #expect(legendText.contains(name)) }
    }

    @Test func specialCharactersInTextsAreEscaped() throws {
        let survey = try SVGMapFixtures.threeColours()
        let analysis = try analysed(survey)
        let options = SVGMapOptions(
            title: "慈溪 <三色> & \"图\" 'A'\u{1}", subtitle: "R&D <2026>", crsNote: "EPSG:4549 & \"GK\"",
            sourceNote: "数据来源：<调查> & sanse")
        let svg = try SVGMap.render(survey: survey, analysis: analysis, options: options)
        #expect(svg.contains("慈溪 &lt;三色&gt; &amp; &quot;图&quot; &apos;A&apos;"))
        #expect(!svg.contains("\u{1}"))
        let elements = try parse(svg)
        #expect(elements.first { $0.name == "title" }?.text == "慈溪 <三色> & \"图\" 'A' ")
        #expect(elements.contains { $0.name == "text" && $0.text == "R&D <2026>" })
        #expect(elements.contains { $0.name == "desc" && $0.text.contains("EPSG:4549 & \"GK\"") })
    }

    @Test func sameInputGivesTheSameBytesWithAnyNumberOfWorkers() throws {
        let survey = try SVGMapFixtures.county(zones: 8)
        let analysis = try analysed(survey)
        let one = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(), workers: 1)
        let two = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(), workers: 2)
        let again = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(), workers: 3)
        #expect(one == two)
        #expect(one == again)
    }

    @Test func aStreamedMapIsTheSameDocumentAsOneHeldWhole() throws {
        let survey = try SVGMapFixtures.county(zones: 8)
        let analysis = try analysed(survey)
        let whole = try SVGMap.renderBytes(survey: survey, analysis: analysis, options: SVGMapOptions())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-stream-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A small buffer, so the page goes out in many pieces (cut inside paths and texts).
        try SVGMap.write(to: path, survey: survey, analysis: analysis, options: SVGMapOptions(), bufferBytes: 4096)
        let streamed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(whole.count > 8 * 4096, "the fixture's map spans many buffers")
        #expect(streamed == whole)
    }

    @Test func aTownMapShowsOnlyThatTown() throws {
        let survey = try SVGMapFixtures.county(zones: 10)
        let analysis = try analysed(survey)
        let town = try #require(Self.busiestTown(analysis))
        let svg = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(town: town))
        let elements = try parse(svg)
        let shown = Set(elements.filter { $0.name == "path" }.compactMap { $0.attributes["data-block-id"] })
        #expect(shown == Set(analysis.blocks.filter { $0.town == town }.map(\.id)))
        let total = try #require(elements.first { $0.attributes["class"] == "legend-total" })
        #expect(total.attributes["data-blocks"] == String(shown.count))
        #expect(throws: SVGMapError.unknownTown("无此镇")) {
            try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(town: "无此镇"))
        }
    }

    // MARK: Rendered

    /// Whether raster tests run: with rsvg-convert, or under CI (where its absence fails).
    static var canRasterize: Bool {
        Rasterizer.rsvgConvert != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    @Test(.enabled(if: canRasterize, "rsvg-convert (librsvg2-bin) is not installed"))
    func renderedColoursMatchTheBlockAreas() throws {
        let survey = try SVGMapFixtures.threeColours()
        let analysis = try analysed(survey)
        let categories = Dictionary(grouping: analysis.blocks, by: \.category)
        #expect(categories.count == 3 && analysis.blocks.count == 3)
        let svg = try SVGMap.render(survey: survey, analysis: analysis, options: SVGMapOptions(title: "三色", widthPixels: 800))
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("sanse-svg-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: png) }
        try Rasterizer.png(svg, to: png)
        let image = try PNGImage(path: png)
        #expect(image.width > 800)

        // A block pixel: the outline tint over white, then the land fill over that.
        func blended(_ hex: String) -> (Int, Int, Int) {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { colour -> Int in
                let tinted = 255 * (1 - MapStyle.outlineOpacity) + Double(colour) * MapStyle.outlineOpacity
                return Int((tinted * (1 - MapStyle.landOpacity) + Double(colour) * MapStyle.landOpacity).rounded())
            }
            return (channels[0], channels[1], channels[2])
        }
        var pixels: [Category: Double] = [:]
        for category in Category.allCases {
            // The legend swatch has the same colour: it holds 40 × 22 px, minus its border.
            pixels[category] = Double(image.count(blended(category.fillColour), tolerance: 4) - 38 * 20)
        }
        let totalPixels = pixels.values.reduce(0, +)
        let totalArea = analysis.blocks.reduce(0) { $0 + $1.landM2 }
        for category in Category.allCases {
            let area = categories[category]!.reduce(0) { $0 + $1.landM2 }
            let expected = area / totalArea, found = pixels[category]! / totalPixels
            #expect(abs(found - expected) / expected < 0.15, "\(category): \(found) of the coloured pixels, expected \(expected)")
        }
        // And in absolute terms: a block covers about its area in pixels (parcel lines and
        // labels take a few per cent).
        let content = try MapContent(survey: survey, analysis: analysis, town: nil)
        let frame = MapFrame(content: content.extent, widthPixels: 800)
        let expectedPixels = totalArea * frame.scale * frame.scale
        #expect(totalPixels > expectedPixels * 0.85 && totalPixels < expectedPixels * 1.05, "\(totalPixels) vs \(expectedPixels)")
        // The control line's colour is drawn.
        let control = MapStyle.controlColour.dropFirst()
        let rgb = Int(control, radix: 16)!
        #expect(image.count(((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255), tolerance: 30) > 100)
    }
}
