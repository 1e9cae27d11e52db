import ArgumentParser
import Foundation

/// Where the data lives: the data folder, and PostgreSQL instead of its SQLite database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The data folder (default ./kura-data; env KURA_DATA).")
    var dataDirectory: String?

    @Option(
        name: .customLong("database"),
        help:
            "A PostgreSQL URL postgres://user@host:port/db (env KURA_DATABASE_URL); default: the data folder's SQLite."
    )
    var databaseURL: String?

    /// The data folder: option, then environment, then `./kura-data`.
    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["KURA_DATA"] ?? "./kura-data"
    }

    /// The PostgreSQL URL: option, then environment; nil for SQLite.
    var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["KURA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
