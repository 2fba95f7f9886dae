import Foundation
import GeoKit
import SanseModel

/// WGS 84 → GCJ-02, the offset coordinates 高德 (AMap) and 腾讯 maps use, by the widely
/// published formula. Approximate by nature (metre-level); outside China it is the identity.
enum GCJ02 {
    private static let a = 6_378_245.0
    private static let ee = 0.006_693_421_622_965_943_23

    static func fromWGS84(_ point: Point2D) -> Point2D {
        let (lon, lat) = (point.x, point.y)
        guard (72.004...137.8347).contains(lon), (0.8293...55.8271).contains(lat) else { return point }
        var dLat = latitudeOffset(lon - 105, lat - 35)
        var dLon = longitudeOffset(lon - 105, lat - 35)
        let radLat = lat / 180 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180) / (a / sqrtMagic * cos(radLat) * .pi)
        return Point2D(lon + dLon, lat + dLat)
    }

    private static func latitudeOffset(_ x: Double, _ y: Double) -> Double {
        var result = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        result += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        result += (20 * sin(y * .pi) + 40 * sin(y / 3 * .pi)) * 2 / 3
        result += (160 * sin(y / 12 * .pi) + 320 * sin(y * .pi / 30)) * 2 / 3
        return result
    }

    private static func longitudeOffset(_ x: Double, _ y: Double) -> Double {
        var result = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        result += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        result += (20 * sin(x * .pi) + 40 * sin(x / 3 * .pi)) * 2 / 3
        result += (150 * sin(x / 12 * .pi) + 300 * sin(x / 30 * .pi)) * 2 / 3
        return result
    }
}
