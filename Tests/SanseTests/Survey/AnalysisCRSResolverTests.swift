import GeoKit
import Testing

@testable import SanseSurvey

/// The analysis CRS chosen from where the survey lies: its Gauss–Krüger or UTM zone.
@Suite("Analysis CRS")
struct AnalysisCRSResolverTests {
    @Test func autoZones() {
        #expect(AnalysisCRSResolver.autoZone(longitude: 121.25, latitude: 30.2) == 4549)
        #expect(AnalysisCRSResolver.autoZone(longitude: 121.9, latitude: 29.9) == 4550)
        #expect(AnalysisCRSResolver.autoZone(longitude: 24.94, latitude: 60.17) == 32635)
        #expect(AnalysisCRSResolver.autoZone(longitude: -58.4, latitude: -34.6) == 32721)
        #expect(
            SourceCRS.zonePrefixedGaussKruger(
                Envelope(minX: 40_500_000, minY: 3_300_000, maxX: 40_700_000, maxY: 3_400_000))?.epsg == 4528)
        #expect(
            SourceCRS.zonePrefixedGaussKruger(Envelope(minX: 500_000, minY: 3_300_000, maxX: 700_000, maxY: 3_400_000))
                == nil)
    }

    @Test func zonesNeverTrapOnWildLongitudes() {
        for longitude in [-1e300, -181, 0, 74, 136, 1e300] {
            let code = AnalysisCRSResolver.autoZone(longitude: longitude, latitude: 10)
            #expect((32601...32660).contains(code))
        }
    }
}
