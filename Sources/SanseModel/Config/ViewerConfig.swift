extension Config {
    /// The web viewer (index.html): its optional base map. Every value is nil by default, so a
    /// run without a base map records none in run.json.
    public struct Viewer: Sendable, Equatable {
        /// A tile URL template (`{z}`, `{x}`, `{y}`, optionally `{s}`); nil = no base map, the
        /// viewer then needs no network at all.
        public var baseMapURL: String?
        /// The tiles' lon/lat system: `wgs84` (天地图, OpenStreetMap; nil means it) or `gcj02`
        /// (高德, 腾讯, drawn over the run's GCJ-02 copies, so it needs `--web-crs gcj02`).
        public var baseMapCRS: String?
        public var baseMapAttribution: String?
        /// What `{s}` takes turn by turn, e.g. `01234567` for 天地图's t0 … t7.
        public var baseMapSubdomains: String?

        public static let systems = ["wgs84", "gcj02"]

        /// Whether the URL has its placeholders and the system is one the viewer has.
        var isUsable: Bool {
            (baseMapURL.map { url in ["{z}", "{x}", "{y}"].allSatisfy(url.contains) } ?? true)
                && (baseMapCRS.map(Self.systems.contains) ?? true)
        }
    }
}
