import Foundation
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

/// blocks.geojson dropped unchanged into Leaflet (Debian's libjs-leaflet) in headless Chromium.
@Suite("Web viewer", .serialized)
struct WebViewerTests {
    static let leaflet = "/usr/share/javascript/leaflet"
    static var available: Bool {
        Subprocess.exists("/usr/bin/chromium") && FileManager.default.fileExists(atPath: leaflet + "/leaflet.js")
    }

    @Test(.enabled(if: available || ProcessInfo.processInfo.environment["CI"] != nil, "needs chromium and libjs-leaflet (scripts/setup.sh)"))
    func leafletDrawsOneLayerPerBlockInItsColour() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let geojson = try String(contentsOf: folder.appendingPathComponent("blocks.geojson"), encoding: .utf8)
        // The page uses nothing but the file and the simplestyle properties it carries.
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8">
        <link rel="stylesheet" href="file://\(Self.leaflet)/leaflet.css"><script src="file://\(Self.leaflet)/leaflet.js"></script>
        </head><body><div id="map" style="width:900px;height:700px"></div><script>
        const data = \(geojson);
        const map = L.map('map');
        const layer = L.geoJSON(data, { style: f => ({ fillColor: f.properties.fill, color: f.properties.stroke,
          fillOpacity: f.properties['fill-opacity'], weight: f.properties['stroke-width'] }) }).addTo(map);
        map.fitBounds(layer.getBounds());
        const layers = [];
        layer.eachLayer(l => layers.push([l.feature.properties.block_id, l.options.fillColor]));
        const drawn = Array.from(document.querySelectorAll('path.leaflet-interactive')).map(p => p.getAttribute('fill'));
        document.body.setAttribute('data-result', JSON.stringify({ layers, drawn }));
        </script></body></html>
        """
        let html = folder.appendingPathComponent("viewer.html")
        try page.write(to: html, atomically: true, encoding: .utf8)
        let dom = try Subprocess.run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=5000",
            "--dump-dom", html.absoluteString,
        ], timeoutSeconds: 120)
        let marker = "data-result=\""
        let start = try #require(dom.range(of: marker), "the page ran: \(dom.prefix(500))")
        let rest = dom[start.upperBound...]
        let json = String(rest[..<rest.firstIndex(of: "\"")!]).replacingOccurrences(of: "&quot;", with: "\"")
        let result = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let layers = result["layers"] as! [[String]]
        let blocks = report.analysis.blocks
        #expect(layers.count == blocks.count, "one Leaflet layer per block")
        #expect(layers.map { $0[0] } == blocks.map(\.id))
        #expect(layers.map { $0[1] } == blocks.map(\.category.fillColour))
        let drawn = result["drawn"] as! [String]
        #expect(drawn.sorted() == blocks.map(\.category.fillColour).sorted(), "SVG paths drawn with the blocks' fills")
    }
}
