import Foundation
import GeoKit
import Testing
@testable import Sanse

@Suite("Outputs", .serialized)
struct OutputTests {
    static let geoJSONFiles = ["blocks.geojson", "parcels.geojson", "outlines.geojson", "control-lines.geojson"]

    @Test func everyOutputIsWrittenAndNonTrivial() throws {
        let (folder, report) = try OutputFixtures.run(webCopies: [.gcj02])
        defer { OutputFixtures.discard(folder) }
        for name in Self.geoJSONFiles + ["summary.csv", "summary.md", "issues.csv", "run.json", "sanse.gpkg", "blocks.csv", "parcels.csv", "map.svg",
                                         "map-坎墩街道.svg", "map-周巷镇.svg"]
            + Self.geoJSONFiles.map({ $0.replacingOccurrences(of: ".geojson", with: ".gcj02.geojson") }) {
            let size = (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 100, "\(name) has \(size) bytes")
        }
        #expect(report.outputFolder == folder.standardizedFileURL.resolvingSymlinksInPath().path)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "no staging folder left behind")

        let summaryBytes = try Data(contentsOf: folder.appendingPathComponent("summary.csv"))
        #expect(Array(summaryBytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so Excel reads UTF-8")
        let summary = String(decoding: summaryBytes.dropFirst(3), as: UTF8.self)
        #expect(summary.hasPrefix("镇街,规模,区块数"))
        #expect(summary.contains("\r\n合计,"))
        let manifest = try OutputFixtures.json(folder.appendingPathComponent("run.json"))
        #expect((manifest["analysis_crs"] as? [String: Any])?["definition"] as? String == "EPSG:4549")
        let inputs = manifest["inputs"] as! [[String: Any]]
        let files = inputs[0]["files"] as! [[String: Any]]
        #expect((files[0]["sha256"] as? String)?.count == 64)
        let copies = manifest["web_copies"] as! [[String: Any]]
        #expect(copies.contains { $0["crs"] as? String == "GCJ-02" && $0["approximate"] as? Bool == true })
        #expect((manifest["timings"] as! [[String: Any]]).contains { $0["stage"] as? String == "contiguity" })
    }

