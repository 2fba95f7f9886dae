/// An SVG document under construction, as UTF-8 bytes.
struct SVGWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Room for `count` more bytes, so a big document is not grown (and copied) by doubling.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ path: PathData) {
        bytes.append(contentsOf: path.bytes)
    }

    mutating func append(_ other: SVGWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    /// `<name a="v" …/>` or, with `content`, `<name …>content</name>` (content escaped).
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        raw("<" + name)
        for (key, value) in attributes { raw(" \(key)=\"\(SVGText.escaped(value))\"") }
        if let text {
            raw(">" + SVGText.escaped(text) + "</\(name)>\n")
        } else {
            raw("/>\n")
        }
    }

    /// `<text x y …>text</text>` with pixel coordinates.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "start", bold: Bool = false,
        fill: String? = nil, extra: String = ""
    ) {
        var attributes = "x=\"\(SVGText.px(x))\" y=\"\(SVGText.px(y))\" font-size=\"\(SVGText.px(size))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        if !extra.isEmpty { attributes += " " + extra }
        raw("<text \(attributes)>\(SVGText.escaped(content))</text>\n")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
