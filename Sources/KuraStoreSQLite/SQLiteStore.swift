import Foundation
import GRDB
import KuraCore
import KuraStore

/// The embedded default store: one SQLite database in WAL mode on GRDB.
///
/// Durability (DESIGN "Writes, durability, audit"): GRDB's pool sets `synchronous=NORMAL` when it
/// enables WAL, which can lose the last transactions on power loss. Kura promises that an
/// answered write survives, so the writer connection is switched to `synchronous=FULL` right
/// after opening, and ``synchronousMode()`` lets a test check it.
public final class SQLiteStore: KuraStoreBackend {
    /// The schema version this binary writes.
    public let currentVersion = SQLiteMigrations.all.count

    /// A short description for logs.
    public let kind = "sqlite"

    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path`; call ``migrate()`` (serve, `kura
    /// migrate`) or ``checkSchema()`` (read-only commands) next.
    ///
    /// - Throws: `schemaTooNew` when a newer Kura migrated the database: this binary must not
    ///   touch it.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.label = "kura"
        configuration.maximumReaderCount = 4
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.barrierWriteWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch {
            throw SQLiteStore.map(error)
        }
        let found = try readVersion()
        if found > currentVersion {
            throw .schemaTooNew(database: found, binary: currentVersion)
        }
    }

    /// The writer connection's `PRAGMA synchronous` value (2 = FULL).
    public func synchronousMode() throws(StoreError) -> Int {
        do {
            return try pool.barrierWriteWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            }
        } catch {
            throw SQLiteStore.map(error)
        }
    }

    /// The writer connection's `PRAGMA journal_mode` value ("wal").
    public func journalMode() throws(StoreError) -> String {
        do {
            return try pool.barrierWriteWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            }
        } catch {
            throw SQLiteStore.map(error)
        }
    }

    /// Closes the pool; further calls fail.
    ///
    /// `DatabasePool.close()` blocks until every reader is back, and a reader comes back only
    /// when its queued block has run on one of dispatch's worker threads. Those are the threads
    /// Swift concurrency runs on (two on a two-core machine): closing on one of them could
    /// leave no thread to run the reader's block, and two stores closing at once did hang a
    /// whole test run. So the close waits on a thread of its own, as a snapshot reads on one.
    public func close() async {
        let pool = self.pool
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                try? pool.close()
                continuation.resume()
            }
        }
    }

    /// Reduces a GRDB error to a ``StoreError`` that carries the SQLite result code only, never
    /// the statement's arguments (GRDB's description would include them).
    static func map(_ error: any Error) -> StoreError {
        if let storeError = error as? StoreError {
            return storeError
        }
        if error is RowDecodingError {
            // A NULL or a value of the wrong type where the schema forbids it.
            return .corrupt("a stored row does not decode")
        }
        guard let databaseError = error as? DatabaseError else {
            return .backend("unexpected error")
        }
        switch databaseError.extendedResultCode {
        case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
            return .constraintViolation("unique key (SQLite \(databaseError.extendedResultCode.rawValue))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .conflict("database busy (SQLite \(databaseError.extendedResultCode.rawValue))")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR:
            return .unavailable("SQLite \(databaseError.extendedResultCode.rawValue)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt("SQLite \(databaseError.extendedResultCode.rawValue)")
        default:
            if databaseError.resultCode == .SQLITE_CONSTRAINT {
                return .constraintViolation("SQLite \(databaseError.extendedResultCode.rawValue)")
            }
            if databaseError.resultCode == .SQLITE_IOERR {
                return .unavailable("SQLite \(databaseError.extendedResultCode.rawValue)")
            }
            return .backend("SQLite \(databaseError.extendedResultCode.rawValue)")
        }
    }
}

/// Runs a GRDB access and maps its error.
@inline(__always)
func mapped<T>(_ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw SQLiteStore.map(error)
    }
}

/// Runs an async GRDB access and maps its error.
@inline(__always)
func mapped<T>(_ body: () async throws -> T) async throws(StoreError) -> T {
    do {
        return try await body()
    } catch {
        throw SQLiteStore.map(error)
    }
}
