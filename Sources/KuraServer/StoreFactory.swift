import Foundation
import KuraStore
import KuraStorePostgres
import KuraStoreSQLite
import Logging

/// Opens the configured backend: the data folder's SQLite database by default, PostgreSQL
/// when a URL is given.
public enum StoreFactory {
    /// The SQLite database's path inside a data folder.
    public static func sqlitePath(dataDirectory: String) -> String {
        "\(dataDirectory)/kura.sqlite"
    }

    /// Runs `body` with an open store and closes it afterwards (also on error).
    ///
    /// - Parameter migrate: apply missing migrations; when false a database that is not at
    ///   this binary's schema version is refused (a newer one always is).
    public static func withStore<R: Sendable>(
        dataDirectory: String,
        databaseURL: String?,
        migrate: Bool,
        logger: Logger,
        _ body: (any KuraStoreBackend) async throws -> R
    ) async throws -> R {
        if let databaseURL {
            return try await PostgresStore.withStore(url: databaseURL, logger: logger) { store in
                if migrate { _ = try await store.migrate() } else { try await store.checkSchema() }
                return try await body(store)
            }
        }
        let path = sqlitePath(dataDirectory: dataDirectory)
        guard migrate || FileManager.default.fileExists(atPath: path) else {
            throw StoreError.notFound("no database at the data folder (start `kura serve` once or run `kura migrate`)")
        }
        let store = try SQLiteStore(path: path)
        do {
            if migrate { _ = try await store.migrate() } else { try await store.checkSchema() }
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
