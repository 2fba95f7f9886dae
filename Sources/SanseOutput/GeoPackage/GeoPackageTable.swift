import GeoKit
import SanseModel

/// Fills a GeoPackage feature table that GDAL created (empty, without a spatial index) with
/// rows and then adds the R-tree, straight through SQLite. GDAL writes the same rows feature by
/// feature and grows its R-tree one insert at a time, which took most of the run's output
/// time; here rows are bound to one prepared statement and the R-tree is packed in one go
/// (sort-tile-recursive) into SQLite's own node format, as GDAL 3.7+ does.
///
/// The rows are what GDAL writes: fids from 1, GeoPackage geometry blobs (standard header with
/// the xy envelope, little-endian ISO WKB, polygons as MultiPolygon), R-tree boxes rounded
/// outwards to floats as SQLite does, and the layer's extent and feature count.
struct GeoPackageTable {
    let database: SQLiteDatabase
    let name: String
    let srsID: Int32
    let fieldTypes: [FieldType]

    /// Writes `count` rows; `row(index)` gives the field values (in field order) and geometry.
    func fill(count: Int, row: (Int) throws -> (values: [FieldValue], shape: FlatPolygons)) throws {
        try fill(count: count) { index, binder in
            let (values, shape) = try row(index)
            for value in values { binder.add(value) }
            return shape
        }
    }

    /// The field values of the row being written, bound in field order as they are added.
    final class RowBinder {
        fileprivate let statement: SQLiteStatement
        fileprivate let fieldTypes: [FieldType]
        fileprivate(set) var added = 0

        fileprivate init(statement: SQLiteStatement, fieldTypes: [FieldType]) {
            self.statement = statement
            self.fieldTypes = fieldTypes
        }

        /// Starts the next row.
        fileprivate func reset() { added = 0 }

        func add(_ value: FieldValue) {
            GeoPackageTable.bind(value, as: fieldTypes[added], to: statement, at: Int32(added + 3))
            added += 1
        }

        /// A value seen in place; text is bound from its bytes, as `add(.string(…))` would bind it.
        func add(_ value: FieldValueView) {
            let index = Int32(added + 3)
            switch (value, fieldTypes[added]) {
            case (.null, _): statement.bindNull(index)
            case (.integer(let number), _): GeoPackageTable.bind(.integer(number), as: fieldTypes[added], to: statement, at: index)
            case (.real(let number), _): GeoPackageTable.bind(.real(number), as: fieldTypes[added], to: statement, at: index)
            case (.text(let bytes), .integer), (.text(let bytes), .integer64), (.text(let bytes), .real):
                GeoPackageTable.bind(.string(String(decoding: bytes, as: UTF8.self)), as: fieldTypes[added], to: statement, at: index)
            case (.text(let bytes), _): statement.bind(index, utf8: bytes)
            }
            added += 1
        }
    }

