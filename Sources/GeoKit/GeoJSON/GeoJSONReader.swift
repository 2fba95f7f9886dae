import CGDAL
import Foundation

/// Reads GeoJSON FeatureCollections straight from the mapped file, in parallel chunks, with
/// exactly the result GDAL 3.6's GeoJSON driver gives: the same fields (names, types, order),
/// feature ids, attribute values and 2D ISO WKB geometries, the same layer name and CRS.
///
/// It reads the plain subset real surveys are written in (strict JSON; Point, LineString,
/// Polygon and their Multi forms; text, number, boolean and null properties) and declines
/// anything else with `GeoJSONUnsupported`, for the caller to read with GDAL: exotic
/// geometries, array or object properties, feature-level ids, mixed-type or date-like
/// properties, NaN or Infinity, JSON GDAL tolerates but the standard does not, and any file
/// GDAL would not stream through its GeoJSON driver.
///
/// ```swift
/// do {
///     let layer = try GeoJSONReader.read(path: "parcels.geojson")
///     print(layer.name, layer.featureCount, layer.fields.map(\.name))
/// } catch {
///     print("read with GDAL instead:", error)  // a GeoJSONUnsupported
///     let layer = try VectorDataset(path: "parcels.geojson").layer(at: 0)
/// }
/// ```
public enum GeoJSONReader {
    /// Reads the FeatureCollection at `path`, or declines it.
    /// - Parameter workers: threads parsing chunks; the result does not depend on it.
    public static func read(
        path: String, workers: Int = Parallel.defaultWorkerCount
    ) throws(GeoJSONUnsupported) -> GeoJSONLayer {
        guard !path.hasPrefix("/vsi"), !path.contains(":"), let file = MappedFile(path: path) else {
            throw GeoJSONUnsupported("not a regular file this reader can map", at: 0)
        }
        try checkGDALWouldStream(file, path: path)
        var top = TopLevel(file)
        let arrayStart = try top.readUntilFeatures()
        let parsed = try parseFeatures(file, from: arrayStart, workers: max(1, workers))
        try top.readRest(after: parsed.arrayEnd)

        var schema = GeoJSONSchema()
        let mappings = parsed.chunks.map {
            schema.add(
                names: $0.names, evidence: $0.evidence, keyOrders: $0.keyOrders,
                membersOfNullProperties: $0.membersOfNullProperties)
        }
        let layerFields = try schema.layerFields()
        var chunks: [FeatureChunk] = []
        var nextFID: Int64 = 0
        for (chunk, mapping) in zip(parsed.chunks, mappings) {
            var built = chunk.builder.build()
            guard built.count > 0 else { continue }
            let localByField = Dictionary(uniqueKeysWithValues: mapping.enumerated().map { ($1, $0) })
            built.setAttributes(built.attributes.reordered(
                layerFields.map { localByField[$0.index] },
                numbersAsReal: layerFields.map { $0.definition.type == .real }))
            built.setFIDs(Array(nextFID..<nextFID + Int64(built.count)))
            nextFID += Int64(built.count)
            chunks.append(built)
        }
        var geometryTypes = GeometryTypeEvidence()
        for chunk in parsed.chunks { geometryTypes.add(chunk.geometryTypes) }
        let probe = try Probe.read(members: top.otherMembers, geometryTypes: geometryTypes, file: file, path: path)
        return GeoJSONLayer(
            name: probe.name, fields: layerFields.map(\.definition), spatialReference: probe.spatialReference,
            chunks: chunks)
    }

    // MARK: What GDAL would do with the file

