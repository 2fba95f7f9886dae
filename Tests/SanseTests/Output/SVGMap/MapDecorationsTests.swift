import Testing

@testable import SanseOutput

@Suite("Scale bar")
struct MapDecorationsTests {
    @Test func scaleBarUsesRoundNumbers() {
        #expect(MapDecorations.scaleBarMetres(maxPixels: 260, scale: 1) == 200)
        #expect(MapDecorations.scaleBarMetres(maxPixels: 260, scale: 0.05) == 5000)
        #expect(MapDecorations.scaleBarMetres(maxPixels: 260, scale: 0.0125) == 20000)
        #expect(MapDecorations.scaleBarMetres(maxPixels: 260, scale: 0.26) == 1000)
        #expect(MapDecorations.scaleBarMetres(maxPixels: 260, scale: 2.7) == 50)
        #expect(MapDecorations.scaleText(2500, inKilometres: true) == "2.5")
        #expect(MapDecorations.scaleText(250, inKilometres: false) == "250")
    }
}
