import CGDAL

/// Reads consecutive GeoJSON Feature objects from a features array into a
/// `FeatureChunkBuilder`, with properties in columns of its own (named in `names`), to be
/// put in the layer's field order once every chunk is read.
///
/// Reads the plain subset of GeoJSON exactly as GDAL 3.6's GeoJSON driver would (attribute
/// values and 2D ISO WKB byte for byte) and throws `GeoJSONUnsupported` at anything else.
struct GeoJSONChunkParser {
    var cursor: JSONCursor
    var builder = FeatureChunkBuilder(columnCount: 0)
    /// Property names, by column.
    private(set) var names: [[UInt8]] = []
    private var columnsByName: [[UInt8]: Int] = [:]
    private(set) var evidence: [PropertyEvidence] = []
    /// Each distinct order of property names seen, first seen first (GDAL orders the layer's
    /// fields from these).
    private(set) var keyOrders: [[Int]] = []
    private var knownKeyOrders: Set<[Int]> = []
    private var currentKeys: [Int] = []
    private var previousKeys: [Int] = []
    /// Members of features with `"properties": null`: GDAL then fills fields of the same
    /// names from them.
    private(set) var membersOfNullProperties: Set<[UInt8]> = []
    private(set) var geometryTypes = GeometryTypeEvidence()
    /// Whether the geometry being read has a position with a third number.
    private var hasZ = false
    private var scratch: [UInt8] = []
    private var points: [Double] = []
    private var shape: [Int32] = []

    /// A feature longer than this could make GDAL's per-feature memory estimate refuse it.
    static let maximumFeatureBytes = 4 << 20
    static let maximumObjectsPerFeature = 16

    init(cursor: JSONCursor) {
        self.cursor = cursor
    }

    // MARK: Feature

    /// Reads one Feature object; the cursor is on its `{`.
    mutating func feature() throws(GeoJSONUnsupported) {
        let start = cursor.position
        try cursor.expect(0x7B, "'{' of a feature")
        var sawType = false, sawProperties = false, sawGeometry = false, nullProperties = false
        var memberNames: [[UInt8]] = []
        var objectBudget = Self.maximumObjectsPerFeature - 1
        if cursor.consume(0x7D) { throw cursor.unsupported("feature without type") }
        repeat {
            cursor.skipWhitespace()
            let key = try cursor.string(&scratch)
            let member = classify(key)
            if member != .type, member != .properties, member != .geometry {
                memberNames.append(cursor.withBytes(key, scratch) { Array($0) })
            }
            cursor.skipWhitespace()
            try cursor.expect(0x3A, "':'")
            cursor.skipWhitespace()
            switch member {
            case .type:
                guard !sawType else { throw cursor.unsupported("duplicate type") }
                sawType = true
                let value = try cursor.string(&scratch)
                guard cursor.equals(value, scratch, "Feature") else {
                    throw cursor.unsupported("feature type is not Feature")
                }
            case .properties:
                guard !sawProperties else { throw cursor.unsupported("duplicate properties") }
                sawProperties = true
                if cursor.peek == 0x6E {
                    try cursor.literal("null")
                    nullProperties = true
                } else {
                    try properties()
                }
            case .geometry:
                guard !sawGeometry else { throw cursor.unsupported("duplicate geometry") }
                sawGeometry = true
                if cursor.peek == 0x6E {
                    try cursor.literal("null")
                } else {
                    try geometry()
                }
            case .unsupported:
                throw cursor.unsupported(
                    "member GDAL reads specially (id, or another case of type/properties/geometry)")
            case .other:
                try cursor.skipValue(depth: 2, objectBudget: &objectBudget, &scratch)
            }
        } while cursor.consume(0x2C)
        cursor.skipWhitespace()
        try cursor.expect(0x7D, "'}' of a feature")
        // GDAL takes fields from the feature's other members when there are no properties.
        guard sawType, sawProperties else { throw cursor.unsupported("feature without type or properties") }
        guard cursor.position - start <= Self.maximumFeatureBytes else { throw cursor.unsupported("feature too large") }
        if nullProperties {
            // GDAL looks for fields named like any member, these three included.
            membersOfNullProperties.formUnion(memberNames + ["type", "properties", "geometry"].map { Array($0.utf8) })
        }
        builder.finishFeature(fid: Int64(builder.count))
    }

    private enum Member { case type, properties, geometry, unsupported, other }

