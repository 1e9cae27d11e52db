import Foundation
import GRDB
import KuraStore

/// The SQLite schema as an append-only list of migrations: a released migration is never
/// edited; a change is a new entry. The schema version is the number of entries applied.
public enum SQLiteMigrations {
    /// Every migration in order; index 0 is version 1.
    static let all: [[String]] = [
        // Version 1: the ledger (DESIGN "The ledger"). SQLite numbers leaves at append time
        // because it has a single writer: the pending queue is the leaves at or beyond the
        // head's size, so integration only adds tiles, a checkpoint and the new head.
        [
            """
            CREATE TABLE ledger_leaf (
                idx INTEGER PRIMARY KEY,
                leaf BLOB NOT NULL CHECK (length(leaf) BETWEEN 1 AND 65535)
            )
            """,
            """
            CREATE TABLE ledger_detail (
                idx INTEGER PRIMARY KEY,
                salt BLOB NOT NULL CHECK (length(salt) = 32),
                details BLOB NOT NULL,
                appended_at INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_tile (
                level INTEGER NOT NULL,
                idx INTEGER NOT NULL,
                hashes BLOB NOT NULL,
                PRIMARY KEY (level, idx)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE ledger_checkpoint (
                size INTEGER PRIMARY KEY,
                root BLOB NOT NULL,
                note BLOB NOT NULL,
                sealed_at INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                size INTEGER NOT NULL,
                root BLOB NOT NULL
            )
            """,
            // The empty tree's root, SHA-256 of nothing (RFC 9162 §2.1.1).
            """
            INSERT INTO ledger_head (id, size, root)
            VALUES (1, 0, x'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
            """,
        ],
        // Version 2: the identity tables (SQLiteMigrations+Identity.swift).
        identity,
        // Version 3: the record tables (SQLiteMigrations+Records.swift).
        records,
        // Version 4: the compliance documents (SQLiteMigrations+Compliance.swift).
        compliance,
        // Version 5: patients by their last change, for a name index catching up (issue 7).
        ["CREATE INDEX patient_by_updated ON patient (updated_at, id)"],
    ]
}

extension SQLiteStore {
    /// The version recorded in the database (0 for an empty database).
    public func schemaVersion() async throws(StoreError) -> Int {
        try readVersion()
    }

    /// Applies missing migrations, each in its own transaction with its version row.
    public func migrate() async throws(StoreError) -> [Int] {
        try applyMigrations()
    }

    /// Throws `schemaTooOld` or `schemaTooNew` unless the database is at this binary's version.
    public func checkSchema() async throws(StoreError) {
        let found = try readVersion()
        if let error = StoreError.schemaMismatch(database: found, binary: currentVersion) { throw error }
    }

    func readVersion() throws(StoreError) -> Int {
        try mapped {
            try pool.read { db in
                guard try db.tableExists("kura_schema") else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT coalesce(max(version), 0) FROM kura_schema") ?? 0
            }
        }
    }

    func applyMigrations() throws(StoreError) -> [Int] {
        let binary = currentVersion
        return try mapped { try pool.writeWithoutTransaction { db in try Self.applyMigrations(db, binary: binary) } }
    }

    /// Applies missing migrations on `db`, each in its own transaction with its version row.
    static func applyMigrations(_ db: Database, binary: Int) throws -> [Int] {
        var applied: [Int] = []
        try db.inTransaction(.immediate) {
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS kura_schema (
                        version INTEGER PRIMARY KEY,
                        applied_at INTEGER NOT NULL
                    )
                    """
            )
            return .commit
        }
        for (offset, statements) in SQLiteMigrations.all.enumerated() {
            let version = offset + 1
            try db.inTransaction(.immediate) {
                // Read inside the write transaction, so two processes cannot both apply.
                let found = try Int.fetchOne(db, sql: "SELECT coalesce(max(version), 0) FROM kura_schema") ?? 0
                if found > binary {
                    throw StoreError.schemaTooNew(database: found, binary: binary)
                }
                guard found < version else { return .commit }
                for statement in statements {
                    try db.execute(sql: statement)
                }
                try db.execute(
                    sql: "INSERT INTO kura_schema (version, applied_at) VALUES (?, ?)",
                    arguments: [version, Int64(Date().timeIntervalSince1970 * 1000)]
                )
                applied.append(version)
                return .commit
            }
        }
        return applied
    }
}