    /// GDAL streams a GeoJSON file (the reading this one imitates) only when its GeoJSON
    /// driver claims the file and `"features": [` appears in the first 6000 bytes.
    private static func checkGDALWouldStream(_ file: MappedFile, path: String) throws(GeoJSONUnsupported) {
        let header = UnsafeBufferPointer(start: file.bytes, count: min(file.count, 6000))
        // GDAL reads the header as a C string.
        let text = header.prefix { $0 != 0 }
        let prefixes = [
            "loadGeoJSON(", "jsonp(", "\u{FEFF}loadGeoJSON(", "\u{FEFF}jsonp(", "{\"couchdb\":\"Welcome\"",
            "{\"db_name\":\"", "{\"total_rows\":", "{\"rows\":[",
        ]
        if prefixes.contains(where: { text.starts(with: $0.utf8) }) {
            throw GeoJSONUnsupported("a wrapper GDAL handles specially", at: 0)
        }
        let key = Array("\"features\"".utf8)
        guard let found = text.firstRange(of: key) else {
            throw GeoJSONUnsupported("no \"features\" in the first 6000 bytes", at: 0)
        }
        var index = found.upperBound
        func skipSpace() {
            while index < text.endIndex, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(text[index]) { index += 1 }
        }
        skipSpace()
        guard index < text.endIndex, text[index] == 0x3A else {
            throw GeoJSONUnsupported("\"features\" not followed by an array", at: index)
        }
        index += 1
        skipSpace()
        guard index < text.endIndex, text[index] == 0x5B else {
            throw GeoJSONUnsupported("\"features\" not followed by an array", at: index)
        }

        GDALLibrary.ensureRegistered()
        let driver = GDALIdentifyDriverEx(path, UInt32(GDAL_OF_VECTOR), nil, nil)
        CPLErrorReset()
        guard let driver, let name = GDALGetDriverShortName(driver), String(cString: name) == "GeoJSON" else {
            throw GeoJSONUnsupported("GDAL would not open it with its GeoJSON driver", at: 0)
        }
    }

    // MARK: The collection object

    /// The FeatureCollection's own members, read around the features array.
    private struct TopLevel {
        let file: MappedFile
        var cursor: JSONCursor
        /// Members other than type and features, as their source text (`"key": value`).
        var otherMembers: [Range<Int>] = []
        var sawType = false
        private var scratch: [UInt8] = []

        init(_ file: MappedFile) {
            self.file = file
            cursor = JSONCursor(file.bytes, end: file.count, position: 0)
        }

        /// Reads up to the features array; returns the position just inside its `[`.
        mutating func readUntilFeatures() throws(GeoJSONUnsupported) -> Int {
            // A UTF-8 byte order mark.
            if file.count >= 3, file.bytes[0] == 0xEF, file.bytes[1] == 0xBB, file.bytes[2] == 0xBF {
                cursor.position = 3
            }
            cursor.skipWhitespace()
            try cursor.expect(0x7B, "'{'")
            if cursor.consume(0x7D) { throw cursor.unsupported("empty object") }
            while true {
                cursor.skipWhitespace()
                if let arrayStart = try member(allowFeatures: true) { return arrayStart }
                guard cursor.consume(0x2C) else { throw cursor.unsupported("FeatureCollection without features") }
            }
        }

        /// Reads the members after the features array, the closing `}` and nothing else.
        mutating func readRest(after arrayEnd: Int) throws(GeoJSONUnsupported) {
            cursor.position = arrayEnd
            while cursor.consume(0x2C) {
                cursor.skipWhitespace()
                _ = try member(allowFeatures: false)
            }
            cursor.skipWhitespace()
            try cursor.expect(0x7D, "'}'")
            cursor.skipWhitespace()
            guard cursor.atEnd else { throw cursor.unsupported("text after the FeatureCollection") }
            guard sawType else { throw cursor.unsupported("FeatureCollection without type") }
        }

        /// One member; returns the features array's inside start when it is that.
        private mutating func member(allowFeatures: Bool) throws(GeoJSONUnsupported) -> Int? {
            let start = cursor.position
            let key = try cursor.string(&scratch)
            let isType = cursor.equals(key, scratch, "type"), isFeatures = cursor.equals(key, scratch, "features")
            cursor.skipWhitespace()
            try cursor.expect(0x3A, "':'")
            cursor.skipWhitespace()
            if isType {
                guard !sawType else { throw cursor.unsupported("duplicate type") }
                sawType = true
                let value = try cursor.string(&scratch)
                guard cursor.equals(value, scratch, "FeatureCollection") else {
                    throw cursor.unsupported("not a FeatureCollection")
                }
                return nil
            }
            if isFeatures {
                guard allowFeatures else { throw cursor.unsupported("duplicate features") }
                try cursor.expect(0x5B, "'[' of features")
                return cursor.position
            }
            var budget = Int.max
            try cursor.skipValue(depth: 1, objectBudget: &budget, &scratch)
            otherMembers.append(start..<cursor.position)
            return nil
        }
    }

    // MARK: Features, in parallel

    private struct ChunkResult {
        enum End {
            /// Stopped at the start of the next feature, at or past the chunk's end.
            case next(Int)
            /// Read the array's closing `]`; the position after it.
            case arrayEnd(Int)
            case failed(GeoJSONUnsupported)
        }

