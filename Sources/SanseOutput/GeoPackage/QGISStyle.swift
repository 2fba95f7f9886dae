import GeoKit
import SanseModel

/// QGIS layer styles (QML) for the 三色 layers.
enum QGISStyle {
    static func rgb(_ hex: String, alpha: Double = 1) -> String {
        let digits = Array(hex.dropFirst())
        let value = Int(String(digits), radix: 16) ?? 0
        return "\(value >> 16 & 255),\(value >> 8 & 255),\(value & 255),\(Int((alpha * 255).rounded()))"
    }

    private static func fillSymbol(name: String, fill: String, fillOpacity: Double, outline: String, outlineWidth: Double, dashed: Bool = false) -> String {
        """
        <symbol type="fill" name="\(name)" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">\
        <Option type="QString" name="color" value="\(rgb(fill, alpha: fillOpacity))"/>\
        <Option type="QString" name="style" value="\(fillOpacity > 0 ? "solid" : "no")"/>\
        <Option type="QString" name="outline_color" value="\(rgb(outline))"/>\
        <Option type="QString" name="outline_style" value="\(dashed ? "dash" : "solid")"/>\
        <Option type="QString" name="outline_width" value="\(outlineWidth)"/>\
        <Option type="QString" name="outline_width_unit" value="MM"/>\
        </Option></layer></symbol>
        """
    }

    static func categorized(fillOpacity: Double, outlineWidth: Double, labelled: Bool) -> String {
        let categories = Category.allCases.enumerated().map { index, category in
            #"<category value="\#(category.rawValue)" symbol="\#(index)" label="\#(category.chinese)" render="true"/>"#
        }.joined()
        let symbols = Category.allCases.enumerated().map { index, category in
            fillSymbol(name: String(index), fill: category.fillColour, fillOpacity: fillOpacity, outline: category.strokeColour, outlineWidth: outlineWidth)
        }.joined()
        let labels = labelled ? """
        <labeling type="simple"><settings calloutType="simple"><text-style fieldName="block_id || '\\n' || round(land_mu, 1) || '亩'" isExpression="1" fontSize="8" fontFamily="Noto Sans CJK SC" textColor="30,30,30,255"><text-buffer bufferDraw="1" bufferSize="0.8" bufferColor="255,255,255,255"/></text-style><placement placement="1"/><rendering obstacle="1"/></settings></labeling>
        """ : ""
        return """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version="3.28.0" styleCategories="Symbology|Labeling">\
        <renderer-v2 type="categorizedSymbol" attr="category" forceraster="0" symbollevels="0" enableorderby="0">\
        <categories>\(categories)</categories><symbols>\(symbols)</symbols></renderer-v2>\(labels)</qgis>
        """
    }

    static func dashedOutline() -> String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version="3.28.0" styleCategories="Symbology">\
        <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0"><symbols>\
        \(fillSymbol(name: "0", fill: "#ffffff", fillOpacity: 0, outline: "#8e24aa", outlineWidth: 0.8, dashed: true))\
        </symbols></renderer-v2></qgis>
        """
    }
}