    private func classify(_ key: JSONCursor.StringBytes) -> Member {
        if cursor.equals(key, scratch, "type") { return .type }
        if cursor.equals(key, scratch, "properties") { return .properties }
        if cursor.equals(key, scratch, "geometry") { return .geometry }
        // GDAL finds these members case-insensitively; "id" makes feature ids and fields.
        let lowered = cursor.withBytes(key, scratch) { bytes in bytes.count <= 10 ? bytes.map { $0 | 0x20 } : [] }
        for special: StaticString in ["type", "properties", "geometry", "id"] {
            let literal = UnsafeRawBufferPointer(start: special.utf8Start, count: special.utf8CodeUnitCount)
            if lowered.elementsEqual(literal) { return .unsupported }
        }
        return .other
    }

    // MARK: Properties

    private mutating func properties() throws(GeoJSONUnsupported) {
        try cursor.expect(0x7B, "'{' of properties")
        currentKeys.removeAll(keepingCapacity: true)
        if !cursor.consume(0x7D) {
            repeat {
                cursor.skipWhitespace()
                let key = try cursor.string(&scratch)
                let column = try self.column(for: key)
                guard !builder.attributes.hasValue(inColumn: column) else {
                    throw cursor.unsupported("duplicate property")
                }
                currentKeys.append(column)
                cursor.skipWhitespace()
                try cursor.expect(0x3A, "':'")
                cursor.skipWhitespace()
                try value(column)
            } while cursor.consume(0x2C)
            cursor.skipWhitespace()
            try cursor.expect(0x7D, "'}' of properties")
        }
        if currentKeys != previousKeys {
            if !knownKeyOrders.contains(currentKeys) {
                knownKeyOrders.insert(currentKeys)
                keyOrders.append(currentKeys)
            }
            swap(&currentKeys, &previousKeys)
        }
    }

    private mutating func column(for key: JSONCursor.StringBytes) throws(GeoJSONUnsupported) -> Int {
        // Most features list the same properties in the same order as the one before.
        let guess = currentKeys.count < previousKeys.count ? previousKeys[currentKeys.count] : nil
        if let guess, cursor.withBytes(key, scratch, { key in names[guess].withUnsafeBytes { sameBytes($0, key) } }) {
            return guess
        }
        let name = cursor.withBytes(key, scratch) { Array($0) }
        if let known = columnsByName[name] { return known }
        // "_id" may mark GeoCouch output, which GDAL unwraps.
        guard !name.isEmpty, name != Array("_id".utf8) else {
            throw cursor.unsupported("property name GDAL treats specially")
        }
        let column = names.count
        names.append(name)
        columnsByName[name] = column
        evidence.append(PropertyEvidence())
        builder.attributes.addColumn()
        return column
    }

    private mutating func value(_ column: Int) throws(GeoJSONUnsupported) {
        switch cursor.peek {
        case 0x22:
            let text = try cursor.string(&scratch)
            cursor.withBytes(text, scratch) { builder.attributes.appendText($0, column: column) }
            if evidence[column].firstIsText == nil {
                evidence[column].firstIsText = true
                evidence[column].firstTextIsDate = cursor.withBytes(text, scratch) { Self.looksLikeDate($0) }
            }
            evidence[column].hasText = true
        case 0x74, 0x66:
            let isTrue = cursor.peek == 0x74
            try cursor.literal(isTrue ? "true" : "false")
            builder.attributes.appendBoolean(isTrue, column: column)
            noteNumber(column)
        case 0x6E:
            try cursor.literal("null")
            builder.attributes.appendNull(column: column)
        case 0x2D, 0x30...0x39:
            switch try cursor.number() {
            case .integer(let number):
                builder.attributes.appendInteger(number, column: column)
                if Int64(Int32(truncatingIfNeeded: number)) != number { evidence[column].hasWideInteger = true }
            case .real(let number):
                builder.attributes.appendReal(number, column: column)
                evidence[column].hasReal = true
            }
            noteNumber(column)
        default:
            throw cursor.unsupported("property value that is an array or object")
        }
    }

    private mutating func noteNumber(_ column: Int) {
        evidence[column].hasNumber = true
        if evidence[column].firstIsText == nil { evidence[column].firstIsText = false }
    }

