import CSQLite
import SanseAnalysis
import SanseModel

/// SQLite's "copy the value now" destructor (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An SQLite database file opened for writing. Owns the connection; `close()` reports a
/// failure to finish, deinit closes quietly if `close()` was not called.
final class SQLiteDatabase {
    let path: String
    private var handle: OpaquePointer?

    init(path: String) throws {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
            sqlite3_close(db)
            throw OutputError(path: path, message: "cannot open the GeoPackage (\(message))")
        }
        self.path = path
        handle = db
    }

    deinit { sqlite3_close(handle) }

    func close() throws {
        guard let db = handle else { return }
        handle = nil
        guard sqlite3_close(db) == SQLITE_OK else {
            throw OutputError(path: path, message: "cannot finish the GeoPackage (\(String(cString: sqlite3_errmsg(db))))")
        }
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(try connection(), sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw error(message.map { String(cString: $0) } ?? "failed", sql)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(try connection(), sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error(lastMessage, sql)
        }
        return SQLiteStatement(statement, database: self, sql: sql)
    }

    /// Every row of a query, each column as text (NULL as nil).
    func rows(_ sql: String) throws -> [[String?]] {
        let statement = try prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return rows
    }

    var lastMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    func error(_ message: String, _ sql: String) -> OutputError {
        OutputError(path: path, message: "SQLite: \(message) in \(sql.prefix(120))")
    }

    private func connection() throws -> OpaquePointer {
        guard let handle else { throw OutputError(path: path, message: "the GeoPackage is already closed") }
        return handle
    }
}

/// A prepared statement of a `SQLiteDatabase`, which it keeps open. Parameters are numbered
/// from 1, columns from 0, as in SQLite.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    private let sql: String

    fileprivate init(_ handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }
    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }
    func bind(_ index: Int32, _ value: String) { sqlite3_bind_text(handle, index, value, -1, transient) }
    func bind(_ index: Int32, utf8 text: UnsafeBufferPointer<UInt8>) {
        // SQLite reads a null pointer as NULL: empty text needs a real (if empty) buffer.
        if text.isEmpty {
            sqlite3_bind_text(handle, index, "", 0, transient)
        } else {
            _ = text.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }

    func bind(_ index: Int32, blob: [UInt8]) {
        _ = blob.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
    }

    /// Runs the statement to its next row: true for a row, false when done. Resets after done.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            let message = database.lastMessage
            sqlite3_reset(handle)
            throw database.error(message, sql)
        }
    }

    /// Runs a statement that returns no rows, then clears its parameters for the next run.
    func run() throws {
        try step()
        sqlite3_clear_bindings(handle)
    }

    var columnCount: Int32 { sqlite3_column_count(handle) }

    func text(at column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }

    func integer(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
}
