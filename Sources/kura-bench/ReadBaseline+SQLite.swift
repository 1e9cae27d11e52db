import GRDB
import GRDBSQLite

extension ReadBaseline {
    /// Reads `ledger_leaf` and `ledger_detail` of the SQLite file at `path` with one full scan
    /// each, in index order, stepped together with the SQLite C API (as the store's verifier
    /// reader does), and hashes each row's bytes in place.
    func runSQLite(path: String) async throws -> Result {
        let start = ContinuousClock.now
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try await queue.read { db in
            let leaves = try db.makeStatement(sql: "SELECT leaf FROM ledger_leaf ORDER BY idx")
            let details = try db.makeStatement(sql: "SELECT salt, details FROM ledger_detail ORDER BY idx")
            var hasher = BaselineHasher()
            var rows = 0
            while try Self.step(leaves.sqliteStatement) {
                guard try Self.step(details.sqliteStatement) else {
                    throw BenchError.invalid("fewer details rows than leaves")
                }
                hasher.hash(
                    leaf: Self.blob(leaves.sqliteStatement, 0),
                    salt: Self.blob(details.sqliteStatement, 0),
                    details: Self.blob(details.sqliteStatement, 1)
                )
                rows += 1
            }
            return Result(total: start.duration(to: .now), rows: rows, hashes: hasher.hashes)
        }
    }

    static func step(_ statement: SQLiteStatement) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code))
        }
    }

    static func blob(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        let start = sqlite3_column_blob(statement, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
    }
}
