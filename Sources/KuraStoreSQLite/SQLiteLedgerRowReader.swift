import GRDB
import GRDBSQLite
import KuraCore

/// Reads the verifier's rows of an index range: one primary-key range scan per table, merged on
/// the index, so that a row missing on either side shows as nil there.
///
/// `kura verify log` reads every row of the log, so the statements are stepped with the SQLite C
/// API and each blob is copied once, straight from SQLite's buffer into the batch: GRDB's rows
/// would make a `Data` per column and look columns up by name.
struct SQLiteLedgerRowReader {
    /// The rows with an index in `range`, in index order.
    static func rows(in range: Range<UInt64>, db: Database) throws -> LedgerRowBatch {
        let lower = Int64(clamping: range.lowerBound)
        let upper = Int64(clamping: range.upperBound)
        let leaves = try db.makeStatement(
            sql: "SELECT idx, leaf FROM ledger_leaf WHERE idx >= ? AND idx < ? ORDER BY idx")
        let details = try db.makeStatement(
            sql: "SELECT idx, salt, details FROM ledger_detail WHERE idx >= ? AND idx < ? ORDER BY idx"
        )
        leaves.setUncheckedArguments([lower, upper])
        details.setUncheckedArguments([lower, upper])
        defer {
            sqlite3_reset(leaves.sqliteStatement)
            sqlite3_reset(details.sqliteStatement)
        }
        let leaf = leaves.sqliteStatement
        let detail = details.sqliteStatement
        let expected = Int(clamping: upper - lower)
        var batch = LedgerRowBatch(reservingRows: expected, bytes: expected * 320)
        var hasLeaf = try step(leaf)
        var hasDetail = try step(detail)
        while hasLeaf || hasDetail {
            let leafIndex = hasLeaf ? sqlite3_column_int64(leaf, 0) : Int64.max
            let detailIndex = hasDetail ? sqlite3_column_int64(detail, 0) : Int64.max
            let index = min(leafIndex, detailIndex)
            // The range starts at 0 or above, so `index` is never negative.
            let leafBytes = leafIndex == index ? blob(leaf, 1) : nil
            var saltBytes = detailIndex == index ? blob(detail, 1) : nil
            var detailsBytes = detailIndex == index ? blob(detail, 2) : nil
            // A NULL in either column (the schema forbids both) is a details row missing, as before.
            if saltBytes == nil || detailsBytes == nil { (saltBytes, detailsBytes) = (nil, nil) }
            batch.append(index: UInt64(index), leaf: leafBytes, salt: saltBytes, details: detailsBytes)
            if leafIndex == index { hasLeaf = try step(leaf) }
            if detailIndex == index { hasDetail = try step(detail) }
        }
        return batch
    }

    /// Advances `statement`: true at a row, false when done.
    static func step(_ statement: SQLiteStatement) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code))
        }
    }

    /// The bytes of column `column` of the current row, valid until the next step; nil for NULL.
    static func blob(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        // sqlite3_column_blob first, then the length of what it returned (SQLite's documented order);
        // an empty blob comes back as a null pointer with length 0.
        let start = sqlite3_column_blob(statement, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
    }
}
