import GeoKit
import SanseModel

/// The 三色 map a planner prints in the work plan (SPEC "Outputs → The SVG map"): blocks
/// filled blue / yellow / red, parcel boundaries, the control line dashed, town boundaries and
/// names, block labels that never overlap, and beside the map a Chinese legend with each
/// colour's block count and area, the north arrow, a scale bar and the CRS and source notes.
///
/// Geometry is simplified (Douglas–Peucker on the pixel grid, under half a pixel) and written
/// as compact path data, so 100 000 parcels give a file a browser opens in seconds. The same input gives
/// byte-identical output, whatever the number of workers.
public enum SVGMap {
    public static func render(survey: Survey, analysis: AnalysisResult, options: SVGMapOptions) throws -> String {
        try render(survey: survey, analysis: analysis, options: options, workers: Parallel.defaultWorkerCount)
    }

    static func render(survey: Survey, analysis: AnalysisResult, options: SVGMapOptions, workers: Int) throws -> String {
        String(decoding: try renderBytes(survey: survey, analysis: analysis, options: options, workers: workers), as: UTF8.self)
    }

    /// The document as UTF-8, for writing: a county map of a million parcels is tens of MB,
    /// and every copy of it (as a String, back to bytes) counts towards the run's peak memory.
    static func renderBytes(survey: Survey, analysis: AnalysisResult, options: SVGMapOptions, workers: Int = Parallel.defaultWorkerCount) throws -> [UInt8] {
        var out = SVGWriter()
        try render(into: &out, survey: survey, analysis: analysis, options: options, workers: workers)
        return out.bytes
    }

    /// The document written straight to `path`, a megabyte at a time.
    static func write(
        to path: String, survey: Survey, analysis: AnalysisResult, options: SVGMapOptions, workers: Int = Parallel.defaultWorkerCount,
        bufferBytes: Int = SVGWriter.streamedBufferBytes
    ) throws {
        guard let file = FileOutput(path: path) else { throw OutputError(path: path, message: "cannot create the file") }
        defer { file.close() }
        var out = SVGWriter(streamingTo: file, bufferBytes: bufferBytes)
        try render(into: &out, survey: survey, analysis: analysis, options: options, workers: workers)
        try out.finish()
        try file.finish()
    }

    private static func render(into out: inout SVGWriter, survey: Survey, analysis: AnalysisResult, options: SVGMapOptions, workers: Int) throws {
        guard options.widthPixels.isFinite, options.widthPixels >= 200, options.widthPixels <= 20_000 else {
            throw SVGMapError.badWidth(options.widthPixels)
        }
        let content = try MapContent(survey: survey, analysis: analysis, town: options.town)
        let frame = MapFrame(content: content.extent, widthPixels: options.widthPixels)
        let layers = try MapLayers.draw(content: content, survey: survey, analysis: analysis, frame: frame, workers: workers)
        let legend = Legend(analysis: analysis, content: content, hasTownBoundaries: !layers.townBoundaries.isEmpty)
        SVGPage.write(into: &out, options: options, survey: survey, analysis: analysis, frame: frame, layers: layers, legend: legend)
    }
}

/// The page: title over everything, the map frame on the left, the legend panel on the right.
enum SVGPage {
    static let margin = 36.0
    static let headerHeight = 92.0
    static let panelGap = 24.0
    static let panelWidth = 340.0
    static let panelPadding = 20.0

