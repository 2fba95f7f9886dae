import Yams

extension Config {
    /// The web viewer (index.html): its optional base map.
    public struct Viewer: Sendable, Equatable {
        /// A tile URL template (`{z}`, `{x}`, `{y}`, optionally `{s}`); nil = no base map, the
        /// viewer then needs no network at all.
        public var baseMapURL: String?
        /// The tiles' lon/lat system: `wgs84` (天地图, OpenStreetMap) or `gcj02` (高德, 腾讯,
        /// drawn over the run's GCJ-02 copies, so it needs `--web-crs gcj02`).
        public var baseMapCRS = "wgs84"
        public var baseMapAttribution = ""
        /// What `{s}` takes turn by turn, e.g. `01234567` for 天地图's t0 … t7.
        public var baseMapSubdomains = ""

        public static let systems = ["wgs84", "gcj02"]
    }
}

extension ConfigReader {
    static func readViewer(_ node: Node, _ reader: NodeReader, _ viewer: inout Config.Viewer) throws {
        for (_, baseMap) in try reader.mapping(node, keys: ["base_map"]) {
            for (key, value) in try reader.mapping(baseMap, keys: ["url", "crs", "attribution", "subdomains"]) {
                let text = try reader.string(value)
                switch key {
                case "url":
                    if let text, !["{z}", "{x}", "{y}"].allSatisfy(text.contains) {
                        throw reader.fail(value, "viewer.base_map.url must be a tile URL with {z}, {x} and {y}")
                    }
                    viewer.baseMapURL = text
                case "crs":
                    guard let text, Config.Viewer.systems.contains(text.lowercased()) else {
                        throw reader.fail(value, "viewer.base_map.crs must be wgs84 or gcj02")
                    }
                    viewer.baseMapCRS = text.lowercased()
                case "attribution": viewer.baseMapAttribution = text ?? ""
                default: viewer.baseMapSubdomains = text ?? ""
                }
            }
        }
    }
}