    /// GDAL's own test (OGRParseDate), as its GeoJSON reader applies it to a field's first text.
    static func looksLikeDate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // OGRParseDate needs a '-', '/' or ':' to accept anything.
        guard bytes.contains(where: { $0 == 0x2D || $0 == 0x2F || $0 == 0x3A }) else { return false }
        var text = Array(bytes)
        text.append(0)
        var field = OGRField()
        CPLPushErrorHandler(CPLQuietErrorHandler)
        let parsed = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { OGRParseDate($0.baseAddress, &field, 0) }
        }
        CPLPopErrorHandler()
        CPLErrorReset()
        return parsed != 0
    }

    // MARK: Geometry

    private enum GeometryKind {
        case point, lineString, polygon, multiPoint, multiLineString, multiPolygon

        var wkbType: UInt32 {
            switch self {
            case .point: 1
            case .lineString: 2
            case .polygon: 3
            case .multiPoint: 4
            case .multiLineString: 5
            case .multiPolygon: 6
            }
        }
    }

    private mutating func geometry() throws(GeoJSONUnsupported) {
        try cursor.expect(0x7B, "'{' of a geometry")
        var kind: GeometryKind?
        var sawCoordinates = false
        var objectBudget = 4
        shape.removeAll(keepingCapacity: true)
        points.removeAll(keepingCapacity: true)
        hasZ = false
        if cursor.consume(0x7D) { throw cursor.unsupported("empty geometry object") }
        repeat {
            cursor.skipWhitespace()
            let key = try cursor.string(&scratch)
            let isType = cursor.equals(key, scratch, "type"), isCoordinates = cursor.equals(key, scratch, "coordinates")
            if !isType && !isCoordinates {
                // A geometry's own crs, and other cases of the names GDAL looks up.
                let lowered = cursor.withBytes(key, scratch) { bytes in
                    bytes.count <= 11 ? bytes.map { $0 | 0x20 } : []
                }
                for special: StaticString in ["type", "coordinates", "geometries", "crs"] {
                    let literal = UnsafeRawBufferPointer(start: special.utf8Start, count: special.utf8CodeUnitCount)
                    if lowered.elementsEqual(literal) {
                        throw cursor.unsupported("geometry member GDAL reads specially")
                    }
                }
            }
            cursor.skipWhitespace()
            try cursor.expect(0x3A, "':'")
            cursor.skipWhitespace()
            if isType {
                guard kind == nil else { throw cursor.unsupported("duplicate geometry type") }
                let name = try cursor.string(&scratch)
                if cursor.equals(name, scratch, "Polygon") { kind = .polygon }
                else if cursor.equals(name, scratch, "MultiPolygon") { kind = .multiPolygon }
                else if cursor.equals(name, scratch, "LineString") { kind = .lineString }
                else if cursor.equals(name, scratch, "MultiLineString") { kind = .multiLineString }
                else if cursor.equals(name, scratch, "Point") { kind = .point }
                else if cursor.equals(name, scratch, "MultiPoint") { kind = .multiPoint }
                else { throw cursor.unsupported("geometry type this reader leaves to GDAL") }
            } else if isCoordinates {
                guard !sawCoordinates else { throw cursor.unsupported("duplicate coordinates") }
                sawCoordinates = true
                try coordinates(depth: 1)
            } else {
                try cursor.skipValue(depth: 3, objectBudget: &objectBudget, &scratch)
            }
        } while cursor.consume(0x2C)
        cursor.skipWhitespace()
        try cursor.expect(0x7D, "'}' of a geometry")
        guard let kind, sawCoordinates else { throw cursor.unsupported("geometry without type or coordinates") }
        try writeWKB(kind)
    }

    /// Nested coordinate arrays, recorded in `shape` in pre-order: a count of sub-arrays (0
    /// for `[]`), or -1 for a position, whose x and y go to `points`.
    private mutating func coordinates(depth: Int) throws(GeoJSONUnsupported) {
        guard depth <= 4 else { throw cursor.unsupported("coordinates nested too deeply") }
        try cursor.expect(0x5B, "'['")
        cursor.skipWhitespace()
        switch cursor.peek {
        case 0x5D:
            cursor.position += 1
            shape.append(0)
        case 0x5B:
            let slot = shape.count
            shape.append(0)
            var count: Int32 = 0
            repeat {
                cursor.skipWhitespace()
                try coordinates(depth: depth + 1)
                count += 1
            } while cursor.consume(0x2C)
            cursor.skipWhitespace()
            try cursor.expect(0x5D, "']'")
            shape[slot] = count
        default:
            var count = 0
            repeat {
                cursor.skipWhitespace()
                let value = try cursor.number().doubleValue
                if count < 2 { points.append(value) }
                count += 1
            } while cursor.consume(0x2C)
            cursor.skipWhitespace()
            try cursor.expect(0x5D, "']'")
            // GDAL drops a position of one number, and the ring or geometry holding it.
            guard count >= 2 else { throw cursor.unsupported("position with fewer than two numbers") }
            if count > 2 { hasZ = true }
            shape.append(-1)
        }
    }

    // MARK: WKB

    private mutating func writeWKB(_ kind: GeometryKind) throws(GeoJSONUnsupported) {
        var sizer = WKBShape(shape: shape)
        guard let size = sizer.size(of: kind), sizer.index == shape.count else {
            throw cursor.unsupported("coordinates that do not match the geometry type")
        }
        geometryTypes.add(type: kind.wkbType, hasZ: hasZ)
        let start = builder.wkb.count
        builder.wkb.append(contentsOf: repeatElement(0, count: size))
        var writer = WKBWriter(shape: shape, points: points)
        builder.wkb.withUnsafeMutableBytes { raw in
            writer.output = raw.baseAddress! + start
            writer.write(kind)
        }
    }

    /// Checks recorded coordinates against a geometry type and measures their WKB: nil for
    /// any shape GDAL would read differently (it drops rings or parts, or reads no geometry at
    /// all, and this reader leaves such files to it).
    private struct WKBShape {
        let shape: [Int32]
        var index = 0

        init(shape: [Int32]) { self.shape = shape }

        mutating func size(of kind: GeometryKind) -> Int? {
            switch kind {
            case .point: return position().map { 5 + $0 }
            case .lineString: return positions().map { 5 + $0 }
            case .polygon: return polygon()
            case .multiPoint, .multiLineString, .multiPolygon:
                let parts = shape[0]
                guard parts >= 0 else { return nil }
                index = 1
                var total = 9
                for _ in 0..<parts {
                    let part: Int?
                    switch kind {
                    case .multiPoint: part = position().map { 5 + $0 }
                    case .multiLineString: part = positions().map { 5 + $0 }
                    default: part = polygon()
                    }
                    guard let part else { return nil }
                    total += part
                }
                return total
            }
        }

        private mutating func position() -> Int? {
            guard shape[index] == -1 else { return nil }
            index += 1
            return 16
        }

        /// A line or ring: its point count, then its points.
        private mutating func positions() -> Int? {
            let count = shape[index]
            guard count >= 0 else { return nil }
            index += 1
            for _ in 0..<count { guard position() != nil else { return nil } }
            return 4 + 16 * Int(count)
        }

        private mutating func polygon() -> Int? {
            // Without rings GDAL reads no polygon; an empty ring is left to it as well.
            let rings = shape[index]
            guard rings > 0 else { return nil }
            index += 1
            var total = 9
            for _ in 0..<rings {
                guard shape[index] > 0, let ring = positions() else { return nil }
                total += ring
            }
            return total
        }
    }

    /// Writes checked coordinates as 2D little-endian ISO WKB, the way GDAL exports the
    /// geometry its GeoJSON reader builds.
    private struct WKBWriter {
        let shape: [Int32]
        let points: [Double]
        var output: UnsafeMutableRawPointer?
        var index = 0
        var point = 0

        init(shape: [Int32], points: [Double]) {
            self.shape = shape
            self.points = points
        }

        mutating func write(_ kind: GeometryKind) {
            switch kind {
            case .point:
                header(1)
                position()
            case .lineString:
                header(2)
                positions()
            case .polygon:
                polygon()
            case .multiPoint, .multiLineString, .multiPolygon:
                let parts = shape[0]
                index = 1
                header(kind == .multiPoint ? 4 : kind == .multiLineString ? 5 : 6)
                uint32(UInt32(parts))
                for _ in 0..<parts {
                    switch kind {
                    case .multiPoint:
                        header(1)
                        position()
                    case .multiLineString:
                        header(2)
                        positions()
                    default:
                        polygon()
                    }
                }
            }
        }

        private mutating func header(_ type: UInt32) {
            output!.storeBytes(of: 1, as: UInt8.self)
            output! += 1
            uint32(type)
        }

        private mutating func uint32(_ value: UInt32) {
            output!.storeBytes(of: value.littleEndian, as: UInt32.self)
            output! += 4
        }

        private mutating func position() {
            index += 1
            let x = points[point], y = points[point + 1]
            point += 2
            output!.storeBytes(of: x.bitPattern.littleEndian, as: UInt64.self)
            output!.storeBytes(of: y.bitPattern.littleEndian, toByteOffset: 8, as: UInt64.self)
            output! += 16
        }

        private mutating func positions() {
            let count = shape[index]
            index += 1
            uint32(UInt32(count))
            for _ in 0..<count { position() }
        }

        private mutating func polygon() {
            let rings = shape[index]
            index += 1
            header(3)
            uint32(UInt32(rings))
            for _ in 0..<rings { positions() }
        }
    }
}
