import GeoKit
import SanseModel

/// Writes a GeoJSON FeatureCollection, one feature per line, serialising features on all
/// cores in batches so memory stays bounded and the file is identical for any worker count.
package enum WebGeoJSONWriter {
    package typealias Properties = [(String, JSONValue)]

    /// - Parameter feature: properties and analysis-CRS geometry of feature `index`; called
    ///   from worker threads, each index once, so it must only touch that feature's geometry.
    package static func write(
        to path: String, count: Int, analysisCRS: String, webCRS: WebCRS, workers: Int,
        feature: @escaping @Sendable (Int) throws -> (Properties, FlatPolygons?)
    ) throws {
        try write(to: path, count: count, analysisCRS: analysisCRS, webCRS: webCRS, workers: workers) { index, out in
            let (properties, geometry) = try feature(index)
            for (position, (key, value)) in properties.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.append(to: &out)
            }
            return geometry
        }
    }

    /// - Parameter feature: appends the members of feature `index`'s properties object to
    ///   `out` and gives its geometry; called from worker threads as above.
    package static func write(
        to path: String, count: Int, analysisCRS: String, webCRS: WebCRS, workers: Int,
        appendingFeature feature: @escaping @Sendable (Int, inout [UInt8]) throws -> FlatPolygons?
    ) throws {
        let head = Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
        try ChunkedFile.write(to: path, count: count, workers: workers, head: head, tail: Array("\n]}\n".utf8)) { indices, out in
            var encoder = WebPolygonEncoder(
                transformer: try InterpolatingTransformer.forCurrentThread(from: analysisCRS, to: "EPSG:4326"), webCRS: webCRS)
            for index in indices {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: #"{"type":"Feature","properties":{"#.utf8)
                let geometry = try feature(index, &out)
                out.append(contentsOf: #"},"geometry":"#.utf8)
                if let geometry {
                    try encoder.appendEncoded(geometry, to: &out)
                } else {
                    out.append(contentsOf: "null".utf8)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }
}
