import GeoKit
import SanseModel

/// The Survey stage: from input files to clean, mapped, projected parcels, control polygons
/// and towns, with every problem in the issue log. This is what `sanse check` runs.
public enum SurveyLoader {
    public struct Result: Sendable {
        public var survey: Survey
        public var issues: IssueLog
        public var timings: StageTimings
    }

    /// - Parameters:
    ///   - analysisCRS: `--crs`, overriding the config's `crs.analysis`.
    ///   - sourceCRS: `--source-crs`, for inputs that declare none.
    ///   - joinOn: `--join-on`, overriding the config's `join.parcel_field`.
    /// - Throws: `SurveyError` when an input cannot be used at all (exit code 2).
    ///   - workers: threads for the geometry work; results do not depend on it.
    public static func load(
        _ inputs: SurveyInputs, config: Config, analysisCRS: String? = nil, sourceCRS: String? = nil, joinOn: String? = nil,
        workers: Int = Parallel.defaultWorkerCount
    ) throws -> Result {
        var issues = IssueLog()
        var timings = StageTimings()
        let configuredSource = sourceCRS ?? config.sourceCRS

        let configuredAnalysis = analysisCRS ?? config.analysisCRS
        let source = try timings.measure("read parcels") {
            try readParcels(inputs.parcels, configuredSource: configuredSource, configuredAnalysis: configuredAnalysis, config: config, workers: workers)
        }
        var rawParcels: RawLayer
        var parcels: [Parcel]
        switch source {
        case .streamed(let layer, let preparation):
            rawParcels = layer
            noteAssumptions(rawParcels, &issues)
            parcels = try timings.measure("prepare parcels") { try preparation.finish(&issues) }
        case .read(let layer):
            rawParcels = layer
            guard let parcelsCRS = rawParcels.crs, let extent = rawParcels.extent else {
                throw SurveyError(path: inputs.parcels.path, message: "layer \(rawParcels.layerName) has no parcel geometries (\(rawParcels.featureCount) features)")
            }
            noteAssumptions(rawParcels, &issues)
            let analysis: AnalysisCRS
            do {
                analysis = try AnalysisCRSResolver.resolve(configured: configuredAnalysis, parcels: parcelsCRS.definition, centre: extent.center)
            } catch {
                throw SurveyError(path: inputs.parcels.path, message: "cannot choose the analysis CRS: \(error)")
            }
            rawParcels.analysis = analysis
            let parcelsProjection = try projection(parcelsCRS, analysis, path: inputs.parcels.path)
            parcels = try timings.measure("prepare parcels") {
                try ParcelLoader.load(rawParcels.takeChunks(), fields: rawParcels.fields, projection: parcelsProjection, config: config, workers: workers, &issues)
            }
        }
        let analysis = rawParcels.analysis!
        guard !parcels.isEmpty else {
            throw SurveyError(path: inputs.parcels.path, message: "none of the \(rawParcels.featureCount) features of layer \(rawParcels.layerName) is a usable parcel polygon" + firstSkip(in: "parcels", issues))
        }
        var layers = [loaded(rawParcels, kept: parcels.count)]

        let rawControl = try timings.measure("read control lines") {
            try LayerReader.read(inputs.controlLines, role: .controlLines, configuredCRS: configuredSource)
        }
        noteAssumptions(rawControl, &issues)
        let controlProjection = try projection(rawControl.crs, analysis, path: inputs.controlLines.path)
        let control = try timings.measure("prepare control lines") {
            try ControlLineLoader.load(rawControl, projection: controlProjection, &issues)
        }
        guard !control.isEmpty else {
            throw SurveyError(path: inputs.controlLines.path, message: "layer \(rawControl.layerName) holds no usable control-line polygon or closed line (\(rawControl.featureCount) features)" + firstSkip(in: "control_lines", issues))
        }
        layers.append(loaded(rawControl, kept: control.count))

        var towns: [Town]
        if let townsInput = inputs.towns {
            let rawTowns = try timings.measure("read towns") {
                try LayerReader.read(townsInput, role: .towns, configuredCRS: configuredSource)
            }
            noteAssumptions(rawTowns, &issues)
            towns = try TownLoader.load(rawTowns, projection: try projection(rawTowns.crs, analysis, path: townsInput.path), config: config, &issues)
            // A towns layer given but unusable would silently fall back to the parcels' field.
            guard !towns.isEmpty else {
                throw SurveyError(path: townsInput.path, message: "layer \(rawTowns.layerName) holds no usable town polygon (\(rawTowns.featureCount) features)" + firstSkip(in: "towns", issues))
            }
            layers.append(loaded(rawTowns, kept: towns.count))
        } else {
            towns = TownLoader.fromParcels(parcels, config: config, &issues)
        }

        var survey = Survey(parcels: parcels, parcelFields: rawParcels.fields, controlPolygons: control,
                            towns: towns, analysisCRS: analysis, layers: layers,
                            enterpriseField: ParcelLoader.Mapping(rawParcels.fields, config.fields).enterprise)

        if let attributesInput = inputs.attributes {
            guard let parcelField = joinOn ?? config.join.parcelField else {
                throw SurveyError(path: attributesInput.path, message: "an attribute table needs a join key: --join-on FIELD or join.parcel_field in the config")
            }
            let table = try LayerReader.read(attributesInput, role: .attributes, configuredCRS: nil, needsCRS: false)
            noteAssumptions(table, &issues)
            let tableField = joinOn == nil ? (config.join.tableField ?? parcelField) : parcelField
            let joined = try timings.measure("join attributes") { try AttributeJoin.apply(table, to: &survey, parcelField: parcelField, tableField: tableField, config: config, &issues) }
            survey.layers.append(loaded(table, kept: table.featureCount - joined.unmatchedRows))
        }

        try timings.measure("check outliers") {
            try SurveyChecks.reportOutliers(survey.parcels, beyondKilometres: config.checks.farFromDataKilometres, workers: workers, &issues)
        }
        return Result(survey: survey, issues: issues, timings: timings)
    }