    static func write(
        into out: inout SVGWriter, options: SVGMapOptions, survey: Survey, analysis: AnalysisResult, frame: MapFrame, layers: MapLayers, legend: Legend
    ) {
        let mapX = margin, mapY = margin + headerHeight
        let panelX = mapX + frame.widthPixels + panelGap
        let pageWidth = panelX + panelWidth + margin

        let crsNote = options.crsNote.isEmpty
            ? "坐标系 \(survey.analysisCRS.name) (\(survey.analysisCRS.definition))" : options.crsNote
        var panel = SVGWriter()
        let legendHeight = writePanel(&panel, legend: legend, frame: frame)
        // The notes sit at the foot of the panel.
        let noteLines = [crsNote, options.sourceNote].filter { !$0.isEmpty }.map {
            SVGText.wrapped($0, fontSize: 12, maxWidth: panelWidth - 2 * panelPadding)
        }
        let notesHeight = noteLines.reduce(0) { $0 + Double($1.count) * 17 + 4 } + 14
        let panelHeight = max(frame.heightPixels, legendHeight + 20 + notesHeight)
        panel.raw("<g id=\"notes\" font-size=\"12\" fill=\"\(MapStyle.mutedTextColour)\">\n")
        var noteY = panelHeight - notesHeight
        panel.raw("<line x1=\"\(SVGText.px(panelPadding))\" y1=\"\(SVGText.px(noteY - 4))\" x2=\"\(SVGText.px(panelWidth - panelPadding))\" y2=\"\(SVGText.px(noteY - 4))\" stroke=\"#bbbbbb\" stroke-width=\"0.8\"/>\n")
        for lines in noteLines {
            for line in lines {
                panel.text(line, x: panelPadding, y: noteY + 12, size: 12)
                noteY += 17
            }
            noteY += 4
        }
        panel.raw("</g>\n")
        let pageHeight = mapY + max(frame.heightPixels, panelHeight) + margin

        let w = SVGText.px(pageWidth), h = SVGText.px(pageHeight)
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(SVGText.fontFamily)\">\n")
        out.element("title", [:], text: options.title)
        let description = [options.subtitle, crsNote, options.sourceNote].filter { !$0.isEmpty }.joined(separator: "；")
        if !description.isEmpty { out.element("desc", [:], text: description) }
        out.raw("<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n")

        // Title and subtitle, shrunk to fit the page if need be.
        let available = pageWidth - 2 * margin
        let titleSize = max(16, min(30, 30 * available / max(1, SVGText.width(options.title, fontSize: 30, letterSpacing: 2))))
        out.raw("<g id=\"header\" text-anchor=\"middle\" fill=\"\(MapStyle.textColour)\">\n")
        out.text(options.title, x: pageWidth / 2, y: margin + 34, size: titleSize.rounded(.down), bold: true, extra: "letter-spacing=\"2\"")
        if !options.subtitle.isEmpty {
            let subtitleSize = max(11, min(17, 17 * available / max(1, SVGText.width(options.subtitle, fontSize: 17))))
            out.text(options.subtitle, x: pageWidth / 2, y: margin + 66, size: subtitleSize.rounded(.down), fill: MapStyle.mutedTextColour)
        }
        out.raw("</g>\n")

        writeMap(&out, x: mapX, y: mapY, frame: frame, layers: layers, analysis: analysis)