        var start: Int
        var end: End
        var parser: GeoJSONChunkParser

        /// How far the piece read.
        var reached: Int {
            switch end {
            case .next(let position), .arrayEnd(let position): position
            case .failed: parser.cursor.position
            }
        }
    }

    private struct ParsedFeatures {
        var chunks: [GeoJSONChunkParser]
        var arrayEnd: Int
    }

    /// Splits the array at line starts that look like a feature's (`{"type": "Feature"` after
    /// a comma, as GDAL, QGIS and GeoPandas write), parses the pieces in parallel, and checks
    /// that each piece ended exactly where the next began; if the guess was wrong anywhere,
    /// reads on from there in order.
    private static func parseFeatures(
        _ file: MappedFile, from arrayStart: Int, workers: Int
    ) throws(GeoJSONUnsupported) -> ParsedFeatures {
        let length = file.count - arrayStart
        let pieceBytes = min(max(length / (workers * 8), 256 << 10), 8 << 20)
        let pieces = max(1, (length + pieceBytes - 1) / pieceBytes)
        let starts = (0...pieces).map { piece -> Int in
            if piece == 0 { return arrayStart }
            if piece == pieces { return file.count }
            return featureStart(file, near: arrayStart + piece * pieceBytes)
        }
        var results = Parallel.map(order: Array(0..<pieces), workers: workers, worker: {}) { _, piece -> ChunkResult? in
            let start = starts[piece]
            if piece > 0 && start >= file.count { return nil }
            let result = parsePiece(file, start: start, stop: starts[piece + 1], first: piece == 0)
            file.release(start..<starts[piece + 1])
            return result
        }

        var chunks: [GeoJSONChunkParser] = []
        var expected = arrayStart
        var piece = 0
        while true {
            let result: ChunkResult
            if piece < pieces, let parsed = results[piece].take(), parsed.start == expected {
                result = parsed
                piece += 1
            } else {
                // The guessed split was wrong (or the array ended early): read on in order.
                piece = pieces
                result = parsePiece(file, start: expected, stop: expected + pieceBytes, first: expected == arrayStart)
                file.release(expected..<result.reached)
            }
            chunks.append(result.parser)
            switch result.end {
            case .failed(let reason): throw reason
            case .arrayEnd(let end): return ParsedFeatures(chunks: chunks, arrayEnd: end)
            case .next(let position): expected = position
            }
        }
    }

    /// Reads features from `start` (a feature's `{`, or just inside the array's `[` for the
    /// first piece) until the next feature starts at or after `stop`, or the array ends.
    private static func parsePiece(_ file: MappedFile, start: Int, stop: Int, first: Bool) -> ChunkResult {
        var parser = GeoJSONChunkParser(cursor: JSONCursor(file.bytes, end: file.count, position: start))
        do throws(GeoJSONUnsupported) {
            if first {
                parser.cursor.skipWhitespace()
                if parser.cursor.peek == 0x5D {
                    return ChunkResult(start: start, end: .arrayEnd(parser.cursor.position + 1), parser: parser)
                }
            }
            while true {
                try parser.feature()
                parser.cursor.skipWhitespace()
                switch parser.cursor.peek {
                case 0x2C:
                    parser.cursor.position += 1
                    parser.cursor.skipWhitespace()
                    guard parser.cursor.peek == 0x7B else {
                        throw parser.cursor.unsupported("features array holds something other than an object")
                    }
                    if parser.cursor.position >= stop {
                        return ChunkResult(start: start, end: .next(parser.cursor.position), parser: parser)
                    }
                case 0x5D:
                    return ChunkResult(start: start, end: .arrayEnd(parser.cursor.position + 1), parser: parser)
                default:
                    throw parser.cursor.unsupported("expected ',' or ']' after a feature")
                }
            }
        } catch {
            return ChunkResult(start: start, end: .failed(error), parser: parser)
        }
    }

