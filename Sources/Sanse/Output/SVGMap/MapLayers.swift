import GeoKit

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

    /// Parcels per `<path>` element.
    static let parcelsPerPath = 4000

    static func draw(
        content: MapContent, survey: Survey, analysis: AnalysisResult, frame: MapFrame, workers: Int
    ) throws -> MapLayers {
        let tolerance = frame.simplifyTolerance

        // Blocks: land and outline simplified, and where a label would sit. Each block's
        // geometries are used by one chunk only.
        let allBlocks = analysis.blocks
        let chosenBlocks = content.blocks
        let shapes = try Parallel.mapChunks(count: chosenBlocks.count, workers: workers, minimumChunk: 16) { range in
            try range.map { position -> BlockShape in
                let index = chosenBlocks[position]
                let block = allBlocks[index]
                let land = try block.land.simplifiedPreservingTopology(tolerance: tolerance)
                let outline = block.outline === block.land
                    ? land : try block.outline.simplifiedPreservingTopology(tolerance: tolerance)
                var landPath = PathData(), outlinePath = PathData()
                try landPath.appendPolygons(land, frame: frame)
                try outlinePath.appendPolygons(outline, frame: frame)
                let label = try LabelCandidate.inside(try LabelCandidate.labelArea(of: outline), lines: labelLines(block), frame: frame, allowShort: true)
                return BlockShape(block: index, land: landPath, outline: outlinePath, label: label)
            }
        }.flatMap { $0 }

        // Parcels, one path data each, then grouped by a fixed count so the file does not
        // depend on the number of workers.
        let parcels = survey.parcels
        let chosenParcels = content.parcels
        let parcelData = try Parallel.mapChunks(count: chosenParcels.count, workers: workers, minimumChunk: 512) { range in
            try range.map { position -> PathData in
                let simplified = try parcels[chosenParcels[position]].geometry.simplifiedPreservingTopology(tolerance: tolerance)
                var path = PathData()
                try path.appendPolygons(simplified, frame: frame)
                return path
            }
        }.flatMap { $0 }
        var parcelPaths: [PathData] = []
        for start in stride(from: 0, to: parcelData.count, by: parcelsPerPath) {
            var group = PathData()
            for path in parcelData[start..<min(start + parcelsPerPath, parcelData.count)] { group.append(path) }
            if !group.isEmpty { parcelPaths.append(group) }
        }
        let sides = chosenParcels.map { analysis.parcels[$0].areaM2.squareRoot() }.sorted()
        let typicalSide = sides.isEmpty ? 0 : sides[sides.count / 2] * frame.scale

        // The control line and town boundaries, clipped to a little more than the frame so
        // the cut edges fall outside the clip path.
        let clip = try frame.clipPolygon(marginPixels: 12)
        var controlLine = PathData()
        if !analysis.controlArea.isEmpty {
            let clipped = try analysis.controlArea.intersection(clip)
            if !clipped.isEmpty {
                try controlLine.appendPolygons(clipped.simplifiedPreservingTopology(tolerance: tolerance), frame: frame)
            }
        }
        let frameBox = try MapFrame.polygon(frame.extent)
        var townShapes: [Geometry] = []
        var townCandidates: [(area: Double, name: String, label: LabelCandidate)] = []
        for index in content.townsWithShape {
            let town = survey.towns[index]
            guard let shape = town.geometry, let box = shape.envelope, box.intersects(frame.extent.expanded(by: 12 / frame.scale)) else {
                continue
            }
            let clipped = try shape.intersection(clip)
            guard !clipped.isEmpty else { continue }
            townShapes.append(clipped)
            let visible = try shape.intersection(frameBox)
            guard !visible.isEmpty, let polygonal = try visible.polygonalPart() else { continue }
            let lines = [LabelCandidate.Line(text: town.name, fontSize: MapStyle.townLabelSize, bold: true)]
            if let label = try LabelCandidate.inside(polygonal, lines: lines, frame: frame, letterSpacing: MapStyle.townLabelSpacing) {
                townCandidates.append((try polygonal.area(), town.name, label))
            }
        }
        let townBoundaries = try BoundaryLines.path(of: townShapes, frame: frame)
        var focusMask = PathData()
        if let focus = content.focusTown, let shape = survey.towns[focus].geometry {
            let outside = try clip.difference(shape)
            try focusMask.appendPolygons(outside.simplifiedPreservingTopology(tolerance: tolerance), frame: frame)
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

