import Foundation
import GeoKit
import SanseModel

/// The interactive 三色 map: `index.html`, opened by double-clicking it (from `file://`, with
/// no server and no network), Leaflet and the viewer's scripts under `web/`, and the run's
/// data as compact scripts under `web/data/` (and `web/data-gcj02/` with `--web-crs gcj02`).
enum ViewerFiles {
    static let page = "index.html"

    static let product = OutputProduct(
        stage: "write viewer", ownThread: false,
        files: { content in
            let towns = ViewerTowns(survey: content.survey, analysis: content.analysis)
            return [page] + EmbeddedViewerAssets.files.map(\.path)
                + content.webSystems.flatMap { ViewerDataFiles.fileNames($0, towns: towns) }
                + [ViewerDataFiles.folder(.wgs84) + "/" + ViewerSearchIndex.file]
        },
        write: write)

    private static func write(_ content: OutputContent, folder: OutputFolder) throws {
        for (path, _, text) in EmbeddedViewerAssets.files {
            try FileManager.default.createDirectory(
                atPath: folder.path((path as NSString).deletingLastPathComponent), withIntermediateDirectories: true)
            try ViewerFile.write(bytes(text), to: folder.path(path))
        }
        try ViewerFile.write(Array(pageText().utf8), to: folder.path(page))
        let towns = ViewerTowns(survey: content.survey, analysis: content.analysis)
        let origin = try Self.origin(content)
        for web in content.webSystems {
            try ViewerDataFiles(content: content, towns: towns, web: web, origin: origin).write(to: folder)
            FreedMemory.returnToSystem()
        }
        let search = ViewerSearchIndex.script(content: content, towns: towns)
        try ViewerFile.write(search, to: folder.path(ViewerDataFiles.folder(.wgs84) + "/" + ViewerSearchIndex.file))
    }

    static func pageText() -> String {
        let title = "老旧工业区块“三色”图"
        return bytes(EmbeddedViewerAssets.indexTemplate).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            .replacingOccurrences(of: "{{title}}", with: title)
    }

    static func bytes(_ text: StaticString) -> [UInt8] {
        text.withUTF8Buffer { Array($0) }
    }

    /// The layers' reference point: the parcels' middle in lon/lat, to a thousandth of a
    /// degree, so every first point of a feature is a small number.
    private static func origin(_ content: OutputContent) throws -> MicrodegreePoint {
        let boxes = content.analysis.blocks.compactMap(\.land.envelope)
        guard let first = boxes.first else { return MicrodegreePoint(x: 0, y: 0) }
        let box = boxes.dropFirst().reduce(first) { $0.union($1) }
        var centre = [box.center]
        let transformer = try InterpolatingTransformer.forCurrentThread(
            from: content.survey.analysisCRS.definition, to: "EPSG:4326")
        guard transformer.transform(&centre).isEmpty else { return MicrodegreePoint(x: 0, y: 0) }
        return MicrodegreePoint(
            x: Int((centre[0].x * 1e3).rounded()) * 1000, y: Int((centre[0].y * 1e3).rounded()) * 1000)
    }
}