    /// Writes `count` rows; `row(index, binder)` adds the field values (in field order) and
    /// gives the geometry.
    func fill(count: Int, row: (Int, RowBinder) throws -> FlatPolygons) throws {
        let quoted = Self.quoted(name)
        let columns = try database.rows("PRAGMA table_info(\(quoted))").map { $0[1] ?? "" }
        guard columns.count == fieldTypes.count + 2 else {
            throw OutputError(path: database.path, message: "table \(name) has \(columns.count) columns, expected \(fieldTypes.count + 2)")
        }
        // GDAL's triggers (feature counts) call back into GDAL's SQL functions: set aside.
        let triggers = try database.rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '\(name)'")
        for trigger in triggers { try database.execute("DROP TRIGGER \(Self.quoted(trigger[0] ?? ""))") }

        let insert = try database.prepare(
            "INSERT INTO \(quoted) (\(columns.map(Self.quoted).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        var encoder = GeoPackageBlob(srsID: srsID)
        let binder = RowBinder(statement: insert, fieldTypes: fieldTypes)
        var boxes: [RTreeEntry] = []
        boxes.reserveCapacity(count)
        var extent: Envelope?
        for index in 0..<count {
            binder.reset()
            let shape = try row(index, binder)
            precondition(binder.added == fieldTypes.count, "table \(name) has \(fieldTypes.count) fields, got \(binder.added) values")
            let fid = Int64(index + 1)
            insert.bind(1, fid)
            if let box = encoder.encode(shape) {
                boxes.append(RTreeEntry(id: fid, box: box))
                extent = extent.map { $0.union(box) } ?? box
            }
            insert.bind(2, blob: encoder.bytes)
            try insert.run()
        }

        if let extent {
            try database.execute("""
                UPDATE gpkg_contents SET min_x = \(Self.sql(extent.minX)), min_y = \(Self.sql(extent.minY)), \
                max_x = \(Self.sql(extent.maxX)), max_y = \(Self.sql(extent.maxY)) WHERE lower(table_name) = lower('\(name)')
                """)
        }
        if try !database.rows("SELECT name FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").isEmpty {
            try database.execute("UPDATE gpkg_ogr_contents SET feature_count = \(count) WHERE lower(table_name) = lower('\(name)')")
        }
        for trigger in triggers { try database.execute(trigger[1] ?? "") }
        try addSpatialIndex(consume boxes)
    }

    /// The GeoPackage R-tree extension: the virtual table, packed, its triggers (the text GDAL
    /// writes, GeoPackage 1.2) and its entry in gpkg_extensions.
    private func addSpatialIndex(_ boxes: consuming [RTreeEntry]) throws {
        let rtree = "rtree_\(name)_geom"
        try RTreePacker.write(consume boxes, into: rtree, database: database)
        let t = Self.quoted(name), r = Self.quoted(rtree)
        let boxOfNew = "VALUES (NEW.\"fid\",ST_MinX(NEW.\"geom\"), ST_MaxX(NEW.\"geom\"),ST_MinY(NEW.\"geom\"), ST_MaxY(NEW.\"geom\"))"
        try database.execute("""
            CREATE TRIGGER "\(rtree)_insert" AFTER INSERT ON \(t) WHEN (new."geom" NOT NULL AND NOT ST_IsEmpty(NEW."geom")) \
            BEGIN INSERT OR REPLACE INTO \(r) \(boxOfNew); END;
            CREATE TRIGGER "\(rtree)_update1" AFTER UPDATE OF "geom" ON \(t) WHEN OLD."fid" = NEW."fid" AND \
            (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO \(r) \(boxOfNew); END;
            CREATE TRIGGER "\(rtree)_update2" AFTER UPDATE OF "geom" ON \(t) WHEN OLD."fid" = NEW."fid" AND \
            (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; END;
            CREATE TRIGGER "\(rtree)_update3" AFTER UPDATE ON \(t) WHEN OLD."fid" != NEW."fid" AND \
            (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; \
            INSERT OR REPLACE INTO \(r) \(boxOfNew); END;
            CREATE TRIGGER "\(rtree)_update4" AFTER UPDATE ON \(t) WHEN OLD."fid" != NEW."fid" AND \
            (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id IN (OLD."fid", NEW."fid"); END;
            CREATE TRIGGER "\(rtree)_delete" AFTER DELETE ON \(t) WHEN old."geom" NOT NULL BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; END;
            CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,\
            definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) \
            VALUES ('\(name)', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """)
    }

    /// Binds a value as GDAL stores it in a field of `type`.
    fileprivate static func bind(_ value: FieldValue, as type: FieldType, to statement: SQLiteStatement, at index: Int32) {
        switch (value, type) {
        case (.null, _):
            statement.bindNull(index)
        case (.integer(let number), .real):
            statement.bind(index, Double(number))
        case (.integer(let number), .integer), (.integer(let number), .integer64):
            statement.bind(index, number)
        case (.real(let number), .integer), (.real(let number), .integer64):
            statement.bind(index, Int64(exactly: number.rounded(.towardZero)) ?? 0)
        case (.real(let number), .real):
            statement.bind(index, number)
        case (.string(let text), .integer), (.string(let text), .integer64):
            statement.bind(index, Int64(text) ?? 0)
        case (.string(let text), .real):
            statement.bind(index, Double(text) ?? 0)
        case (.integer(let number), _):
            statement.bind(index, String(number))
        case (.real(let number), _):
            statement.bind(index, String(number))
        case (.string(let text), _):
            statement.bind(index, text)
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A double as SQL text that reads back as the same double.
    private static func sql(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "NULL"
    }
}

/// GeoPackage geometry blobs ("GP" header, SRS id, xy envelope, then little-endian ISO WKB),
/// built in one reused buffer.
struct GeoPackageBlob {
    let srsID: Int32
    private(set) var bytes: [UInt8] = []

    init(srsID: Int32) { self.srsID = srsID }

    /// Encodes `shape` (a polygon becomes a one-part MultiPolygon, as the layers are
    /// declared); its envelope, nil when empty.
    mutating func encode(_ shape: FlatPolygons) -> Envelope? {
        bytes.removeAll(keepingCapacity: true)
        let box = shape.envelope
        header(box)
        shape.appendWKB(to: &bytes, asMultiPolygon: true)
        return box
    }

    private mutating func header(_ box: Envelope?) {
        bytes.append(contentsOf: [0x47, 0x50, 0])
        // Little-endian; an xy envelope, or the empty flag and none.
        bytes.append(box == nil ? 0b0001_0001 : 0b0000_0011)
        append(UInt32(bitPattern: srsID))
        if let box {
            for value in [box.minX, box.maxX, box.minY, box.maxY] { append(value.bitPattern) }
        }
    }

    private mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

private extension Optional where Wrapped == Envelope {
    mutating func expand(_ point: Point2D) {
        if self == nil {
            self = Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
        } else {
            self!.expand(toInclude: point)
        }
    }
}

/// One feature's box in an R-tree, rounded outwards to floats as SQLite's R-tree rounds.
struct RTreeEntry {
    var id: Int64
    var minX: Float, maxX: Float, minY: Float, maxY: Float

    init(id: Int64, minX: Float, maxX: Float, minY: Float, maxY: Float) {
        self.id = id
        (self.minX, self.maxX, self.minY, self.maxY) = (minX, maxX, minY, maxY)
    }

    init(id: Int64, box: Envelope) {
        self.init(id: id, minX: Self.down(box.minX), maxX: Self.up(box.maxX), minY: Self.down(box.minY), maxY: Self.up(box.maxY))
    }

    var centerX: Double { (Double(minX) + Double(maxX)) / 2 }
    var centerY: Double { (Double(minY) + Double(maxY)) / 2 }

    func union(_ other: RTreeEntry) -> RTreeEntry {
        RTreeEntry(id: id, minX: min(minX, other.minX), maxX: max(maxX, other.maxX), minY: min(minY, other.minY), maxY: max(maxY, other.maxY))
    }

    // SQLite's rtreeValueDown / rtreeValueUp.
    private static let towardZero = 1.0 - 1.0 / 8_388_608.0
    private static let awayFromZero = 1.0 + 1.0 / 8_388_608.0

    static func down(_ value: Double) -> Float {
        let nearest = Float(value)
        return Double(nearest) > value ? Float(value * (value < 0 ? awayFromZero : towardZero)) : nearest
    }

    static func up(_ value: Double) -> Float {
        let nearest = Float(value)
        return Double(nearest) < value ? Float(value * (value < 0 ? towardZero : awayFromZero)) : nearest
    }
}

/// Writes an SQLite R-tree in one go: boxes packed sort-tile-recursive into full nodes, level
/// by level up to the root, stored in the R-tree's shadow tables (`_node`, `_parent`,
/// `_rowid`) in SQLite's node format. `SELECT rtreecheck(name)` checks the result.
enum RTreePacker {
    /// Bytes of one cell: a 64-bit id and four 32-bit floats.
    static let cellSize = 24

    static func write(_ entries: consuming [RTreeEntry], into name: String, database: SQLiteDatabase) throws {
        let quoted = GeoPackageTable.quoted(name)
        try database.execute("CREATE VIRTUAL TABLE \(quoted) USING rtree(id, minx, maxx, miny, maxy)")
        guard !entries.isEmpty else { return }
        // SQLite sized the (empty) root node from the page size: every node has that size.
        let sizeText = try database.rows("SELECT length(data) FROM \(GeoPackageTable.quoted(name + "_node")) WHERE nodeno = 1").first?.first
        guard let nodeSize = sizeText.flatMap({ $0.flatMap { Int($0) } }), nodeSize > 4 + 2 * cellSize else {
            throw OutputError(path: database.path, message: "cannot read the node size of R-tree \(name)")
        }
        let capacity = (nodeSize - 4) / cellSize

        // levels[0] are the leaves: the cells in node order and each node's range of them.
        // For a level above the leaves, a cell's id is the index of a node one level down.
        // Cells are sorted in place and nodes are ranges, so a million boxes are held once.
        var levels: [(cells: [RTreeEntry], nodes: [Range<Int>])] = []
        var cells = consume entries
        while true {
            let nodes = pack(&cells, capacity: capacity)
            levels.append((cells, nodes))
            if nodes.count == 1 { break }
            let level = levels.count - 1
            cells = levels[level].nodes.enumerated().map { index, node in
                let members = levels[level].cells[node]
                return members.dropFirst().reduce(members.first!) { $0.union($1) }.with(id: Int64(index))
            }
        }
        // Node numbers: the root is 1, then each level down in order.
        var firstNumber = [Int](repeating: 0, count: levels.count)
        var next = 1
        for level in levels.indices.reversed() {
            firstNumber[level] = next
            next += levels[level].nodes.count
        }

        try database.execute("DELETE FROM \(GeoPackageTable.quoted(name + "_node"))")
        let insertNode = try database.prepare("INSERT INTO \(GeoPackageTable.quoted(name + "_node")) VALUES (?, ?)")
        let insertParent = try database.prepare("INSERT INTO \(GeoPackageTable.quoted(name + "_parent")) VALUES (?, ?)")
        let insertRowid = try database.prepare("INSERT INTO \(GeoPackageTable.quoted(name + "_rowid")) VALUES (?, ?)")
        var blob = [UInt8](repeating: 0, count: nodeSize)
        for (level, (cells, nodes)) in levels.enumerated() {
            for (index, node) in nodes.enumerated() {
                let number = Int64(firstNumber[level] + index)
                for position in blob.indices { blob[position] = 0 }
                // The root holds the tree's depth; every node its cell count (big-endian).
                if level == levels.count - 1 { put(UInt16(levels.count - 1), at: 0, in: &blob) }
                put(UInt16(node.count), at: 2, in: &blob)
                for (position, cell) in cells[node].enumerated() {
                    let offset = 4 + position * cellSize
                    let id = level == 0 ? cell.id : Int64(firstNumber[level - 1]) + cell.id
                    put(UInt64(bitPattern: id), at: offset, in: &blob)
                    for (k, value) in [cell.minX, cell.maxX, cell.minY, cell.maxY].enumerated() {
                        put(value.bitPattern, at: offset + 8 + 4 * k, in: &blob)
                    }
                    if level == 0 {
                        insertRowid.bind(1, cell.id)
                        insertRowid.bind(2, number)
                        try insertRowid.run()
                    } else {
                        insertParent.bind(1, id)
                        insertParent.bind(2, number)
                        try insertParent.run()
                    }
                }
                insertNode.bind(1, number)
                insertNode.bind(2, blob: blob)
                try insertNode.run()
            }
        }
    }

    /// Sort-tile-recursive (GeoKit's `SortTileRecursive`): vertical slices by x, each cut into
    /// nodes by y. Sorts `cells` into node order and gives each node's range.
    static func pack(_ cells: inout [RTreeEntry], capacity: Int) -> [Range<Int>] {
        SortTileRecursive.sort(&cells, nodeCapacity: capacity)
    }

    private static func put<T: FixedWidthInteger>(_ value: T, at offset: Int, in blob: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes in
            for (k, byte) in bytes.enumerated() { blob[offset + k] = byte }
        }
    }
}

extension RTreeEntry: SortTileRecursive.Item {
    var centre: Point2D { Point2D(centerX, centerY) }
    var tieBreak: Int64 { id }
}

private extension RTreeEntry {
    func with(id: Int64) -> RTreeEntry {
        var copy = self
        copy.id = id
        return copy
    }
}
