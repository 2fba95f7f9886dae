import Foundation
import Testing

@Suite("GCJ-02 copies")
struct GCJ02Tests {
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
}