        out.raw("<g id=\"legend\" transform=\"translate(\(SVGText.px(panelX)) \(SVGText.px(mapY)))\">\n")
        out.raw("<rect width=\"\(SVGText.px(panelWidth))\" height=\"\(SVGText.px(panelHeight))\" fill=\"#ffffff\" stroke=\"\(MapStyle.frameColour)\" stroke-width=\"1.2\"/>\n")
        out.append(panel)
        out.raw("</g>\n</svg>\n")
    }

    // MARK: The map frame

    private static func writeMap(_ out: inout SVGWriter, x: Double, y: Double, frame: MapFrame, layers: MapLayers, analysis: AnalysisResult) {
        out.reserve(layers.pathBytes + 64 * layers.blockLabels.count + 4096)
        let w = SVGText.px(frame.widthPixels), h = SVGText.px(frame.heightPixels)
        out.raw("<defs><clipPath id=\"map-clip\"><rect width=\"\(w)\" height=\"\(h)\"/></clipPath></defs>\n")
        out.raw("<g id=\"map\" transform=\"translate(\(SVGText.px(x)) \(SVGText.px(y)))\">\n")
        out.raw("<g clip-path=\"url(#map-clip)\">\n")

        // Block outlines (land with its internal roads), lightly tinted, one path per colour.
        out.raw("<g id=\"block-outlines\" fill-rule=\"evenodd\" fill-opacity=\"\(MapStyle.outlineOpacity)\" stroke-width=\"\(MapStyle.outlineStrokeWidth)\" stroke-linejoin=\"round\">\n")
        for category in Category.allCases {
            var combined = PathData()
            for shape in layers.blocks where analysis.blocks[shape.block].category == category { combined.append(shape.outline) }
            guard !combined.isEmpty else { continue }
            out.raw("<path class=\"outline \(category.rawValue)\" fill=\"\(category.fillColour)\" stroke=\"\(category.strokeColour)\" d=\"")
            out.raw(combined)
            out.raw("\"/>\n")
        }
        out.raw("</g>\n")

        // Block land, one element per block for scripting.
        out.raw("<g id=\"blocks\" fill-rule=\"evenodd\" fill-opacity=\"\(MapStyle.landOpacity)\" stroke=\"none\">\n")
        for category in Category.allCases {
            let shapes = layers.blocks.filter { analysis.blocks[$0.block].category == category }
            guard !shapes.isEmpty else { continue }
            out.raw("<g class=\"\(category.rawValue)\" fill=\"\(category.fillColour)\">\n")
            for shape in shapes {
                let block = analysis.blocks[shape.block]
                let mu = SVGText.fixed(block.landMu, decimals: 2)
                out.raw("<path class=\"block \(category.rawValue)\" data-block-id=\"\(SVGText.escaped(block.id))\" data-land-mu=\"\(mu)\" d=\"")
                out.raw(shape.land)
                let title = [block.id, block.town ?? "", category.chinese, SVGText.fixed(block.landMu, decimals: 1) + "亩"]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                out.raw("\"><title>\(SVGText.escaped(title))</title></path>\n")
            }
            out.raw("</g>\n")
        }
        out.raw("</g>\n")

        // Parcel boundaries.
        if !layers.parcelPaths.isEmpty {
            let stroke = MapStyle.parcelStroke(typicalSidePixels: layers.typicalParcelSide)
            out.raw("<g id=\"parcels\" fill=\"none\" stroke=\"\(MapStyle.parcelColour)\" stroke-width=\"\(stroke.width)\" stroke-opacity=\"\(stroke.opacity)\" stroke-linejoin=\"round\">\n")
            for path in layers.parcelPaths {
                out.raw("<path d=\"")
                out.raw(path)
                out.raw("\"/>\n")
            }
            out.raw("</g>\n")
        }

        if !layers.controlLine.isEmpty {
            out.raw("<g id=\"control-line\" fill=\"none\" stroke=\"\(MapStyle.controlColour)\" stroke-width=\"\(MapStyle.controlWidth)\" stroke-dasharray=\"\(MapStyle.controlDash)\" stroke-linejoin=\"round\">\n<path d=\"")
            out.raw(layers.controlLine)
            out.raw("\"/>\n</g>\n")
        }

        if !layers.focusMask.isEmpty {
            out.raw("<path id=\"outside-town\" fill=\"#ffffff\" fill-opacity=\"\(MapStyle.outsideFocusOpacity)\" fill-rule=\"evenodd\" stroke=\"none\" d=\"")
            out.raw(layers.focusMask)
            out.raw("\"/>\n")
        }

        if !layers.townBoundaries.isEmpty {
            out.raw("<g id=\"town-boundaries\" fill=\"none\" stroke=\"\(MapStyle.townColour)\" stroke-width=\"\(MapStyle.townWidth)\" stroke-dasharray=\"\(MapStyle.townDash)\" stroke-linejoin=\"round\" stroke-linecap=\"butt\">\n<path d=\"")
            out.raw(layers.townBoundaries)
            out.raw("\"/>\n</g>\n")
        }

        let halo = "stroke=\"#ffffff\" stroke-width=\"\(MapStyle.haloWidth)\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\" paint-order=\"stroke\""
        if !layers.townLabels.isEmpty {
            out.raw("<g id=\"town-labels\" text-anchor=\"middle\" fill=\"\(MapStyle.townLabelColour)\" font-weight=\"bold\" letter-spacing=\"\(MapStyle.townLabelSpacing)\" \(halo)>\n")
            for label in layers.townLabels {
                let line = label.lines[0]
                let baseline = label.center.y + line.fontSize * 0.36
                out.text(line.text, x: label.center.x, y: baseline, size: line.fontSize)
            }
            out.raw("</g>\n")
        }

        if !layers.blockLabels.isEmpty {
            out.raw("<g id=\"block-labels\" text-anchor=\"middle\" fill=\"\(MapStyle.labelColour)\" \(halo)>\n")
            for (position, label) in layers.blockLabels {
                let block = analysis.blocks[layers.blocks[position].block]
                let first = label.lines[0]
                let x = SVGText.px(label.center.x)
                guard label.lines.count > 1 else {
                    let baseline = label.center.y + first.fontSize * 0.36
                    out.raw("<text data-block-id=\"\(SVGText.escaped(block.id))\" x=\"\(x)\" y=\"\(SVGText.px(baseline))\" font-size=\"\(SVGText.px(first.fontSize))\" font-weight=\"bold\">\(SVGText.escaped(first.text))</text>\n")
                    continue
                }
                let second = label.lines[1]
                if label.inline {
                    let baseline = label.center.y + first.fontSize * 0.36
                    out.raw("<text data-block-id=\"\(SVGText.escaped(block.id))\" x=\"\(x)\" y=\"\(SVGText.px(baseline))\" font-size=\"\(SVGText.px(first.fontSize))\">")
                    out.raw("<tspan font-weight=\"bold\">\(SVGText.escaped(first.text))</tspan>")
                    out.raw("<tspan dx=\"\(SVGText.px(LabelCandidate.inlineGap))\" font-size=\"\(SVGText.px(second.fontSize))\">\(SVGText.escaped(second.text))</tspan></text>\n")
                    continue
                }
                let top = label.center.y - label.height / 2 + 1
                let baseline1 = top + first.fontSize * 0.88
                let baseline2 = baseline1 + LabelCandidate.leading + second.fontSize
                out.raw("<text data-block-id=\"\(SVGText.escaped(block.id))\" x=\"\(x)\" y=\"\(SVGText.px(baseline1))\" font-size=\"\(SVGText.px(first.fontSize))\">")
                out.raw("<tspan font-weight=\"bold\">\(SVGText.escaped(first.text))</tspan>")
                out.raw("<tspan x=\"\(x)\" y=\"\(SVGText.px(baseline2))\" font-size=\"\(SVGText.px(second.fontSize))\">\(SVGText.escaped(second.text))</tspan></text>\n")
            }
            out.raw("</g>\n")
        }

        out.raw("</g>\n")
        out.raw("<rect class=\"frame\" width=\"\(w)\" height=\"\(h)\" fill=\"none\" stroke=\"\(MapStyle.frameColour)\" stroke-width=\"1.2\"/>\n")
        out.raw("</g>\n")
    }

    // MARK: The legend panel

    /// Writes the panel's content (coordinates relative to its top left) and returns the
    /// height it needs.
    private static func writePanel(_ out: inout SVGWriter, legend: Legend, frame: MapFrame) -> Double {
        let left = panelPadding, right = panelWidth - panelPadding
        var y = 18.0

        y += MapDecorations.northArrow(&out, x: panelWidth / 2, y: y + 40) + 14

        out.text("图  例", x: panelWidth / 2, y: y + 20, size: 20, anchor: "middle", bold: true, fill: MapStyle.textColour)
        y += 38

        // The three colours with their counts and areas.
        // The count column sits left of the widest area figure (bold in the total row).
        let widestArea = (legend.rows.map(\.mu) + [legend.totalMu])
            .map { SVGText.width("\(SVGText.grouped($0, decimals: 1)) 亩", fontSize: 15) * 1.05 }.max() ?? 0
        let countRight = min(214, right - widestArea - 14)
        out.raw("<g id=\"legend-categories\" font-size=\"15\" fill=\"\(MapStyle.textColour)\">\n")
        for row in legend.rows {
            let category = row.category
            out.raw("<g class=\"legend-category \(category.rawValue)\" data-category=\"\(category.rawValue)\" data-blocks=\"\(row.blocks)\" data-land-mu=\"\(SVGText.fixed(row.mu, decimals: 1))\">\n")
            out.raw("<rect x=\"\(SVGText.px(left))\" y=\"\(SVGText.px(y))\" width=\"40\" height=\"22\" fill=\"\(category.fillColour)\" fill-opacity=\"\(SVGText.fixed(MapStyle.combinedLandOpacity, decimals: 3))\" stroke=\"\(category.strokeColour)\" stroke-width=\"1\"/>\n")
            out.text(category.chinese, x: left + 52, y: y + 17, size: 15)
            out.text("\(SVGText.grouped(Double(row.blocks), decimals: 0)) 个", x: countRight, y: y + 17, size: 15, anchor: "end")
            out.text("\(SVGText.grouped(row.mu, decimals: 1)) 亩", x: right, y: y + 17, size: 15, anchor: "end")
            out.raw("</g>\n")
            y += 32
        }
        out.raw("<line x1=\"\(SVGText.px(left))\" y1=\"\(SVGText.px(y - 4))\" x2=\"\(SVGText.px(right))\" y2=\"\(SVGText.px(y - 4))\" stroke=\"#999999\" stroke-width=\"0.8\"/>\n")
        out.raw("<g class=\"legend-total\" data-blocks=\"\(legend.totalBlocks)\" data-land-mu=\"\(SVGText.fixed(legend.totalMu, decimals: 1))\">\n")
        out.text("合计", x: left + 52, y: y + 17, size: 15, bold: true)
        out.text("\(SVGText.grouped(Double(legend.totalBlocks), decimals: 0)) 个", x: countRight, y: y + 17, size: 15, anchor: "end", bold: true)
        out.text("\(SVGText.grouped(legend.totalMu, decimals: 1)) 亩", x: right, y: y + 17, size: 15, anchor: "end", bold: true)
        out.raw("</g>\n</g>\n")
        y += 40

        // Line symbols.
        func symbolRow(_ name: String, _ draw: (Double) -> String) {
            out.raw(draw(y + 11))
            out.text(name, x: left + 52, y: y + 16, size: 14, fill: MapStyle.textColour)
            y += 28
        }
        let x0 = SVGText.px(left), x1 = SVGText.px(left + 40)
        symbolRow("区块范围（含内部道路）") { mid in
            "<rect x=\"\(x0)\" y=\"\(SVGText.px(mid - 9))\" width=\"40\" height=\"18\" fill=\"#888888\" fill-opacity=\"\(MapStyle.outlineOpacity)\" stroke=\"#555555\" stroke-width=\"\(MapStyle.outlineStrokeWidth)\"/>\n"
        }
        symbolRow("宗地界线") { mid in
            "<rect x=\"\(x0)\" y=\"\(SVGText.px(mid - 9))\" width=\"40\" height=\"18\" fill=\"none\" stroke=\"\(MapStyle.parcelColour)\" stroke-width=\"0.6\" stroke-opacity=\"0.75\"/>\n"
        }
        symbolRow("工业控制线") { mid in
            "<line x1=\"\(x0)\" y1=\"\(SVGText.px(mid))\" x2=\"\(x1)\" y2=\"\(SVGText.px(mid))\" stroke=\"\(MapStyle.controlColour)\" stroke-width=\"\(MapStyle.controlWidth)\" stroke-dasharray=\"\(MapStyle.controlDash)\"/>\n"
        }
        if legend.hasTownBoundaries {
            symbolRow("镇（街道）界") { mid in
                "<line x1=\"\(x0)\" y1=\"\(SVGText.px(mid))\" x2=\"\(x1)\" y2=\"\(SVGText.px(mid))\" stroke=\"\(MapStyle.townColour)\" stroke-width=\"\(MapStyle.townWidth)\" stroke-dasharray=\"\(MapStyle.townDash)\"/>\n"
            }
        }
        // A sample block label.
        out.raw("<text x=\"\(SVGText.px(left + 20))\" y=\"\(SVGText.px(y + 12))\" text-anchor=\"middle\" font-size=\"\(SVGText.px(MapStyle.labelIDSize))\" fill=\"\(MapStyle.labelColour)\"><tspan font-weight=\"bold\">B0001</tspan><tspan x=\"\(SVGText.px(left + 20))\" y=\"\(SVGText.px(y + 25.5))\" font-size=\"\(SVGText.px(MapStyle.labelAreaSize))\">356亩</tspan></text>\n")
        out.text("区块编号 / 用地面积", x: left + 52, y: y + 19, size: 14, fill: MapStyle.textColour)
        y += 44

        // Scale bar.
        out.text("比例尺", x: left, y: y + 14, size: 14, bold: true, fill: MapStyle.textColour)
        y += 26
        y += MapDecorations.scaleBar(&out, x: left + 6, y: y, maxPixels: right - left - 40, scale: frame.scale)

        return y + 12
    }
}
