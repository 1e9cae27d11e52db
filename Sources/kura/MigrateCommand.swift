import ArgumentParser
import KuraServer
import KuraStore
import Logging

/// `kura migrate`: applies missing schema migrations (append-only) and reports the version.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply missing database migrations; refuses a database migrated by a newer Kura."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (applied, version) = try await StoreFactory.withStore(
            dataDirectory: database.resolvedDataDirectory,
            databaseURL: database.resolvedDatabaseURL,
            migrate: true,
            logger: Logger(label: "kura")
        ) { store in (try await store.migrate(), try await store.schemaVersion()) }
        if applied.isEmpty {
            print("schema is current (version \(version))")
        } else {
            print("applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(version)")
        }
    }
}
