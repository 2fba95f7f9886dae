import Foundation
import GeoKit
import Testing

@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// The viewer (`index.html`) in headless Chromium, opened from file:// as a planner opens it,
/// clicked and typed into through the DevTools protocol.
@Suite("Viewer in a browser", .serialized)
struct ViewerBrowserTests {
    static var enabled: Bool { HeadlessChromium.available || ProcessInfo.processInfo.environment["CI"] != nil }

    @Test(.enabled(if: enabled, "needs chromium (scripts/setup.sh)"))
    func theDemoOpensFromAFileAndAnswersClicksKeysTheTownFilterAndSearch() throws {
        let (folder, report) = try ViewerFixtures.demo()
        defer { ViewerFixtures.discard(folder) }
        let blocks = report.analysis.blocks
        let browser = try HeadlessChromium(width: 1400, height: 900)
        try browser.open(folder.appendingPathComponent("index.html"))
        try browser.evaluate("sanseViewer.ready")
        try browser.waitFor("sanseViewer.stats['sanse-county-drawn']")
        let countyZoom = try #require(try browser.evaluate("sanseViewer.app.map.getZoom()") as? Double)

        // Every block of blocks.geojson is drawn.
        let geojson = try OutputFixtures.json(folder.appendingPathComponent("blocks.geojson"))
        let features = try #require(geojson["features"] as? [Any])
        #expect(features.count == blocks.count)
        #expect(try browser.evaluate("sanseViewer.stats.drawn.blocks") as? Int == features.count)
        #expect(try browser.evaluate("sanseViewer.stats.drawn.outlines") as? Int == features.count)
        #expect(try browser.evaluate("sanseViewer.stats.drawn['control-lines']") as? Int ?? 0 > 0)
        #expect(try browser.evaluate("document.querySelectorAll('#legend-body tr').length") as? Int == 3)

        // A click inside the largest block opens its popup: id, 亩, reason.
        let block = try #require(blocks.max { $0.landM2 < $1.landM2 })
        let inside = try ViewerFixtures.pointInside(block, analysisCRS: report.survey.analysisCRS.definition)
        let page = try #require(
            try browser.evaluate(
                """
                (() => { const map = sanseViewer.app.map, p = map.latLngToContainerPoint([\(inside.y), \(inside.x)]);
                  const box = map.getContainer().getBoundingClientRect(); return [p.x + box.left, p.y + box.top]; })()
                """) as? [Double])
        try browser.click(x: page[0], y: page[1])
        try browser.waitFor("document.querySelector('.sanse-popup')")
        try expectBlockPopup(browser, block)

