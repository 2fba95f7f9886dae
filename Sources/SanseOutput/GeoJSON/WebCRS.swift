import GeoKit
import SanseModel

/// Which lon/lat a web copy is in.
public enum WebCRS: String, Sendable {
    /// WGS 84 (RFC 7946), for Leaflet, MapLibre, OpenLayers, 天地图 (CGCS2000 differs from it by
    /// centimetres).
    case wgs84
    /// GCJ-02, for 高德 / 腾讯 base maps. Approximate.
    case gcj02
}
