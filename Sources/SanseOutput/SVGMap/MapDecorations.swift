import SanseModel

/// The scale bar and the north arrow.
enum MapDecorations {
    /// A scale bar's length in metres: the largest 1, 2 or 5 × 10ⁿ that is at most `maxPixels`
    /// long at `scale` pixels per metre.
    static func scaleBarMetres(maxPixels: Double, scale: Double) -> Double {
        let limit = maxPixels / scale
        var magnitude = 1.0
        while magnitude * 10 <= limit { magnitude *= 10 }
        while magnitude > limit { magnitude /= 10 }
        for step in [5.0, 2.0, 1.0] where step * magnitude <= limit { return step * magnitude }
        return magnitude
    }

    /// A value in the bar's unit: `500`, `2.5`, `0.25`.
    static func scaleText(_ metres: Double, inKilometres: Bool) -> String {
        let value = inKilometres ? metres / 1000 : metres
        for decimals in 0...4 {
            var factor = 1.0
            for _ in 0..<decimals { factor *= 10 }
            if abs((value * factor).rounded() - value * factor) < 1e-6 { return SVGText.fixed(value, decimals: decimals) }
        }
        return SVGText.fixed(value, decimals: 4)
    }

    /// A segmented scale bar whose left end is at (x, y): alternate black and white segments,
    /// round values under the ticks, the unit after the bar. Returns its height.
    static func scaleBar(_ out: inout SVGWriter, x: Double, y: Double, maxPixels: Double, scale: Double) -> Double {
        let metres = scaleBarMetres(maxPixels: maxPixels, scale: scale)
        let length = metres * scale
        let leading = Int((metres / pow10(metres)).rounded())
        // 1 and 2 split in quarters (labelled at 0, ½, 1); 5 in fifths (labelled at each
        // whole step when there is room).
        let segments = leading == 5 ? 5 : 4
        let labelled = leading == 5 ? Array(0...5) : [0, 2, 4]
        let kilometres = metres >= 1000
        let barHeight = 7.0
        out.raw("<g id=\"scale-bar\" data-metres=\"\(SVGText.fixed(metres, decimals: 0))\">\n")
        let step = length / Double(segments)
        for segment in 0..<segments {
            out.raw("<rect x=\"\(SVGText.px(x + step * Double(segment)))\" y=\"\(SVGText.px(y))\" width=\"\(SVGText.px(step))\" height=\"\(SVGText.px(barHeight))\" fill=\"\(segment % 2 == 0 ? "#222222" : "#ffffff")\" stroke=\"#222222\" stroke-width=\"0.8\"/>\n")
        }
        let values = labelled.map { scaleText(metres * Double($0) / Double(segments), inKilometres: kilometres) }
        let widest = values.map { SVGText.width($0, fontSize: 12) }.max() ?? 0
        let room = step * Double(labelled.count > 1 ? labelled[1] - labelled[0] : 1)
        for (tick, text) in zip(labelled, values) {
            // Crowded inner labels give way; the ends always show.
            if tick != 0, tick != segments, room < widest + 6 { continue }
            out.text(text, x: x + step * Double(tick), y: y + barHeight + 15, size: 12, anchor: "middle", fill: MapStyle.textColour)
        }
        out.text(kilometres ? "km" : "m", x: x + length + 8, y: y + barHeight, size: 13, fill: MapStyle.textColour)
        out.raw("</g>\n")
        return barHeight + 19
    }

    private static func pow10(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value * (1 + 1e-9) { magnitude *= 10 }
        while magnitude > value * (1 + 1e-9) { magnitude /= 10 }
        return magnitude
    }

    /// A north arrow centred on (x, y): a split arrowhead under an `N`. The analysis CRS is a
    /// projected grid with north up (grid convergence is ignored). Returns its height.
    static func northArrow(_ out: inout SVGWriter, x: Double, y: Double) -> Double {
        out.raw("<g id=\"north-arrow\" transform=\"translate(\(SVGText.px(x)) \(SVGText.px(y)))\" stroke=\"#222222\" stroke-width=\"1\" stroke-linejoin=\"round\">\n")
        out.raw("<path d=\"M0 -22L11 20L0 12Z\" fill=\"#222222\"/>\n")
        out.raw("<path d=\"M0 -22L-11 20L0 12Z\" fill=\"#ffffff\"/>\n")
        out.raw("<text y=\"-28\" font-size=\"17\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222222\" stroke=\"none\">N</text>\n")
        out.raw("</g>\n")
        return 64
    }
}
