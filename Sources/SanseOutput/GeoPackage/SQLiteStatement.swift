import CSQLite
import SanseModel

/// SQLite's "copy the value now" destructor (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement of a `SQLiteDatabase`, which it keeps open. Parameters are numbered
/// from 1, columns from 0, as in SQLite.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    private let sql: String

    init(_ handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
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
