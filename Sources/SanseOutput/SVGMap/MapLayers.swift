import GeoKit
import SanseModel

/// The map's geometry, simplified for display and written as path data, and its labels,
/// placed. Everything here is in frame pixels.
struct MapLayers {
    struct BlockShape: Sendable {
        /// Index into `AnalysisResult.blocks`.
        var block: Int
        var land: PathData
        var outline: PathData
        var label: LabelCandidate?
    }

    var blocks: [BlockShape]
    /// Parcel boundaries, a few thousand parcels per path.
    var parcelPaths: [PathData]
    /// A typical parcel's side in pixels (the median of √area), for the line weight.
    var typicalParcelSide: Double
    var controlLine: PathData
    var townBoundaries: PathData
    var townLabels: [LabelCandidate]
    /// On a one-town map, the frame outside the town, to be washed out.
    var focusMask: PathData
    /// Placed labels, by index into `blocks`.
    var blockLabels: [(shape: Int, label: LabelCandidate)]

    /// The bytes of path data there is to write, about all of a big map's size.
    var pathBytes: Int {
        blocks.reduce(0) { $0 + $1.land.bytes.count + $1.outline.bytes.count + 200 }
            + parcelPaths.reduce(0) { $0 + $1.bytes.count + 16 }
            + controlLine.bytes.count + townBoundaries.bytes.count + focusMask.bytes.count
    }

    /// Parcels per `<path>` element.
    static let parcelsPerPath = 4000

    static func draw(
        content: MapContent, survey: Survey, analysis: AnalysisResult, frame: MapFrame, workers: Int
    ) throws -> MapLayers {
        // Blocks: land and outline simplified, and where a label would sit. Each block's
        // geometries are used by one chunk only.
        let allBlocks = analysis.blocks
        let chosenBlocks = content.blocks
        let shapes = try Parallel.mapChunks(count: chosenBlocks.count, workers: workers, minimumChunk: 16) { range in
            try range.map { position -> BlockShape in
                let index = chosenBlocks[position]
                let block = allBlocks[index]
                var landPath = PathData()
                landPath.appendPolygons(block.land, frame: frame, simplified: true)
                var outlinePath = landPath
                if block.outline != block.land {
                    outlinePath = PathData()
                    outlinePath.appendPolygons(block.outline, frame: frame, simplified: true)
                }
                let label = try LabelCandidate.inside(try LabelCandidate.labelArea(of: try block.outline.geometry()), lines: labelLines(block), frame: frame, allowShort: true)
                return BlockShape(block: index, land: landPath, outline: outlinePath, label: label)
            }
        }.flatMap { $0 }

        // Parcels, grouped by a fixed count so the file does not depend on the number of
        // workers; each worker writes whole groups (no path data per parcel to hold).
        let parcels = survey.parcels
        let chosenParcels = content.parcels
        let groupCount = (chosenParcels.count + parcelsPerPath - 1) / parcelsPerPath
        let parcelPaths = try Parallel.mapChunks(count: groupCount, workers: workers, minimumChunk: 1) { groups in
            groups.map { group -> PathData in
                var path = PathData()
                for position in (group * parcelsPerPath)..<min((group + 1) * parcelsPerPath, chosenParcels.count) {
                    path.appendPolygons(parcels[chosenParcels[position]].shape, frame: frame, simplified: true)
                }
                return path
            }
        }.flatMap { $0 }.filter { !$0.isEmpty }
        let sides = chosenParcels.map { analysis.parcels[$0].areaM2.squareRoot() }.sorted()
        let typicalSide = sides.isEmpty ? 0 : sides[sides.count / 2] * frame.scale

        // The control line and town boundaries, clipped to a little more than the frame so
        // the cut edges fall outside the clip path.
        let clip = try frame.clipPolygon(marginPixels: 12)
        let clipBox = frame.extent.expanded(by: 12 / frame.scale)
        // Only the parts near the frame are cut; a part wholly inside needs no cutting.
        func clipped(_ shape: Geometry, to box: Envelope, _ polygon: Geometry) throws -> Geometry? {
            guard let envelope = shape.envelope, envelope.intersects(box) else { return nil }
            if box.contains(envelope) { return shape }
            let cut = try shape.intersection(polygon)
            return cut.isEmpty ? nil : cut
        }
        var controlLine = PathData()
        for part in analysis.controlArea.parts {
            if let inFrame = try clipped(part, to: clipBox, clip) {
                try controlLine.appendPolygons(inFrame, frame: frame, simplified: true)
            }
        }
        let frameBox = try MapFrame.polygon(frame.extent)
        var townShapes: [Geometry] = []
        var townCandidates: [(area: Double, name: String, label: LabelCandidate)] = []
        for index in content.townsWithShape {
            let town = survey.towns[index]
            guard let shape = town.geometry, let inClip = try clipped(shape, to: clipBox, clip) else { continue }
            townShapes.append(inClip)
            guard let visible = try clipped(shape, to: frame.extent, frameBox) else { continue }
            guard let polygonal = try visible.polygonalPart() else { continue }
            let lines = [LabelCandidate.Line(text: town.name, fontSize: MapStyle.townLabelSize, bold: true)]
            if let label = try LabelCandidate.inside(polygonal, lines: lines, frame: frame, letterSpacing: MapStyle.townLabelSpacing) {
                townCandidates.append((try polygonal.area(), town.name, label))
            }
        }
        let townBoundaries = try BoundaryLines.path(of: townShapes, frame: frame)
        var focusMask = PathData()
        if let focus = content.focusTown, let shape = survey.towns[focus].geometry {
            let outside = try clip.difference(shape)
            try focusMask.appendPolygons(outside, frame: frame, simplified: true)
        }

        // Labels: town names first, then blocks from the largest down; a label that would
        // touch one already placed is dropped.
        var placer = LabelPlacer(width: frame.widthPixels, height: frame.heightPixels)
        townCandidates.sort { ($0.area, $1.name) > ($1.area, $0.name) }
        let townLabels = townCandidates.filter { placer.place($0.label.box) }.map(\.label)
        let order = shapes.indices.filter { shapes[$0].label != nil }.sorted { a, b in
            let (x, y) = (allBlocks[shapes[a].block], allBlocks[shapes[b].block])
            return x.landM2 != y.landM2 ? x.landM2 > y.landM2 : x.id < y.id
        }
        var blockLabels: [(Int, LabelCandidate)] = []
        for position in order {
            let label = shapes[position].label!
            if placer.place(label.box) { blockLabels.append((position, label)) }
        }
        blockLabels.sort { $0.0 < $1.0 }

        return MapLayers(
            blocks: shapes, parcelPaths: parcelPaths, typicalParcelSide: typicalSide, controlLine: controlLine,
            townBoundaries: townBoundaries, townLabels: townLabels, focusMask: focusMask, blockLabels: blockLabels)
    }

    /// `B0012` over `356亩`.
    static func labelLines(_ block: Block) -> [LabelCandidate.Line] {
        [
            LabelCandidate.Line(text: block.id, fontSize: MapStyle.labelIDSize, bold: true),
            LabelCandidate.Line(text: muText(block.landMu) + "亩", fontSize: MapStyle.labelAreaSize, bold: false),
        ]
    }

    /// Whole 亩 from 10 up, one decimal below; no thousands separator (labels are tight).
    static func muText(_ mu: Double) -> String {
        mu >= 9.95 ? SVGText.fixed(mu, decimals: 0) : SVGText.fixed(mu, decimals: 1)
    }
}
