import Testing
@testable import GeoKit

@Suite("PROJ on WKB")
struct TransformerWKBTests {
    @Test func transformingWKBInPlaceEqualsTransformingTheGeometry() throws {
        let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        let lonLat = try Geometry(wkt: "MULTIPOLYGON (((121.25 30.17, 121.26 30.17, 121.26 30.18, 121.25 30.17), "
            + "(121.252 30.171, 121.255 30.171, 121.255 30.172, 121.252 30.171)), "
            + "((121.3 30.2, 121.31 30.2, 121.31 30.21, 121.3 30.2)))")
        var bytes = try lonLat.wkb()
        #expect(transformer.transform(wkb: &bytes) == [])
        let inPlace = try Geometry(wkb: bytes)
        let rebuilt = try transformer.transform(lonLat)
        #expect(try inPlace.wkb() == rebuilt.wkb())
    }

    @Test func failedPointsAreCountedAcrossRingsAndBigEndianIsDeclined() throws {
        let transformer = try Transformer(from: "EPSG:4490", to: "EPSG:4549")
        var bytes = try Geometry(wkt: "LINESTRING (121 30, 121 95, 121.1 30)").wkb()
        #expect(transformer.transform(wkb: &bytes) == [1])
        var bigEndian: [UInt8] = [0, 0, 0, 0, 1] + withUnsafeBytes(of: (121.0).bitPattern.bigEndian, Array.init)
            + withUnsafeBytes(of: (30.0).bitPattern.bigEndian, Array.init)
        #expect(transformer.transform(wkb: &bigEndian) == nil)
    }
}
