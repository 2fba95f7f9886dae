import Testing
@testable import GeoKit

@Suite("WKB envelopes")
struct WKBEnvelopeTests {
    @Test func envelopeFromWKBMatchesGEOS() throws {
        for wkt in [
            "POINT (3 4)",
            "LINESTRING (0 0, 10 -5, 3 8)",
            "POLYGON ((620000 3340000, 620100 3340000, 620100 3340050, 620000 3340000), "
                + "(620010 3340001, 620020 3340001, 620020 3340002, 620010 3340001))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 9, 5 5)))",
            "GEOMETRYCOLLECTION (POINT (-2 -3), LINESTRING (4 4, 6 1))",
        ] {
            let geometry = try Geometry(wkt: wkt)
            #expect(WKBEnvelope.of(try geometry.wkb()) == geometry.envelope, "\(wkt)")
        }
    }

    @Test func envelopeFromWKBRejectsBadInput() throws {
        #expect(WKBEnvelope.of([]) == nil)
        #expect(WKBEnvelope.of([1, 3, 0, 0, 0, 1, 0]) == nil, "truncated")
        #expect(WKBEnvelope.of(try Geometry(wkt: "POLYGON EMPTY").wkb()) == nil)
        // A ring with a NaN coordinate.
        var bytes = try Geometry(wkt: "LINESTRING (0 0, 1 1)").wkb()
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { nan in
            for (index, byte) in nan.enumerated() { bytes[9 + index] = byte }
        }
        #expect(WKBEnvelope.of(bytes) == nil)
        // Big-endian with Z, as other writers produce.
        var big: [UInt8] = [0]
        let appendBig: (UInt32) -> Void = { value in withUnsafeBytes(of: value.bigEndian) { big += $0 } }
        let appendDouble: (Double) -> Void = { value in withUnsafeBytes(of: value.bitPattern.bigEndian) { big += $0 } }
        appendBig(1002)  // ISO LineString Z
        appendBig(2)
        for value in [1.0, 2, 99, -4, 7, 99] { appendDouble(value) }
        #expect(WKBEnvelope.of(big) == Envelope(minX: -4, minY: 2, maxX: 1, maxY: 7))
    }
}
