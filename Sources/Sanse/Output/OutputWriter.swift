import Foundation
import GeoKit

/// Writes every output file of a run into the staging folder.
///
/// The GeoPackage (one SQLite connection, so one core) and the inputs' SHA-256 run on threads
/// of their own while the GeoJSON, tables and maps, which use every worker, are written; the
/// files are the same as when written one after another.
enum OutputWriter {
    static func write(_ report: RunReport, request: RunRequest, folder: OutputFolder, timings: inout StageTimings) throws -> [String] {
        let survey = report.survey, analysis = report.analysis
        let crs = survey.analysisCRS.definition
        let workers = request.workers
        let blocks = analysis.blocks
        let parcels = survey.parcels
        let sourceNames = FeatureProperties.sourceNames(survey.parcelFields)
        var written: [String] = []
        let webSystems: [WebCRS] = [.wgs84] + request.webCopies.filter { $0 != .wgs84 }
        let started = DispatchTime.now().uptimeNanoseconds

        try SharedGeometry.cacheEnvelopes(survey: survey, analysis: analysis, workers: workers)
        let geoPackagePath = folder.path("sanse.gpkg")
        let geoPackage = BackgroundJob {
            try GeoPackageExport.write(to: geoPackagePath, survey: survey, analysis: analysis)
        }
        let inputs = request.inputs
        let inputPaths = Set(survey.layers.map(\.path) + [inputs.parcels.path, inputs.controlLines.path]
            + [inputs.towns?.path, inputs.attributes?.path].compactMap { $0 })
        let digests = BackgroundJob {
            Dictionary(uniqueKeysWithValues: inputPaths.map { ($0, RunManifest.files(of: $0)) })
        }
        do {
            try writeForeground()
        } catch {
            // The background writers still use the staging folder: let them finish first.
            _ = geoPackage.wait()
            _ = digests.wait()
            throw error
        }
        try geoPackage.wait().get()
        timings.record("write geopackage", seconds: geoPackage.seconds)
        written.append("sanse.gpkg")
        let inputFiles = try digests.wait().get()
        timings.record("write outputs", seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        func files(_ path: String) -> [RunManifest.InputFile] { inputFiles[path] ?? RunManifest.files(of: path) }

        func writeForeground() throws {
            try timings.measure("write geojson") {
                for web in webSystems {
                    let suffix = web == .wgs84 ? "geojson" : "\(web.rawValue).geojson"
                    try WebGeoJSONWriter.write(to: folder.path("blocks.\(suffix)"), count: blocks.count, analysisCRS: crs, webCRS: web, workers: workers) { index in
                        (FeatureProperties.block(blocks[index]), blocks[index].land)
                    }
                    try WebGeoJSONWriter.write(to: folder.path("outlines.\(suffix)"), count: blocks.count, analysisCRS: crs, webCRS: web, workers: workers) { index in
                        (FeatureProperties.outline(blocks[index]), blocks[index].outline)
                    }
                    let results = analysis.parcels
                    let keys = FeatureProperties.parcelKeyTexts(sourceNames: sourceNames)
                    try WebGeoJSONWriter.write(to: folder.path("parcels.\(suffix)"), count: parcels.count, analysisCRS: crs, webCRS: web,
                                               workers: workers) { index, out in
                        let result = results[index]
                        FeatureProperties.appendParcel(parcels[index], result, blockID: blocks[result.blockIndex].id, keys: keys, to: &out)
                        return parcels[index].shape
                    }
                    let control = analysis.controlArea.parts.filter { !$0.isEmpty }
                    try WebGeoJSONWriter.write(to: folder.path("control-lines.\(suffix)"), count: control.count, analysisCRS: crs, webCRS: web, workers: 1) { index in
                        ([("part", .integer(Int64(index + 1))), ("area_m2", .number((try? control[index].area()) ?? 0, decimals: 2)),
                          ("stroke", .string("#8e24aa")), ("fill-opacity", .number(0, decimals: 0)), ("title", .string("工业控制线"))],
                         try FlatPolygons(control[index]))
                    }
                    written += ["blocks", "outlines", "parcels", "control-lines"].map { "\($0).\(suffix)" }
                }
            }

            FreedMemory.returnToSystem()
            try timings.measure("write tables") {
                let title = "\(request.config.surveyName) 三色分区统计"
                let notes = [
                    "分析坐标系：\(survey.analysisCRS.definition)（\(survey.analysisCRS.name)）",
                    "连片容差 \(RuleEngine.format(request.config.contiguity.gapMetres, .landM2, threshold: true)) 米；1 亩 = 10000/15 平方米",
                    "宗地 \(parcels.count) 宗，区块 \(blocks.count) 个；问题记录 \(report.issues.count) 条（见 issues.csv）",
                ]
                let files: [(String, String)] = [
                    ("summary.csv", Tables.summaryCSV(analysis.towns)),
                    ("summary.md", Tables.summaryMarkdown(analysis.towns, title: title, notes: notes)),
                    ("issues.csv", Tables.issuesCSV(report.issues)),
                ]
                for (name, text) in files {
                    guard let file = FileOutput(path: folder.path(name)) else { throw OutputError(path: folder.path(name), message: "cannot create the file") }
                    try file.write(text)
                    try file.finish()
                    written.append(name)
                }
                try Tables.writeBlocksCSV(to: folder.path("blocks.csv"), blocks, parcels: parcels, workers: workers)
                try Tables.writeParcelsCSV(to: folder.path("parcels.csv"), parcels, analysis.parcels, blocks: blocks, workers: workers)
                written += ["blocks.csv", "parcels.csv"]
            }

            FreedMemory.returnToSystem()
            try timings.measure("write maps") {
                written += try MapFiles.write(survey: survey, analysis: analysis, request: request, folder: folder)
            }
        }

        written.append("run.json")
        let manifest = RunManifest(
            runName: request.runName,
            fingerprint: RunFingerprint.of(request, files: files, rows: { _, role in
                survey.layers.first { $0.role == role }?.rowsSHA256
            }),
            inputs: survey.layers.map {
                RunManifest.Input(role: $0.role, path: DatasetName.publicForm($0.path), layer: $0.layer,
                                  driver: $0.driver, sourceCRS: $0.sourceCRS, featuresRead: $0.featuresRead,
                                  featuresKept: $0.featuresKept, files: files($0.path), rowsSHA256: $0.rowsSHA256)
            },
            config: ConfigSnapshot(request.config),
            analysisCRS: .init(definition: survey.analysisCRS.definition, name: survey.analysisCRS.name, reason: survey.analysisCRS.reason),
            webCopies: webSystems.map { web in
                web == .wgs84
                    ? .init(crs: "EPSG:4326 (WGS 84, RFC 7946)", files: ["blocks.geojson", "outlines.geojson", "parcels.geojson", "control-lines.geojson"],
                            approximate: false, note: "longitude/latitude, 7 decimals")
                    : .init(crs: "GCJ-02", files: ["blocks", "outlines", "parcels", "control-lines"].map { "\($0).gcj02.geojson" },
                            approximate: true, note: "offset by the public WGS 84 → GCJ-02 formula, for 高德/腾讯 base maps; metre-level approximation")
            },
            counts: .init(
                parcels: parcels.count, blocks: blocks.count,
                blocksByCategory: Dictionary(uniqueKeysWithValues: Category.allCases.map { c in (c.rawValue, blocks.filter { $0.category == c }.count) }),
                landMuByCategory: Dictionary(uniqueKeysWithValues: Category.allCases.map { c in
                    (c.rawValue, blocks.filter { $0.category == c }.reduce(0) { $0 + $1.landMu })
                }),
                tenHectareClusters: blocks.filter(\.isCluster10ha).count,
                renovationCandidates: blocks.filter(\.renovationCandidate).count,
                issuesByKind: Dictionary(grouping: report.issues, by: \.kind.rawValue).mapValues(\.count)),
            workers: workers,
            outputs: written.dropLast().map { name in
                .init(file: name, bytes: (try? FileManager.default.attributesOfItem(atPath: folder.path(name))[.size] as? Int) ?? 0)
            },
            timings: timings.stages.map { .init(stage: $0.name, seconds: ($0.seconds * 1000).rounded() / 1000) })
        try manifest.json().write(to: URL(fileURLWithPath: folder.path("run.json")))
        return written
    }
}
