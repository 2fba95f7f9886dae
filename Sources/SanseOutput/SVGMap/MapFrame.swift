import GeoKit
import SanseModel

/// The part of the analysis plane the map shows and how it lands on the page: metres of the
/// analysis CRS (x east, y north) to pixels of the map frame (x right, y down), uniform scale.
struct MapFrame: Sendable {
    /// The map extent in metres.
    let extent: Envelope
    /// Pixels per metre.
    let scale: Double
    let widthPixels: Double
    let heightPixels: Double

    /// Frames `content` (metres) in a map `widthPixels` wide with a margin around it. The
    /// extent is widened, never cropped, to keep the frame between 1:2 and 3:2 (height:width).
    init(content: Envelope, widthPixels: Double) {
        var box = content
        let size = max(box.width, box.height, 200)
        box = box.expanded(by: size * 0.03)
        let minHeight = box.width * 0.5, maxHeight = box.width * 1.5
        if box.height < minHeight {
            let grow = (minHeight - box.height) / 2
            box = Envelope(minX: box.minX, minY: box.minY - grow, maxX: box.maxX, maxY: box.maxY + grow)
        } else if box.height > maxHeight {
            let grow = (box.height / 1.5 - box.width) / 2
            box = Envelope(minX: box.minX - grow, minY: box.minY, maxX: box.maxX + grow, maxY: box.maxY)
        }
        extent = box
        scale = widthPixels / box.width
        self.widthPixels = widthPixels
        heightPixels = (box.height * scale * 10).rounded() / 10
    }

    /// Map units per pixel.
    var metresPerPixel: Double { 1 / scale }

    /// Simplification tolerance: under half a pixel, so nothing visible moves (town boundaries
    /// here; other shapes use `PathData.toleranceTenths`, the same in tenths of a pixel).
    var simplifyTolerance: Double { 0.4 / scale }

    /// A point in frame pixels (not rounded).
    @inline(__always)
    func pixel(_ p: Point2D) -> Point2D {
        Point2D((p.x - extent.minX) * scale, (extent.maxY - p.y) * scale)
    }

    /// A point in tenths of a pixel, rounded: what the path data is written in.
    @inline(__always)
    func tenths(_ p: Point2D) -> (x: Int, y: Int) {
        (Int(((p.x - extent.minX) * scale * 10).rounded()), Int(((extent.maxY - p.y) * scale * 10).rounded()))
    }

    /// A pixel box back in metres.
    func metres(_ box: Envelope) -> Envelope {
        Envelope(
            minX: extent.minX + box.minX / scale, minY: extent.maxY - box.maxY / scale,
            maxX: extent.minX + box.maxX / scale, maxY: extent.maxY - box.minY / scale)
    }

    /// The frame grown by `pixels` on every side, in metres, as a polygon: what the control
    /// line and town boundaries are clipped to (the cut edges then fall outside the clip path).
    func clipPolygon(marginPixels pixels: Double) throws -> Geometry {
        let box = extent.expanded(by: pixels / scale)
        return try Geometry.polygon(exterior: [
            Point2D(box.minX, box.minY), Point2D(box.maxX, box.minY), Point2D(box.maxX, box.maxY),
            Point2D(box.minX, box.maxY),
        ])
    }

    /// A box in metres as a polygon.
    static func polygon(_ box: Envelope) throws -> Geometry {
        try Geometry.polygon(exterior: [
            Point2D(box.minX, box.minY), Point2D(box.maxX, box.minY), Point2D(box.maxX, box.maxY),
            Point2D(box.minX, box.maxY),
        ])
    }
}
