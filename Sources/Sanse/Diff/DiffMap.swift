import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// A plain SVG layer of the changes: new colour as fill, old colour as a thick outline.
enum DiffMap {
    static func svg(_ shapes: [DiffOutput.Shape], width: Double = 1200) throws -> String {
        let boxes = shapes.compactMap { $0.geometry.envelope }
        guard let extent = boxes.dropFirst().reduce(boxes.first, { $0?.union($1) }) else {
            return #"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text x="20" y="45" font-size="20">无变化</text></svg>"#
        }
        // Equirectangular at the data's latitude: fine for a county.
        let shrink = cos(extent.center.y * .pi / 180)
        let scale = (width - 40) / max(extent.width * shrink, 1e-9)
        let height = extent.height * scale + 40
        func point(_ p: Point2D) -> String {
            String(format: "%.1f,%.1f", 20 + (p.x - extent.minX) * shrink * scale, 20 + (extent.maxY - p.y) * scale)
        }
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(width))" height="\#(Int(height))" viewBox="0 0 \#(Int(width)) \#(Int(height))">"#
        out += ##"<rect width="100%" height="100%" fill="#ffffff"/>"##
        for shape in shapes {
            var path = ""
            for polygon in try shape.geometry.polygonsAsRings() {
                for ring in polygon { path += "M" + ring.map(point).joined(separator: "L") + "Z" }
            }
            let stroke = shape.oldCategory?.fillColour ?? "#333333"
            out += #"<path d="\#(path)" fill="\#(shape.newCategory.fillColour)" fill-opacity="0.75" fill-rule="evenodd" stroke="\#(stroke)" stroke-width="2.5" data-block-id="\#(shape.id)"/>"#
        }
        return out + "</svg>\n"
    }
}