    @Test func geoJSONFollowsRFC7946() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        for name in Self.geoJSONFiles {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("\"crs\""), "\(name) has no crs member")
            // No coordinate with more than 7 decimals.
            let tooPrecise = try Regex(#"\d\.\d{8,}"#)
            #expect(text.firstMatch(of: tooPrecise) == nil, "\(name) keeps at most 7 decimals")

            let collection = try OutputFixtures.json(url)
            #expect(collection["type"] as? String == "FeatureCollection")
            for feature in collection["features"] as! [[String: Any]] {
                let geometry = feature["geometry"] as! [String: Any]
                let type = geometry["type"] as! String
                let polygons: [[[[Double]]]] = type == "Polygon"
                    ? [geometry["coordinates"] as! [[[Double]]]]
                    : geometry["coordinates"] as! [[[[Double]]]]
                for polygon in polygons {
                    for (index, ring) in polygon.enumerated() {
                        #expect(ring.first! == ring.last!, "rings are closed")
                        for point in ring { #expect(abs(point[0]) <= 180 && abs(point[1]) <= 90) }
                        let area = WebPolygonEncoder.signedArea(ring.map { Point2D($0[0], $0[1]) })
                        #expect(index == 0 ? area > 0 : area < 0, "exterior counter-clockwise, holes clockwise")
                    }
                }
            }
            // Valid geometry, as GDAL and GEOS read it back.
            let dataset = try VectorDataset(path: url.path)
            for feature in try dataset.layer(at: 0)!.readAll() {
                #expect(try Geometry(wkb: feature.wkb!).isValid)
            }
        }
        // Required properties with the right types.
        let blocks = try OutputFixtures.json(folder.appendingPathComponent("blocks.geojson"))["features"] as! [[String: Any]]
        #expect(blocks.count == report.analysis.blocks.count)
        for (feature, block) in zip(blocks, report.analysis.blocks) {
            let properties = feature["properties"] as! [String: Any]
            #expect(properties["block_id"] as? String == block.id)
            #expect(["retain", "renew", "exit"].contains(properties["category"] as? String))
            #expect(properties["category_zh"] as? String == block.category.chinese)
            #expect(properties["parcel_count"] as? Int == block.parcelIndices.count)
            #expect(abs((properties["land_mu"] as! Double) - block.landMu) < 0.005)
            #expect(properties["fill"] as? String == block.category.fillColour)
            #expect(properties["is_cluster_10ha"] as? Bool == block.isCluster10ha)
            for key in ["reasons", "town", "outline_m2", "inside_share", "line_status", "cd_share", "far", "tax_per_mu", "renovation_candidate",
                        "fill-opacity", "stroke", "stroke-width", "title", "land_m2", "land_ha"] {
                #expect(properties.keys.contains(key), "block property \(key)")
            }
        }
        let parcels = try OutputFixtures.json(folder.appendingPathComponent("parcels.geojson"))["features"] as! [[String: Any]]
        #expect(parcels.count == report.survey.parcels.count)
        let first = parcels[0]["properties"] as! [String: Any]
        for key in FeatureProperties.parcelKeys { #expect(first.keys.contains(key), "parcel property \(key)") }
        #expect(first["宗地编号"] as? String == "P1", "source attributes are carried through")
    }

    @Test func gcj02CopyIsOffsetByAFewHundredMetres() throws {
        let (folder, _) = try OutputFixtures.run(webCopies: [.gcj02])
        defer { OutputFixtures.discard(folder) }
        func firstPoint(_ name: String) throws -> [Double] {
            let features = try OutputFixtures.json(folder.appendingPathComponent(name))["features"] as! [[String: Any]]
            let geometry = features[0]["geometry"] as! [String: Any]
            return (geometry["coordinates"] as! [[[Double]]])[0][0]
        }
        let wgs = try firstPoint("blocks.geojson"), gcj = try firstPoint("blocks.gcj02.geojson")
        // Near 慈溪 GCJ-02 lies roughly 0.0045° east and 0.0025° south of WGS 84.
        #expect(gcj[0] - wgs[0] > 0.003 && gcj[0] - wgs[0] < 0.006)
        #expect(wgs[1] - gcj[1] > 0.001 && wgs[1] - gcj[1] < 0.004)
    }

    @Test func geoPackageOpensInQGISColoured() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let dataset = try VectorDataset(path: folder.appendingPathComponent("sanse.gpkg").path)
        #expect(Set(dataset.layerNames) == ["blocks", "outlines", "parcels", "control_lines", "layer_styles"])
        #expect(dataset.layer(named: "blocks")?.featureCount == report.analysis.blocks.count)
        #expect(dataset.layer(named: "blocks")?.spatialReference?.identifier == "EPSG:4549")
        let styles = try dataset.layer(named: "layer_styles")!.readAll()
        let fields = dataset.layer(named: "layer_styles")!.fields.map(\.name)
        let table = fields.firstIndex(of: "f_table_name")!, qml = fields.firstIndex(of: "styleQML")!, isDefault = fields.firstIndex(of: "useAsDefault")!
        #expect(Set(styles.map { $0.values[table] }) == [.string("blocks"), .string("outlines"), .string("parcels"), .string("control_lines")])
        let blockStyle = try #require(styles.first { $0.values[table] == .string("blocks") })
        guard case .string(let text) = blockStyle.values[qml] else { Issue.record("no QML"); return }
        #expect(text.contains("categorizedSymbol") && text.contains("attr=\"category\""))
        #expect(text.contains("43,108,176") && text.contains("保留提升"), "the blue of 保留提升")
        #expect(blockStyle.values[isDefault] == .integer(1))
    }

    @Test func rerunsAreByteIdenticalWhateverTheWorkerCount() throws {
        let base = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let (first, _) = try OutputFixtures.run(workers: 1, into: base)
        let (second, _) = try OutputFixtures.run(workers: 2, into: base)
        for name in Self.geoJSONFiles + ["summary.csv", "summary.md", "issues.csv", "blocks.csv", "parcels.csv", "sanse.gpkg", "map.svg"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test func outputNextToTheInputsIsRefusedAndNothingIsWritten() throws {
        let (inputFolder, inputs) = try SurveyLoaderTests.geoJSONSurvey()
        defer { try? FileManager.default.removeItem(at: inputFolder) }
        let before = try FileManager.default.contentsOfDirectory(atPath: inputFolder.path).sorted()
        #expect(throws: OutputError.self) {
            try Pipeline.run(RunRequest(inputs: inputs, config: .default, outputFolder: inputFolder.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputFolder.path).sorted() == before, "inputs untouched")
    }

    @Test func aFailedRunLeavesNoOutputAndKeepsThePreviousOne() throws {
        let (folder, _) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        let previous = try Data(contentsOf: folder.appendingPathComponent("blocks.geojson"))
        let broken = SurveyInputs(parcels: InputSource("/no/such/parcels.geojson"), controlLines: InputSource("/no/such/control.geojson"))
        #expect(throws: SurveyError.self) { try Pipeline.run(RunRequest(inputs: broken, config: .default, outputFolder: folder.path)) }
        #expect(try Data(contentsOf: folder.appendingPathComponent("blocks.geojson")) == previous)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(".partial-") })
    }
}
