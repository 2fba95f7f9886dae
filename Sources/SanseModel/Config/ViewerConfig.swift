extension Config {
    /// The web viewer (index.html): its optional base map. Every value is nil by default, so a
    /// run without a base map records none in run.json.
    public struct Viewer: Sendable, Equatable {
        /// A tile URL template (`{z}`, `{x}`, `{y}`, optionally `{s}`); nil = no base map, the
        /// viewer then needs no network at all.
        public var baseMapURL: String?
        /// The tiles' lon/lat system: `gcj02` (高德, 腾讯, drawn over the run's GCJ-02 copies, so
        /// it needs `--web-crs gcj02`); anything else, or nil, is WGS 84 (天地图, OpenStreetMap).
        /// Not checked when read: the config's values are free text, as the schema's are.
        public var baseMapCRS: String?
        public var baseMapAttribution: String?
        /// What `{s}` takes turn by turn, e.g. `01234567` for 天地图's t0 … t7.
        public var baseMapSubdomains: String?

        /// The system the viewer draws the base map's data in.
        public var baseMapSystem: String { baseMapCRS?.lowercased() == "gcj02" ? "gcj02" : "wgs84" }
    }
}
