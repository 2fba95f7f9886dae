import GeoKit
import Testing

@testable import SanseAnalysis
@testable import SanseOutput

@Suite("Map labels")
struct LabelPlacerTests {
    @Test func labelsSitInsideTheirBlocksAndNeverOverlap() throws {
        let survey = try SVGMapFixtures.county(zones: 40)
        let analysis = try Analyzer.run(survey, config: .default, workers: 2)
        for width in [1600.0, 5000] {
            let content = try MapContent(survey: survey, analysis: analysis, town: nil)
            let frame = MapFrame(content: content.extent, widthPixels: width)
            let layers = try MapLayers.draw(
                content: content, survey: survey, analysis: analysis, frame: frame, workers: 2)
            let boxes = layers.townLabels.map(\.box) + layers.blockLabels.map(\.label.box)
            if width > 2000 { #expect(layers.blockLabels.count > 10, "some blocks are labelled at \(width) px") }
            #expect(layers.blockLabels.count < layers.blocks.count, "small blocks get no label at \(width) px")
            for (i, a) in boxes.enumerated() {
                #expect(a.minX >= 0 && a.minY >= 0 && a.maxX <= frame.widthPixels && a.maxY <= frame.heightPixels)
                for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "labels \(a) and \(b) overlap") }
            }
            for (position, label) in layers.blockLabels {
                let block = analysis.blocks[layers.blocks[position].block]
                let box = try MapFrame.polygon(frame.metres(label.box))
                // Inside the block (its outline, allowing for the display simplification).
                #expect(
                    try block.outline.geometry().buffer(frame.metresPerPixel).covers(box),
                    "label of \(block.id) leaves its block")
            }
            // Bigger blocks are labelled before smaller ones: the largest block always is.
            let largest = try #require(
                layers.blocks.indices.max {
                    analysis.blocks[layers.blocks[$0].block].landM2 < analysis.blocks[layers.blocks[$1].block].landM2
                })
            if layers.blocks[largest].label != nil {
                #expect(layers.blockLabels.contains { $0.shape == largest })
            }
        }
    }

    @Test func labelPlacerRejectsOverlapsAndBoxesOutsideTheFrame() {
        var placer = LabelPlacer(width: 200, height: 100, cellSize: 16)
        func place(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> Bool {
            placer.place(Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY))
        }
        #expect(place(10, 10, 60, 30))
        #expect(!place(55, 25, 90, 40), "overlaps the first")
        #expect(!place(61, 10, 90, 30), "within the spacing of the first")
        #expect(place(70, 10, 120, 30))
        #expect(!place(180, 80, 210, 95), "sticks out of the frame")
        #expect(!place(0, 0, 200, 100), "covers everything")
    }
}
