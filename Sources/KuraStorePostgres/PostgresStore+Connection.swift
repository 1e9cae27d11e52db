import KuraStore
import Logging
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// Fails when the store is closed, then checks the schema version once per store.
    func ready() async throws(StoreError) {
        guard !closed.load(ordering: .acquiring) else { throw .unavailable("the store is closed") }
        if !schemaVerified.load(ordering: .acquiring) {
            try await checkSchema()
        }
    }

    /// Runs `body` on a pooled connection, mapping every driver error to ``StoreError``.
    func withConnection<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws(StoreError) -> Result {
        guard !closed.load(ordering: .acquiring) else { throw .unavailable("the store is closed") }
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs `body` inside `BEGIN` … `COMMIT` on one pooled connection; rolls back when it throws.
    func withTransaction<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws(StoreError) -> Result {
        try await withConnection { connection in
            try await Self.inTransaction(on: connection, logger: driverLogger, body)
        }
    }

    /// Runs `body` inside `BEGIN` … `COMMIT` on `connection`; rolls back when it throws.
    ///
    /// The transaction answers only after `COMMIT` returned, that is after the commit record
    /// was flushed (`synchronous_commit=on`, set for every session). When `COMMIT` itself fails
    /// the error is thrown and PostgreSQL has rolled the transaction back; if the connection
    /// broke during `COMMIT` the outcome is unknown to the client, as with any database.
    static func inTransaction<Result: Sendable>(
        on connection: PostgresConnection,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            // A failed ROLLBACK means the connection is gone; the pool drops it.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return result
    }

    /// Runs `body` on a connection of its own, outside the pool, closed afterwards (see
    /// ``PostgresConfiguration/connectionConfiguration()``); works without ``run()``.
    static func withDirectConnection<Result: Sendable>(
        configuration: PostgresConfiguration,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws(StoreError) -> Result {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try configuration.connectionConfiguration(),
                id: 0,
                logger: logger
            )
            do {
                let result = try await body(connection)
                try? await connection.close()
                return result
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs `body` on a direct connection to this store's database.
    func withDirectConnection<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws(StoreError) -> Result {
        guard !closed.load(ordering: .acquiring) else { throw .unavailable("the store is closed") }
        return try await Self.withDirectConnection(configuration: configuration, logger: driverLogger, body)
    }

    /// Runs a read on a pooled connection and returns all its rows.
    func rows(of query: PostgresQuery) async throws(StoreError) -> [PostgresRow] {
        try await withConnection { connection in
            try await connection.query(query, logger: driverLogger).collect()
        }
    }
}
