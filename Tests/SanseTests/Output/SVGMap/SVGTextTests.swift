import Testing

@testable import SanseOutput

@Suite("Map text")
struct SVGTextTests {
    @Test func numbersAreFormattedWithoutLocale() {
        #expect(SVGText.grouped(1234.54, decimals: 1) == "1,234.5")
        #expect(SVGText.grouped(1_234_567.96, decimals: 1) == "1,234,568.0")
        #expect(SVGText.grouped(999.96, decimals: 1) == "1,000.0")
        #expect(SVGText.fixed(0.05, decimals: 2) == "0.05")
        #expect(SVGText.fixed(-3.14159, decimals: 2) == "-3.14")
        #expect(SVGText.px(-0.25) == "-0.3" || SVGText.px(-0.25) == "-0.2")
        #expect(MapLayers.muText(356.4) == "356")
        #expect(MapLayers.muText(8.44) == "8.4")
        #expect(
            SVGText.wrapped("坐标系 CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)", fontSize: 12, maxWidth: 150)
                .count > 1)
    }
}
