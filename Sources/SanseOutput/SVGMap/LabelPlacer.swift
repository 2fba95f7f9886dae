import GeoKit
import SanseModel

/// A label the map would like to draw: its box in frame pixels and its text lines.
struct LabelCandidate: Sendable {
    struct Line: Sendable {
        var text: String
        var fontSize: Double
        var bold: Bool
    }

    /// Box centre in frame pixels.
    var center: Point2D
    var width: Double
    var height: Double
    var lines: [Line]
    /// The lines side by side on one baseline instead of stacked.
    var inline = false

    var box: Envelope {
        Envelope(minX: center.x - width / 2, minY: center.y - height / 2, maxX: center.x + width / 2, maxY: center.y + height / 2)
    }

    /// Line spacing inside a stacked label, in pixels.
    static let leading = 1.5
    /// Space between the parts of an inline label, in pixels.
    static let inlineGap = 4.0

    /// Width and height of text lines, with a pixel of air around them.
    static func size(of lines: [Line], inline: Bool = false, letterSpacing: Double = 0) -> (width: Double, height: Double) {
        let widths = lines.map { SVGText.width($0.text, fontSize: $0.fontSize, letterSpacing: letterSpacing) }
        if inline {
            let width = widths.reduce(0, +) + inlineGap * Double(max(0, lines.count - 1))
            return (width + 2, (lines.map(\.fontSize).max() ?? 0) + 2)
        }
        let height = lines.reduce(0) { $0 + $1.fontSize } + leading * Double(max(0, lines.count - 1))
        return ((widths.max() ?? 0) + 2, height + 2)
    }

    /// Where the label goes in a polygonal shape (metres): the centre of the largest inscribed
    /// circle (or, for a long shape where that centre may sit towards one end, the middle of
    /// the bounding box), if the box fits inside the shape there. Layouts are tried in turn:
    /// the lines stacked, then side by side (long narrow shapes), then, with `allowShort`, the
    /// first line alone (the block id, which leads to the tables). nil when none fits.
    static func inside(
        _ shape: Geometry, lines: [Line], frame: MapFrame, letterSpacing: Double = 0, allowShort: Bool = false
    ) throws -> LabelCandidate? {
        guard let envelope = shape.envelope, !lines.isEmpty else { return nil }
        var layouts: [(lines: [Line], inline: Bool)] = [(lines, false)]
        if lines.count > 1 {
            layouts.append((lines, true))
            if allowShort { layouts.append(([lines[0]], false)) }
        }
        let sized = layouts.map { layout in
            (layout: layout, size: size(of: layout.lines, inline: layout.inline, letterSpacing: letterSpacing))
        }
        // No layout fits a shape whose bounding box is smaller than the label.
        let (shapeWidth, shapeHeight) = (envelope.width * frame.scale, envelope.height * frame.scale)
        let possible = sized.filter { shapeWidth >= $0.size.width && shapeHeight >= $0.size.height }
        guard !possible.isEmpty else { return nil }
        // An inscribed circle has at most the shape's area, so its radius is at most √(A/π)
        // (and the computed one is never more): when even that is too small for every
        // layout, the costly search below could only end in nil.
        let largestRadius = (try shape.area() / .pi).squareRoot() * frame.scale
        guard possible.contains(where: { 2 * largestRadius >= min($0.size.width, $0.size.height) }) else { return nil }
        let circle = try shape.maximumInscribedCircle(tolerance: frame.metresPerPixel)
        let radius = circle.radius * frame.scale
        let centres = [frame.pixel(circle.center), frame.pixel(envelope.center)]
        for (layout, (width, height)) in possible {
            // A box fits only where the shape is at least as thick as the box's smaller side.
            guard 2 * radius >= min(width, height) else { continue }
            for (number, center) in centres.enumerated() {
                let candidate = LabelCandidate(center: center, width: width, height: height, lines: layout.lines, inline: layout.inline)
                let halfDiagonal = (width * width + height * height).squareRoot() / 2
                if number == 0 && halfDiagonal <= radius { return candidate }
                if try shape.covers(try MapFrame.polygon(frame.metres(candidate.box))) { return candidate }
            }
        }
        return nil
    }
}

extension LabelCandidate {
    /// The shape a block label may cover: the block outline with its courtyards filled in (a
    /// label over a yard inside the block is still inside the block), except holes so big the
    /// block is more ring than area.
    static func labelArea(of outline: Geometry) throws -> Geometry {
        func ringArea(_ ring: [Point2D]) -> Double {
            guard ring.count > 2 else { return 0 }
            var twice = 0.0
            for index in 0..<(ring.count - 1) {
                twice += ring[index].x * ring[index + 1].y - ring[index + 1].x * ring[index].y
            }
            return abs(twice) / 2
        }
        let polygons = try outline.polygonsAsRings()
        guard polygons.contains(where: { $0.count > 1 }) else { return outline }
        let filled = try polygons.map { rings -> Geometry in
            let shellArea = ringArea(rings[0])
            let holes = rings.dropFirst().filter { ringArea($0) > shellArea / 2 }
            return try Geometry.polygon(exterior: rings[0], holes: Array(holes))
        }
        return filled.count == 1 ? filled[0] : try Geometry.collection(.multiPolygon, filled)
    }
}

/// Greedy label placement: labels are offered in priority order and each is kept only if its
/// box stays inside the frame and clear of every label kept before it. A uniform grid of
/// cells finds the neighbours to test.
struct LabelPlacer {
    private let cellSize: Double
    private let columns: Int
    private let rows: Int
    private let frameBox: Envelope
    private var cells: [[Int]]
    private(set) var placed: [Envelope] = []
    /// Space kept between two labels, in pixels.
    private let spacing: Double

    init(width: Double, height: Double, cellSize: Double = 48, spacing: Double = 2) {
        self.cellSize = cellSize
        columns = max(1, Int((width / cellSize).rounded(.up)))
        rows = max(1, Int((height / cellSize).rounded(.up)))
        frameBox = Envelope(minX: 0, minY: 0, maxX: width, maxY: height)
        cells = Array(repeating: [], count: columns * rows)
        self.spacing = spacing
    }

    /// Keeps `box` if it is free, and says whether it did.
    mutating func place(_ box: Envelope) -> Bool {
        guard frameBox.contains(box) else { return false }
        let padded = box.expanded(by: spacing)
        let (c0, c1, r0, r1) = cellRange(padded)
        for row in r0...r1 {
            for column in c0...c1 {
                for other in cells[row * columns + column] where placed[other].intersects(padded) {
                    return false
                }
            }
        }
        let index = placed.count
        placed.append(box)
        for row in r0...r1 {
            for column in c0...c1 { cells[row * columns + column].append(index) }
        }
        return true
    }

    private func cellRange(_ box: Envelope) -> (Int, Int, Int, Int) {
        func clamp(_ value: Double, _ limit: Int) -> Int { min(limit - 1, max(0, Int((value / cellSize).rounded(.down)))) }
        return (clamp(box.minX, columns), clamp(box.maxX, columns), clamp(box.minY, rows), clamp(box.maxY, rows))
    }
}