    private enum ParcelSource {
        /// Read whole; to be prepared once the analysis CRS is chosen from it.
        case read(RawLayer)
        /// Prepared (or being prepared) while it was read; the layer holds no chunks.
        case streamed(RawLayer, ParcelPreparation)
    }

    /// Reads the parcels. When the analysis CRS does not depend on where they lie (it is
    /// configured, or their own projected metric CRS) and GDAL reads them, they are prepared
    /// on the other cores while GDAL reads on, and never held in memory all at once.
    private static func readParcels(_ input: InputSource, configuredSource: String?, configuredAnalysis: String?, config: Config, workers: Int) throws -> ParcelSource {
        let opened = try LayerReader.open(input, role: .parcels, configuredCRS: configuredSource, workers: workers)
        guard case .gdal(let gdal) = opened else {
            guard case .read(let layer) = opened else { preconditionFailure() }
            return .read(layer)
        }
        let declared = gdal.layer.spatialReference
        guard declared != nil || configuredSource != nil,
              let crs = try? SourceCRS.determine(declared: declared, layerName: gdal.layer.name, configured: configuredSource, extent: nil, path: input.path),
              let analysis = AnalysisCRSResolver.resolveBeforeReading(configured: configuredAnalysis, parcels: crs.definition)
        else {
            return .read(try gdal.readAll(configuredCRS: configuredSource, needsCRS: true))
        }
        let parcelsProjection = try projection(crs, analysis, path: input.path)
        let preparation = ParcelPreparation(fields: gdal.fields, projection: parcelsProjection, config: config, workers: workers)
        // The extent is only known once every chunk has gone by: the check that the declared
        // CRS fits the coordinates comes after the read, before anything is kept.
        var extent: Envelope?
        let count: Int
        do {
            count = try gdal.readChunks { chunk in
                if let box = RawLayer.extent(of: [chunk]) { extent = extent.map { $0.union(box) } ?? box }
                preparation.add(chunk)
            }
            try crs.requireNotLonLat(extent, layer: gdal.layer.name, path: input.path)
        } catch {
            preparation.cancel()
            throw error
        }
        var layer = gdal.layer(featureCount: count, crs: crs)
        layer.analysis = analysis
        guard extent != nil else {
            preparation.cancel()
            throw SurveyError(path: input.path, message: "layer \(layer.layerName) has no parcel geometries (\(count) features)")
        }
        return .streamed(layer, preparation)
    }

    /// nil when no reprojection is needed. Makes one transformer here so that a CRS PROJ
    /// cannot handle fails once, with the file named, rather than in every worker.
    private static func projection(_ source: SourceCRS?, _ analysis: AnalysisCRS, path: String) throws -> Projection? {
        guard let source, source.definition != analysis.definition else { return nil }
        do {
            let projection = Projection(source: source.definition, target: analysis.definition)
            _ = try projection.makeTransformer()
            return projection
        } catch {
            throw SurveyError(path: path, message: "cannot transform from \(source.label) to \(analysis.definition): \(error)")
        }
    }

    private static func noteAssumptions(_ raw: RawLayer, _ issues: inout IssueLog) {
        let layer = raw.role.rawValue
        if let assumption = raw.crs?.assumption {
            issues.add(layer, nil, .crsAssumed, .warning, zh: "未声明坐标系：\(assumption)", en: assumption)
        }
        if let assumption = raw.encodingAssumption {
            issues.add(layer, nil, .encodingAssumed, .warning,
                       zh: "\(assumption.file) 未声明字符编码（无 .cpg），其文本不是 UTF-8，按 GBK 读取",
                       en: "\(assumption.file) declares no encoding (no .cpg) and its text is not UTF-8; read as GBK")
        }
    }

    /// Why the first skipped feature of a layer was skipped, for the message of a layer that
    /// has nothing usable left.
    private static func firstSkip(in layer: String, _ issues: IssueLog) -> String {
        guard let skipped = issues.issues.first(where: { $0.layer == layer && $0.severity == .error }) else { return "" }
        return "; e.g. \(skipped.featureID ?? "a feature"): \(skipped.messageEN)"
    }

    private static func loaded(_ raw: RawLayer, kept: Int) -> LoadedLayer {
        var layer = LoadedLayer(role: raw.role.rawValue, path: raw.path, layer: raw.layerName, driver: raw.driver,
                                sourceCRS: raw.crs?.label ?? "none", featuresRead: raw.featureCount, featuresKept: kept)
        layer.rowsSHA256 = raw.rowsSHA256
        return layer
    }
}
