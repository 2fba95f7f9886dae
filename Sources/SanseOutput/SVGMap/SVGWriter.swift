import SanseModel

/// An SVG document under construction, as UTF-8 bytes: held whole, or streamed to a file a
/// megabyte at a time (a county map of a million parcels is tens of MB that need not all be
/// in memory at once).
struct SVGWriter {
    private(set) var bytes: [UInt8] = []
    private let sink: Sink?
    private let bufferBytes: Int

    /// Where a streamed document goes; keeps the first write error for `finish`.
    private final class Sink {
        let file: FileOutput
        var error: (any Error)?

        init(_ file: FileOutput) { self.file = file }

        func write(_ bytes: [UInt8]) {
            guard error == nil else { return }
            do { try file.write(bytes) } catch { self.error = error }
        }
    }

    static let streamedBufferBytes = 1 << 20

    /// A document held in `bytes`.
    init() {
        sink = nil
        bufferBytes = .max
    }

    /// A document written to `file` as it is made, `bufferBytes` at a time; `finish()` writes
    /// the rest.
    init(streamingTo file: FileOutput, bufferBytes: Int = streamedBufferBytes) {
        sink = Sink(file)
        self.bufferBytes = bufferBytes
        bytes.reserveCapacity(2 * bufferBytes)
    }

    /// Room for `count` more bytes, so a big document is not grown (and copied) by doubling.
    mutating func reserve(_ count: Int) {
        guard sink == nil else { return }
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Hands what is written so far to the file once a megabyte has gathered.
    private mutating func passOnIfFull() {
        guard let sink, bytes.count >= bufferBytes else { return }
        sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left to the file, or throws the first write error.
    mutating func finish() throws {
        guard let sink else { return }
        sink.write(bytes)
        bytes = []
        if let error = sink.error { throw error }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        passOnIfFull()
    }

    mutating func raw(_ path: PathData) {
        bytes.append(contentsOf: path.bytes)
        passOnIfFull()
    }

    mutating func append(_ other: SVGWriter) {
        bytes.append(contentsOf: other.bytes)
        passOnIfFull()
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