    /// The first position at or after `offset` that looks like the start of a feature other
    /// than the first: a `{` beginning a line, preceded by a comma, opening with
    /// `"type": "Feature"`. The file's end when there is none.
    private static func featureStart(_ file: MappedFile, near offset: Int) -> Int {
        let bytes = file.bytes, end = file.count
        var position = offset
        while position < end {
            guard let newline = memchr(bytes + position, 0x0A, end - position) else { return end }
            var candidate = UnsafeRawPointer(newline).assumingMemoryBound(to: UInt8.self) - bytes + 1
            while candidate < end, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[candidate]) { candidate += 1 }
            if candidate < end, bytes[candidate] == 0x7B, opensFeature(bytes, at: candidate, end: end),
               followsComma(bytes, at: candidate) {
                return candidate
            }
            position = candidate
        }
        return end
    }

    private static func opensFeature(_ bytes: UnsafePointer<UInt8>, at start: Int, end: Int) -> Bool {
        var cursor = JSONCursor(bytes, end: end, position: start + 1)
        var scratch: [UInt8] = []
        cursor.skipWhitespace()
        guard cursor.peek == 0x22, let key = try? cursor.string(&scratch), cursor.equals(key, scratch, "type") else {
            return false
        }
        cursor.skipWhitespace()
        guard cursor.peek == 0x3A else { return false }
        cursor.position += 1
        cursor.skipWhitespace()
        guard cursor.peek == 0x22, let value = try? cursor.string(&scratch) else { return false }
        return cursor.equals(value, scratch, "Feature")
    }

    private static func followsComma(_ bytes: UnsafePointer<UInt8>, at start: Int) -> Bool {
        var position = start - 1
        while position >= 0, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position]) { position -= 1 }
        return position >= 0 && bytes[position] == 0x2C
    }

    // MARK: Layer name and CRS

    /// GDAL reads the collection's name and CRS from its other members, and its default CRS
    /// depends on the layer's geometry type: hand GDAL just those members and a geometry or
    /// two of the same type, in a tiny in-memory file of the same name, so its reading is
    /// GDAL's by construction.
    private enum Probe {
        /// Numbers the in-memory files of reads that run at the same time.
        private static let counter = Locked(0)

        static func read(
            members: [Range<Int>], geometryTypes: GeometryTypeEvidence, file: MappedFile, path: String
        ) throws(GeoJSONUnsupported) -> (name: String, spatialReference: LayerSpatialReference?) {
            var text = Array("{\"type\": \"FeatureCollection\", \"features\": [".utf8)
            if let type = geometryTypes.firstType {
                let position = geometryTypes.anyZ ? "[0, 0, 0]" : "[0, 0]"
                let coordinates = [
                    "", position, "[\(position)]", "[[\(position)]]",
                    "[\(position)]", "[[\(position)]]", "[[[\(position)]]]",
                ][Int(type)]
                let names = ["", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"]
                var geometries = ["{\"type\": \"\(names[Int(type)])\", \"coordinates\": \(coordinates)}"]
                // Mixed types make GDAL's layer type Unknown.
                if !geometryTypes.allSameType {
                    geometries.append(type == 1
                        ? "{\"type\": \"LineString\", \"coordinates\": []}"
                        : "{\"type\": \"Point\", \"coordinates\": [0, 0]}")
                }
                let features = geometries.map { "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": \($0)}" }
                text += Array(features.joined(separator: ", ").utf8)
            }
            text += Array("]".utf8)
            for member in members {
                text += Array(", ".utf8)
                text += UnsafeBufferPointer(start: file.bytes + member.lowerBound, count: member.count)
            }
            text += Array("}".utf8)
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            let number = counter.withLock { count in
                defer { count += 1 }
                return count
            }
            let folder = "/vsimem/sanse-geojson-\(getpid())-\(number)"
            let probePath = "\(folder)/\(fileName)"
            // GDAL takes ownership of the copy and frees it on unlink.
            guard let buffer = VSIMalloc(text.count) else { throw GeoJSONUnsupported("out of memory", at: 0) }
            text.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            guard let handle = VSIFileFromMemBuffer(probePath, bytes, vsi_l_offset(text.count), 1) else {
                VSIFree(buffer)
                throw GeoJSONUnsupported("cannot make the in-memory probe", at: 0)
            }
            VSIFCloseL(handle)
            defer { VSIUnlink(probePath) }
            do {
                let dataset = try VectorDataset(path: probePath)
                guard dataset.driverName == "GeoJSON", dataset.layerCount == 1, let layer = dataset.layer(at: 0) else {
                    throw GeoJSONUnsupported("GDAL reads the collection's members differently", at: 0)
                }
                return (layer.name, layer.spatialReference)
            } catch let error as GeoJSONUnsupported {
                throw error
            } catch {
                throw GeoJSONUnsupported("GDAL cannot read the collection's members: \(error)", at: 0)
            }
        }
    }
}
