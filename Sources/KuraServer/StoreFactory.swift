import Foundation
import KuraStore
import KuraStorePostgres
import KuraStoreSQLite
import Logging
import ServiceLifecycle

/// Opens the configured backend: the data folder's SQLite database by default, PostgreSQL
/// when a URL is given.
public enum StoreFactory {
    /// The SQLite database's path inside a data folder.
    public static func sqlitePath(dataDirectory: String) -> String {
        "\(dataDirectory)/kura.sqlite"
    }

    /// Opens the configured backend and migrates it (`migrate`) or checks that its schema is
    /// this binary's (read-only commands). For PostgreSQL, `pool` is the connection pool's
    /// service, which must run while the store is used (in the service group, or beside a
    /// command's body); SQLite has none.
    public static func open(
        dataDirectory: String,
        databaseURL: String?,
        migrate: Bool,
        logger: Logger
    ) async throws -> (store: any KuraStoreBackend & SnapshotStore, pool: (any Service)?) {
        let store: any KuraStoreBackend & SnapshotStore
        let pool: (any Service)?
        if let databaseURL {
            // Schema work uses a connection of its own, so it runs before the pool does.
            let postgres = try PostgresStore(url: databaseURL, logger: logger)
            (store, pool) = (postgres, postgres)
        } else {
            let path = sqlitePath(dataDirectory: dataDirectory)
            guard migrate || FileManager.default.fileExists(atPath: path) else {
                throw StoreError.notFound(
                    "no database at the data folder (start `kura serve` once or run `kura migrate`)"
                )
            }
            (store, pool) = (try SQLiteStore(path: path), nil)
        }
        do {
            if migrate { _ = try await store.migrate() } else { try await store.checkSchema() }
        } catch {
            await store.close()
            throw error
        }
        return (store, pool)
    }

    /// Runs `body` with an open store (running its pool beside it) and closes it afterwards,
    /// also on error: for CLI commands, which have no service group.
    public static func withStore<R: Sendable>(
        dataDirectory: String,
        databaseURL: String?,
        migrate: Bool,
        logger: Logger,
        _ body: (any KuraStoreBackend & SnapshotStore) async throws -> R
    ) async throws -> R {
        let (store, pool) = try await open(
            dataDirectory: dataDirectory,
            databaseURL: databaseURL,
            migrate: migrate,
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            if let pool {
                group.addTask { try await pool.run() }
            }
            do {
                let result = try await body(store)
                await store.close()
                try await group.waitForAll()
                return result
            } catch {
                await store.close()
                group.cancelAll()
                throw error
            }
        }
    }
}