        // The same popup from the keyboard: the search box, the block's id, Enter.
        try browser.press("Escape")
        try browser.evaluate("document.getElementById('search').focus()")
        try browser.type(blocks[4].id)
        try browser.press("Enter")
        try browser.waitFor(
            "document.querySelector('.sanse-popup h3') && "
                + "document.querySelector('.sanse-popup h3').textContent.includes('\(blocks[4].id)')")
        try expectBlockPopup(browser, blocks[4])
        #expect(
            try browser.evaluate("document.activeElement.classList.contains('sanse-popup')") as? Bool == true,
            "the popup has the keyboard focus")
        try browser.press("Escape")
        try browser.waitFor("document.querySelector('.sanse-popup') === null")
        #expect(
            try browser.evaluate("document.activeElement.id") as? String == "search", "Escape returns to the search box"
        )

        // The town filter zooms to the town and draws its blocks and parcels only.
        let towns = try #require(
            try browser.evaluate("sanseViewer.app.manifest.towns.map(t => [t.name, t.blocks, t.parcels])")
                as? [[Any]])
        let busiest = try #require(towns.indices.max { (towns[$0][1] as! Int) < (towns[$1][1] as! Int) })
        try browser.evaluate(
            """
            (() => { const select = document.getElementById('town'); select.value = '\(busiest)';
              select.dispatchEvent(new Event('change')); })()
            """)
        try browser.waitFor("sanseViewer.stats['sanse-town-drawn'] > sanseViewer.stats['sanse-town-picked']")
        let fits =
            try browser.evaluate(
                """
                (() => { const e = sanseViewer.app.manifest.towns[\(busiest)].extent, map = sanseViewer.app.map;
                  const town = L.latLngBounds([e[1] / 1e6, e[0] / 1e6], [e[3] / 1e6, e[2] / 1e6]);
                  return map.getBounds().contains(town) && map.getBounds().pad(-0.3).contains(town) === false; })()
                """) as? Bool
        #expect(fits == true, "the map shows the whole town, and not much more")
        #expect(try #require(try browser.evaluate("sanseViewer.app.map.getZoom()") as? Double) > countyZoom)
        let townName = towns[busiest][0] as! String
        #expect(
            try browser.evaluate("sanseViewer.stats.drawn.blocks") as? Int
                == blocks.filter { $0.town == townName }.count)
        #expect(try browser.evaluate("sanseViewer.stats.drawn.parcels") as? Int == towns[busiest][2] as? Int)
        #expect(try browser.evaluate("document.getElementById('legend-scope').textContent") as? String == townName)
        try browser.evaluate(
            """
            (() => { const select = document.getElementById('town'); select.value = '-1';
              select.dispatchEvent(new Event('change')); })()
            """)

        // A parcel's id finds the parcel, and its popup names its block.
        let parcelIndex = blocks[7].parcelIndices[0]
        let parcelID = report.survey.parcels[parcelIndex].id
        try browser.evaluate("(() => { const s = document.getElementById('search'); s.value = ''; s.focus(); })()")
        try browser.type(parcelID)
        try browser.waitFor("(sanseViewer.stats.searchResults || []).includes('宗地 \(parcelID)')")
        try browser.evaluate(
            """
            Array.from(document.querySelectorAll('#results button'))
              .find(b => b.textContent.includes('宗地 \(parcelID)')).focus()
            """)
        try browser.press("Enter")
        try browser.waitFor("document.querySelector('.sanse-popup tr[data-key=block] td')")
        #expect(
            try browser.evaluate("document.querySelector('.sanse-popup h3').textContent") as? String
                == "宗地 Parcel \(parcelID)")
        #expect(
            try browser.evaluate("document.querySelector('.sanse-popup tr[data-key=block] td').textContent") as? String
                == blocks[7].id)
        let enterprise = report.survey.enterprise(of: report.survey.parcels[parcelIndex])
        if let enterprise {
            #expect(
                try browser.evaluate("document.querySelector('.sanse-popup tr[data-key=enterprise] td').textContent")
                    as? String == enterprise)
        }

        #expect(browser.errors.isEmpty, "console errors: \(browser.errors)")
    }

    private func expectBlockPopup(_ browser: HeadlessChromium, _ block: Block) throws {
        let rows = try #require(
            try browser.evaluate(
                """
                Object.fromEntries(Array.from(document.querySelectorAll('.sanse-popup tr')).map(r =>
                  [r.getAttribute('data-key'), r.querySelector('td').textContent]))
                """) as? [String: String])
        #expect(rows["id"] == block.id)
        #expect(rows["reason"] == block.reasons)
        let mu = Double(
            rows["land_mu"]?.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " 亩", with: "") ?? "")
        #expect(mu.map { abs($0 - block.landMu) < 0.006 } == true, "\(rows["land_mu"] ?? "no 亩") for \(block.landMu)")
        #expect(rows["category"]?.hasPrefix(block.category.chinese) == true)
        #expect(rows["town"] == block.town)
    }

    /// As the SVG map's test counts them: each colour's pixels in proportion to its blocks'
    /// land, and in all about the land's area at the map's scale.
    @Test(.enabled(if: enabled, "needs chromium (scripts/setup.sh)"))
    func aScreenshotShowsTheThreeColoursInProportionToTheBlocksAreas() throws {
        let survey = try SVGMapFixtures.threeColours()
        let analysis = try Analyzer.run(survey, config: .default)
        let categories = Dictionary(grouping: analysis.blocks, by: \.category)
        #expect(categories.count == 3)
        let folder = try ViewerFixtures.viewer(for: survey, analysis: analysis)
        defer { ViewerFixtures.discard(folder) }
        let browser = try HeadlessChromium(width: 1200, height: 900)
        try browser.open(folder.appendingPathComponent("index.html"))
        try browser.evaluate("sanseViewer.ready")
        let frame = try #require(
            try browser.evaluate(
                """
                (() => { const r = document.getElementById('map').getBoundingClientRect(), map = sanseViewer.app.map;
                  return [r.left, r.top, r.width, r.height, map.getZoom(), map.getCenter().lat]; })()
                """) as? [Double])
        let png = try browser.screenshot(clip: (frame[0], frame[1], frame[2], frame[3]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sanse-viewer-\(UUID().uuidString).png")
        try png.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let image = try PNGImage(path: path.path)

        // A block pixel: the outline's tint over white, then the land over that.
        let outline = MapStyle.outlineOpacity, land = MapStyle.landOpacity
        func blended(_ hex: String) -> (Int, Int, Int) {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { colour -> Int in
                let tinted = 255 * (1 - outline) + Double(colour) * outline
                return Int((tinted * (1 - land) + Double(colour) * land).rounded())
            }
            return (channels[0], channels[1], channels[2])
        }
        var pixels: [Category: Double] = [:]
        for category in Category.allCases {
            pixels[category] = Double(image.count(blended(category.fillColour), tolerance: 4))
        }
        let totalPixels = pixels.values.reduce(0, +)
        let totalArea = analysis.blocks.reduce(0) { $0 + $1.landM2 }
        for category in Category.allCases {
            let area = categories[category]!.reduce(0) { $0 + $1.landM2 }
            let expected = area / totalArea, found = pixels[category]! / totalPixels
            #expect(
                abs(found - expected) / expected < 0.15,
                "\(category): \(found) of the coloured pixels, expected \(expected)")
        }
        // Web Mercator at this zoom and latitude: metres per pixel.
        let metresPerPixel = 2 * Double.pi * 6_378_137 * cos(frame[5] * .pi / 180) / (256 * pow(2, frame[4]))
        let expectedPixels = totalArea / (metresPerPixel * metresPerPixel)
        #expect(
            totalPixels > expectedPixels * 0.85 && totalPixels < expectedPixels * 1.05,
            "\(totalPixels) vs \(expectedPixels)")
        #expect(browser.errors.isEmpty, "console errors: \(browser.errors)")
    }
}
