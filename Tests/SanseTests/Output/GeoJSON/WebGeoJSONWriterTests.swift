import Foundation
import GeoKit
import Testing

@testable import SanseOutput

@Suite("Web GeoJSON")
struct WebGeoJSONWriterTests {
    @Test func geoJSONFollowsRFC7946() throws {
        let (folder, report) = try OutputFixtures.run()
        defer { OutputFixtures.discard(folder) }
        for name in OutputFixtures.geoJSONFiles {
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
                let polygons: [[[[Double]]]] =
                    type == "Polygon"
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
        let blocks =
            try OutputFixtures.json(folder.appendingPathComponent("blocks.geojson"))["features"] as! [[String: Any]]
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
            for key in [
                "reasons", "town", "outline_m2", "inside_share", "line_status", "cd_share", "far", "tax_per_mu",
                "renovation_candidate",
                "fill-opacity", "stroke", "stroke-width", "title", "land_m2", "land_ha",
            ] {
                #expect(properties.keys.contains(key), "block property \(key)")
            }
        }
        let parcels =
            try OutputFixtures.json(folder.appendingPathComponent("parcels.geojson"))["features"] as! [[String: Any]]
        #expect(parcels.count == report.survey.parcels.count)
        let first = parcels[0]["properties"] as! [String: Any]
        for key in FeatureProperties.parcelKeys { #expect(first.keys.contains(key), "parcel property \(key)") }
        #expect(first["宗地编号"] as? String == "P1", "source attributes are carried through")
    }
}
