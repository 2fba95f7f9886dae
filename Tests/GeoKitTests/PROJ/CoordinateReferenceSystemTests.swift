import Testing
@testable import GeoKit

@Suite("Coordinate reference systems")
struct CoordinateReferenceSystemTests {
    @Test func unknownCRSThrowsWithPROJsMessage() throws {
        do {
            _ = try CoordinateReferenceSystem("EPSG:999999")
            Issue.record("an unknown EPSG code was accepted")
        } catch let error as PROJError {
            #expect(error.message.localizedLowercase.contains("crs not found") || error.message.contains("999999"),
                    "PROJ's text: \(error.message)")
        }
        #expect(throws: PROJError.self) { _ = try Transformer(from: "EPSG:4326", to: "EPSG:999999") }
    }

    @Test func crsKindsUnitsAndIdentifiers() throws {
        let gk = try CoordinateReferenceSystem(epsg: 4549)
        #expect(gk.kind == .projected)
        #expect(gk.linearUnitInMetres == 1)
        #expect(gk.identifier == "EPSG:4549")
        #expect(gk.name.contains("CM 120E"))

        let geographic = try CoordinateReferenceSystem(epsg: 4490)
        #expect(geographic.kind == .geographic)
        #expect(geographic.linearUnitInMetres == nil)

        // A CRS known only by its WKT is still recognised as EPSG:4549.
        let fromWKT = try CoordinateReferenceSystem(try gk.wkt())
        #expect(fromWKT.epsgCode == 4549)
        let fromJSON = try CoordinateReferenceSystem(try gk.projjson())
        #expect(fromJSON.kind == .projected)
    }
}
