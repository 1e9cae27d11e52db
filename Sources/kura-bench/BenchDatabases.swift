import Foundation
import KuraServer
import KuraStore
import KuraStorePostgres
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
        var url: String?
        if backend == .postgres {
            let adminURL = try requireAdminURL()
            let databaseName = Self.postgresName(name)
            try await PostgresStore.dropDatabase(named: databaseName, adminURL: adminURL, logger: logger)
            try await PostgresStore.createDatabase(named: databaseName, adminURL: adminURL, logger: logger)
            url = try Self.url(adminURL, database: databaseName)
        }
        let database = BenchDatabase(dataDirectory: folder, url: url)
        try await StoreFactory.withStore(dataDirectory: folder, databaseURL: url, migrate: true, logger: logger) { _ in
        }
        return database
    }

    /// Opens `database` as `buildApplication` does (through `StoreFactory`): the store, and for
    /// PostgreSQL the pool that must run in the service group.
    func open(_ database: BenchDatabase) async throws -> (store: any KuraStoreBackend, pool: (any Service)?) {
        try await StoreFactory.open(
            dataDirectory: database.dataDirectory,
            databaseURL: database.url,
            migrate: false,
            logger: logger
        )
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
