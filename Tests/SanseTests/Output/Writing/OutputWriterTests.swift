import Foundation
import GeoKit
import Testing

/// Every output of a run, written once whatever the number of workers.
@Suite("Outputs", .serialized)
struct OutputWriterTests {
    @Test func everyOutputIsWrittenAndNonTrivial() throws {
        let (folder, report) = try OutputFixtures.run(webCopies: [.gcj02])
        defer { OutputFixtures.discard(folder) }
        let others = [
            "summary.csv", "summary.md", "issues.csv", "run.json", "sanse.gpkg", "blocks.csv", "parcels.csv",
            "map.svg", "map-坎墩街道.svg", "map-周巷镇.svg",
        ]
        let webCopies = OutputFixtures.geoJSONFiles.map {
            $0.replacingOccurrences(of: ".geojson", with: ".gcj02.geojson")
        }
        for name in OutputFixtures.geoJSONFiles + others + webCopies {
            let path = folder.appendingPathComponent(name).path
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 100, "\(name) has \(size) bytes")
        }
        #expect(report.outputFolder == folder.standardizedFileURL.resolvingSymlinksInPath().path)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "no staging folder left behind")

        let summaryBytes = try Data(contentsOf: folder.appendingPathComponent("summary.csv"))
        #expect(Array(summaryBytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so Excel reads UTF-8")
        let summary = String(decoding: summaryBytes.dropFirst(3), as: UTF8.self)
        #expect(summary.hasPrefix("镇街,规模,区块数"))
        #expect(summary.contains("\r\n合计,"))
        let manifest = try OutputFixtures.json(folder.appendingPathComponent("run.json"))
        let libraries = try #require((manifest["tool"] as? [String: Any])?["libraries"] as? [String: String])
        #expect(libraries == ["geos": LibraryVersions.current.geos, "proj": LibraryVersions.current.proj,
                              "gdal": LibraryVersions.current.gdal])
        #expect(LibraryVersions.current.version(of: .geos).map { $0 >= LibraryVersion(3, 11) } == true)
        #expect((manifest["analysis_crs"] as? [String: Any])?["definition"] as? String == "EPSG:4549")
        let inputs = manifest["inputs"] as! [[String: Any]]
        let files = inputs[0]["files"] as! [[String: Any]]
        #expect((files[0]["sha256"] as? String)?.count == 64)
        let copies = manifest["web_copies"] as! [[String: Any]]
        #expect(copies.contains { $0["crs"] as? String == "GCJ-02" && $0["approximate"] as? Bool == true })
        #expect((manifest["timings"] as! [[String: Any]]).contains { $0["stage"] as? String == "contiguity" })
    }

    @Test func rerunsAreByteIdenticalWhateverTheWorkerCount() throws {
        let base = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let (first, _) = try OutputFixtures.run(workers: 1, into: base)
        let (second, _) = try OutputFixtures.run(workers: 2, into: base)
        let others = ["summary.csv", "summary.md", "issues.csv", "blocks.csv", "parcels.csv", "sanse.gpkg", "map.svg"]
        for name in OutputFixtures.geoJSONFiles + others {
            let a = try Data(contentsOf: first.appendingPathComponent(name)),
                b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
    }
}
