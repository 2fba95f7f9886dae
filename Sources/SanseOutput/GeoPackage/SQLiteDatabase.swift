import CSQLite
import SanseModel

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
