import Foundation
import GeoKit
import Testing

@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// `--tiles`: tiles.mbtiles read back with GDAL (its MBTiles driver opens the deepest zoom).
@Suite("Vector tiles")
struct VectorTilesTests {
    @Test func tilesHoldEveryLayerWithItsFeaturesAndProperties() throws {
        let (out, report) = try ViewerFixtures.demo(vectorTiles: true)
        defer { ViewerFixtures.discard(out) }
        #expect(report.outputs.contains(VectorTilesFile.fileName))

        let dataset = try VectorDataset(path: out.appendingPathComponent(VectorTilesFile.fileName).path)
        #expect(dataset.driverName == "MBTiles")
        let names = Set(dataset.layerNames)
        // zones: GDAL writes no empty layer; it appears when the work plan's zones exist.
        for layer in ["blocks", "outlines", "parcels", "control_lines", "towns"] {
            #expect(names.contains(layer), "layer \(layer) in \(names.sorted())")
        }
        // A feature crossing a tile edge is in both tiles: count distinct ids.
        func distinct(_ layer: String, _ field: String) throws -> [String: [String: FieldValue]] {
            let source = try #require(dataset.layer(named: layer))
            let fields = source.fields.map(\.name)
            let column = try #require(fields.firstIndex(of: field), "\(field) in \(fields)")
            var features: [String: [String: FieldValue]] = [:]
            for feature in try source.readAll() {
                features[feature.values[column].text ?? ""] = Dictionary(
                    uniqueKeysWithValues: zip(fields, feature.values))
            }
            return features
        }
        let blocks = try distinct("blocks", "block_id")
        #expect(blocks.count == report.analysis.blocks.count)
        for block in report.analysis.blocks {
            let properties = try #require(blocks[block.id])
            #expect(properties["category"] == .string(block.category.rawValue))
            #expect(properties["reasons"] == .string(block.reasons))
            #expect(properties["fill"] == .string(block.category.fillColour))
            if case .real(let mu) = properties["land_mu"] {
                #expect(abs(mu - block.landMu) < 0.006)
            } else {
                Issue.record("land_mu of \(block.id): \(String(describing: properties["land_mu"]))")
            }
        }
        #expect(try distinct("outlines", "block_id").count == report.analysis.blocks.count)
        let parcels = try distinct("parcels", "parcel_id")
        #expect(parcels.count == report.survey.parcels.count)
        for (parcel, result) in zip(report.survey.parcels, report.analysis.parcels) {
            let properties = try #require(parcels[parcel.id])
            #expect(properties["block_id"] == .string(report.analysis.blocks[result.blockIndex].id))
            #expect(properties["line_status"] == .string(result.lineStatus.rawValue))
        }
        #expect(
            try distinct("control_lines", "part").count
                == report.analysis.controlArea.parts.filter { !$0.isEmpty }.count)
        #expect(try distinct("towns", "name").count == report.survey.towns.filter { $0.geometry != nil }.count)
    }
}
