import Foundation
import KuraServer
import KuraStore
import KuraStorePostgres
import KuraStoreSQLite
import Logging
import ServiceLifecycle

/// One database of a run: the arguments `kura` commands take to reach it.
struct BenchDatabase: Sendable {
    /// The data folder (SQLite keeps `kura.sqlite` in it; unused for PostgreSQL).
    let dataDirectory: String
    /// The PostgreSQL URL, or nil for SQLite.
    let url: String?

    /// The SQLite file.
    var sqlitePath: String { StoreFactory.sqlitePath(dataDirectory: dataDirectory) }
}

/// Makes fresh, migrated databases on the chosen backend and removes them afterwards: every
/// phase starts from an empty database of the real schema.
struct BenchDatabases: Sendable {
    /// The backend a run measures.
    enum Backend: String, CaseIterable, Sendable {
        case sqlite
        case postgres
    }

    let backend: Backend
    /// SQLite: the folder for the database folders. PostgreSQL: unused scratch folder.
    let directory: String
    /// PostgreSQL: a URL to an existing database whose role may create databases.
    let adminURL: String?
    let logger: Logger

    /// The PostgreSQL database name for `name`.
    static func postgresName(_ name: String) -> String { "kura_bench_\(name)" }

    /// A fresh database called `name`, migrated to the current schema by the store itself.
    func fresh(_ name: String) async throws -> BenchDatabase {
        let folder = "\(directory)/\(name)"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            let database = BenchDatabase(dataDirectory: folder, url: nil)
            let store = try SQLiteStore(path: database.sqlitePath)
            _ = try await store.migrate()
            await store.close()
            return database
        case .postgres:
            let adminURL = try requireAdminURL()
            let databaseName = Self.postgresName(name)
            try await PostgresStore.dropDatabase(named: databaseName, adminURL: adminURL, logger: logger)
            try await PostgresStore.createDatabase(named: databaseName, adminURL: adminURL, logger: logger)
            let url = try Self.url(adminURL, database: databaseName)
            try await PostgresStore.withStore(url: url, logger: logger) { _ = try await $0.migrate() }
            return BenchDatabase(dataDirectory: folder, url: url)
        }
    }

    /// Opens `database` as `buildApplication` does: the store, and for PostgreSQL the pool that
    /// must run in the service group.
    func open(_ database: BenchDatabase) throws -> (store: any KuraStoreBackend, pool: (any Service)?) {
        if let url = database.url {
            let store = try PostgresStore(url: url, logger: logger)
            return (store, store)
        }
        return (try SQLiteStore(path: database.sqlitePath), nil)
    }

    /// Removes the database called `name`.
    func remove(_ name: String) async {
        if backend == .postgres, let adminURL {
            try? await PostgresStore.dropDatabase(named: Self.postgresName(name), adminURL: adminURL, logger: logger)
        }
        try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
    }

    func requireAdminURL() throws -> String {
        guard let adminURL else { throw BenchError.usage("--database URL is required for --backend postgres") }
        return adminURL
    }

    /// `url` with its database (the path) replaced by `database`.
    static func url(_ url: String, database: String) throws -> String {
        guard var components = URLComponents(string: url), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else { throw BenchError.usage("--database must be a postgres:// URL") }
        components.path = "/\(database)"
        guard let replaced = components.string else { throw BenchError.usage("--database is not a valid URL") }
        return replaced
    }
}

/// Keeps the store open for the service group's lifetime and closes it last, like the server's
/// own store service: for PostgreSQL it runs the connection pool.
struct StoreLifetime: Service {
    let store: any KuraStoreBackend
    let pool: (any Service)?

    func run() async throws {
        if let pool {
            try await withGracefulShutdownHandler {
                try await pool.run()
            } onGracefulShutdown: {
                Task { await store.close() }
            }
        } else {
            try? await gracefulShutdown()
            await store.close()
        }
    }
}

/// Why a benchmark could not run or produced an invalid result.
enum BenchError: Error, CustomStringConvertible {
    /// The command line is incomplete or wrong.
    case usage(String)
    /// The run went wrong; the figures would mean nothing.
    case invalid(String)

    var description: String {
        switch self {
        case .usage(let message): message
        case .invalid(let message): "invalid run: \(message)"
        }
    }
}
