import Foundation
import GeoKit
import Testing

@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// The viewer's files, without a browser: what is compiled in, how geometry is encoded, and
/// what a run writes.
@Suite("Viewer files")
struct ViewerTests {
    static let viewerSources = ViewerFixtures.repository.appendingPathComponent("Sources/SanseOutput/Viewer")

    @Test func embeddedAssetsAreTheFilesInTheRepository() throws {
        for (path, source, text) in EmbeddedViewerAssets.files {
            let file = try Data(contentsOf: Self.viewerSources.appendingPathComponent(source))
            #expect(
                Data(ViewerFiles.bytes(text)) == file,
                "\(path) differs from \(source): run scripts/embed-viewer-assets.py")
        }
        let template = try Data(contentsOf: Self.viewerSources.appendingPathComponent("Assets/index.html"))
        #expect(Data(ViewerFiles.bytes(EmbeddedViewerAssets.indexTemplate)) == template)
        // Every asset on disk is embedded.
        let assets = try FileManager.default.contentsOfDirectory(
            atPath: Self.viewerSources.appendingPathComponent("Assets").path)
        let embedded = Set(EmbeddedViewerAssets.files.map(\.source) + ["Assets/index.html"])
        #expect(Set(assets.map { "Assets/" + $0 }).subtracting(embedded).isEmpty)
    }

    /// Decodes VLQ text as the page does (data.js).
    static func decode(_ text: [UInt8]) -> [Int] {
        var values: [Int] = [], value = 0, shift = 0
        for character in text {
            let digit = VLQText.alphabet.firstIndex(of: character)!
            value += (digit & 31) << shift
            shift += 5
            if digit & 32 == 0 {
                values.append(value)
                value = 0
                shift = 0
            }
        }
        return values
    }

    @Test func vlqTextRoundTripsSignedAndUnsignedNumbers() {
        let numbers = [0, 1, -1, 15, -16, 16, 1023, -1024, 121_354_000, -30_225_000, Int(Int32.max)]
        var text: [UInt8] = []
        for number in numbers { VLQText.appendSigned(number, to: &text) }
        let zigzag = Self.decode(text)
        #expect(zigzag.map { $0 % 2 == 1 ? -($0 + 1) / 2 : $0 / 2 } == numbers)
        #expect(text.allSatisfy { VLQText.alphabet.contains($0) })
        var small: [UInt8] = []
        VLQText.appendSigned(-7, to: &small)
        #expect(small.count == 1, "a difference below 16 takes one character")
    }

    @Test func simplificationStaysWithinItsToleranceAndKeepsATriangle() {
        // A 40-point arc of radius 150 µdeg, and a sliver one microdegree wide.
        let arc = (0..<40).map { index -> MicrodegreePoint in
            let angle = Double(index) / 40 * 2 * .pi
            return MicrodegreePoint(x: Int((150 * cos(angle)).rounded()), y: Int((150 * sin(angle)).rounded()))
        }
        let simplified = MicrodegreeRing.simplified(arc, tolerance: 2.3)
        #expect(simplified.count < arc.count && simplified.count >= 3)
        for point in arc {
            let distance = simplified.indices.map { index in
                MicrodegreeRing.squaredSegmentDistance(
                    point, simplified[index], simplified[(index + 1) % simplified.count])
            }.min()!
            #expect(distance.squareRoot() <= 2.3 + 1e-9)
        }
        let sliver = [
            MicrodegreePoint(x: 0, y: 0), MicrodegreePoint(x: 100, y: 0), MicrodegreePoint(x: 200, y: 1),
            MicrodegreePoint(x: 100, y: 1),
        ]
        #expect(MicrodegreeRing.simplified(sliver, tolerance: 2.3).count == 3)
        // Half a pixel at zoom 18: about 0.26 m at 30° N, 2.3 microdegrees of latitude.
        #expect(abs(ViewerGeometryEncoder.tolerance(latitude: 30) - 2.32) < 0.01)
    }

    @Test func aRunWritesThePageItsScriptsAndOneParcelsScriptPerTown() throws {
        let (folder, report) = try OutputFixtures.run(webCopies: [.gcj02])
        defer { OutputFixtures.discard(folder) }
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<script src=\"web/leaflet/leaflet.min.js\"></script>") && !page.contains("{{"))
        #expect(!page.contains("http://") && !page.contains("https://"), "the page loads nothing from a network")
        let manifest = try OutputFixtures.json(folder.appendingPathComponent("run.json"))
        let listed = Set((manifest["outputs"] as! [[String: Any]]).map { $0["file"] as! String })
        let towns = ViewerTowns(survey: report.survey, analysis: report.analysis)
        for system in ["web/data", "web/data-gcj02"] {
            for name in ["county.js", "blocks.js", "block-details.js", "outlines.js", "control-lines.js", "towns.js"] {
                #expect(listed.contains("\(system)/\(name)"), "\(system)/\(name) in run.json")
            }
            #expect(towns.towns.indices.allSatisfy { listed.contains("\(system)/" + ViewerTowns.parcelsFile($0)) })
        }
        for file in listed {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) written")
        }
        // The parcels scripts hold every parcel once.
        #expect(towns.towns.reduce(0) { $0 + $1.parcels.count } == report.survey.parcels.count)
        let leaflet = try Data(contentsOf: folder.appendingPathComponent("web/leaflet/leaflet.min.js"))
        #expect(
            leaflet
                == (try Data(contentsOf: Self.viewerSources.appendingPathComponent("Vendor/leaflet/leaflet.min.js"))))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("web/leaflet/LICENSE").path))
    }

    /// The object a data script hands to `sanseViewer.receive(name, …)`.
    static func payload(_ file: URL, name: String) throws -> [String: Any] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let prefix = "sanseViewer.receive(\"\(name)\",", suffix = ");\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let json = String(text.dropFirst(prefix.count).dropLast(suffix.count))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func theBlocksScriptCarriesEveryBlockAndItsFigures() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let payload = try Self.payload(folder.appendingPathComponent("web/data/blocks.js"), name: "blocks")
        let blocks = report.analysis.blocks
        #expect(payload["count"] as? Int == blocks.count)
        let columns = try #require(payload["columns"] as? [String: [Any]])
        #expect(columns["id"] as? [String] == blocks.map(\.id))
        let mu = try #require(columns["land_mu"] as? [Double])
        #expect(zip(mu, blocks).allSatisfy { abs($0 - $1.landMu) <= 0.005 })
        // The popups' other figures come after the first draw.
        let details = try Self.payload(
            folder.appendingPathComponent("web/data/block-details.js"), name: "blocks:details")
        let reasons = try #require((details["tables"] as? [String: [String]])?["reason"])
        let reasonIndex = try #require((details["columns"] as? [String: [Any]])?["reason"] as? [Int])
        #expect(reasonIndex.map { reasons[$0] } == blocks.map(\.reasons))
        // The geometry: one ring count per block, then whole microdegrees.
        let values = Self.decode(Array((payload["geometry"] as! String).utf8))
        var position = 0, rings = 0
        for _ in blocks {
            let count = values[position]
            position += 1
            rings += count
            for _ in 0..<count {
                position += 1 + 2 * values[position]
            }
        }
        #expect(position == values.count && rings == payload["rings"] as? Int)
    }
}

