import KuraStore
import Logging
import PostgresNIO
import Synchronization

extension PostgresStore: SchemaStore {
    /// The schema version this binary writes: the last migration's.
    public var currentVersion: Int { PostgresMigration.all.last?.version ?? 0 }

    /// The version recorded in the database (0 for an empty database).
    public func schemaVersion() async throws(StoreError) -> Int {
        try await withDirectConnection { connection in
            try await Self.schemaVersion(on: connection, logger: driverLogger)
        }
    }

    /// Applies the missing migrations in order, each in its own transaction with its version
    /// bump, under an advisory lock so that servers starting together migrate once.
    ///
    /// - Returns: The versions applied by this call (empty when the database was current).
    /// - Throws: ``StoreError/schemaTooNew(database:binary:)`` for a database migrated by a newer
    ///   Kura, without touching it.
    public func migrate() async throws(StoreError) -> [Int] {
        let binary = currentVersion
        let applied = try await withDirectConnection { connection in
            var applied: [Int] = []
            for migration in PostgresMigration.all {
                let didApply = try await Self.inTransaction(on: connection, logger: driverLogger) { connection in
                    try await Self.apply(migration, binary: binary, on: connection, logger: driverLogger)
                }
                if didApply { applied.append(migration.version) }
            }
            return applied
        }
        for version in applied {
            logger.info("postgres.migration.applied", metadata: ["postgres.schema.version": "\(version)"])
        }
        schemaVerified.store(true, ordering: .releasing)
        return applied
    }

    /// Checks that the database's schema is exactly this binary's: what a server runs at start
    /// when it is not told to migrate.
    ///
    /// Data calls run this once per store on first use, so no call ever touches a database of
    /// another version; a server should still call it (or ``migrate()``) at start to fail fast.
    ///
    /// - Throws: ``StoreError/schemaTooNew(database:binary:)`` when a newer Kura migrated the
    ///   database; ``StoreError/schemaTooOld(database:binary:)`` when it needs `kura migrate`.
    public func checkSchema() async throws(StoreError) {
        let database = try await schemaVersion()
        let binary = currentVersion
        if let error = StoreError.schemaMismatch(database: database, binary: binary) { throw error }
        schemaVerified.store(true, ordering: .releasing)
    }

    /// Applies `migration` unless the database already has it; the caller wraps it in a
    /// transaction, so the statements and the version bump commit together.
    private static func apply(
        _ migration: PostgresMigration,
        binary: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        // Taken before anything is read: a second server waits here, then sees the new version.
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresAdvisoryLock.migration))", logger: logger)
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS kura_schema_version (
                version INT PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
        let database = try await schemaVersion(on: connection, logger: logger)
        guard database <= binary else { throw StoreError.schemaTooNew(database: database, binary: binary) }
        guard database < migration.version else { return false }
        guard database == migration.version - 1 else {
            throw StoreError.corrupt("schema version \(database) precedes a missing migration")
        }
        for statement in migration.statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        let version = Int32(migration.version)
        try await connection.query("INSERT INTO kura_schema_version (version) VALUES (\(version))", logger: logger)
        return true
    }

    private static func schemaVersion(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let exists = try await connection.query(
            "SELECT to_regclass('kura_schema_version') IS NOT NULL",
            logger: logger
        ).collect()
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        let rows = try await connection.query(
            "SELECT COALESCE(max(version), 0)::int8 FROM kura_schema_version",
            logger: logger
        ).collect()
        guard let version = try rows.first?.decode(Int64.self) else { return 0 }
        return Int(version)
    }
}