/// The optional base map: none by default, a tile URL from the config's `viewer.base_map`.
@Suite("Viewer base map")
struct ViewerBaseMapTests {
    @Test func noBaseMapByDefaultAndOneFromTheConfig() throws {
        #expect(Config.default.viewer.baseMapURL == nil)
        let yaml = """
            viewer:
              base_map:
                url: https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY
                crs: wgs84
                attribution: 天地图
                subdomains: "01234567"
            """
        let config = try ConfigReader.parse(yaml)
        #expect(config.viewer.baseMapURL?.hasSuffix("tk=KEY") == true)
        #expect(config.viewer.baseMapSubdomains == "01234567" && config.viewer.baseMapAttribution == "天地图")
        #expect(try ConfigReader.parse("viewer: {base_map: {crs: GCJ02}}").viewer.baseMapSystem == "gcj02")
        #expect(try ConfigReader.parse("viewer: {base_map: {crs: bd09}}").viewer.baseMapSystem == "wgs84")

        let survey = try SVGMapFixtures.threeColours()
        let analysis = try Analyzer.run(survey, config: .default)
        let content = OutputContent(
            survey: survey, analysis: analysis, issues: [], config: config, webCopies: [], workers: 1, surveyDate: nil,
            parcelsSourceName: "fixture")
        let towns = ViewerTowns(survey: survey, analysis: analysis)
        let builder = ViewerManifestBuilder(
            content: content, towns: towns, web: .wgs84, origin: MicrodegreePoint(x: 0, y: 0))
        let manifest = try builder.build(blockExtent: nil, townExtents: towns.towns.map { _ in nil })
        #expect(manifest.baseMap?.url == config.viewer.baseMapURL && manifest.baseMap?.crs == "wgs84")
        let plain = ViewerManifestBuilder(
            content: OutputContent(
                survey: survey, analysis: analysis, issues: [], config: .default, webCopies: [], workers: 1,
                surveyDate: nil, parcelsSourceName: "fixture"),
            towns: towns, web: .wgs84, origin: MicrodegreePoint(x: 0, y: 0))
        #expect(try plain.build(blockExtent: nil, townExtents: towns.towns.map { _ in nil }).baseMap == nil)
    }
}
