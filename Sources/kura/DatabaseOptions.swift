import ArgumentParser
import Configuration
import Foundation
import KuraCore
import KuraServer

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

    @Option(help: "A key file shared by several servers (env KURA_KEY_FILE; its passphrase: KURA_KEY_PASSPHRASE).")
    var keyFile: String?

    /// The options given, by configuration key: the highest layer of the configuration. An
    /// option left out is absent, so that the environment and the file can supply it.
    var configurationValues: [ServerConfiguration.Key: ConfigContent] {
        var values: [ServerConfiguration.Key: ConfigContent] = [:]
        values[.dataDirectory] = dataDirectory.map(ConfigContent.string)
        values[.databaseURL] = databaseURL.map(ConfigContent.string)
        values[.keyFile] = keyFile.map(ConfigContent.string)
        return values
    }

    /// The data folder for the commands other than `serve`: option, then `KURA_DATA`, then
    /// `./kura-data` (they read no configuration file).
    var resolvedDataDirectory: String {
        reader.string(forKey: ServerConfiguration.Key.dataDirectory.configKey).flatMap(Self.nonEmpty)
            ?? ServerConfiguration().dataDirectory
    }

    /// The PostgreSQL URL for the commands other than `serve`: option, then `KURA_DATABASE_URL`;
    /// nil (or empty) for SQLite.
    var resolvedDatabaseURL: String? {
        let key = ServerConfiguration.Key.databaseURL
        return reader.string(forKey: key.configKey, isSecret: key.isSecret).flatMap(Self.nonEmpty)
    }

    /// The command-line and environment layers `kura serve` reads too, so the names agree.
    /// The key file: option, then environment; nil for the data folder's own.
    var resolvedKeyFile: String? {
        reader.string(forKey: ServerConfiguration.Key.keyFile.configKey).flatMap(Self.nonEmpty)
    }

    /// The key file's passphrase (environment only: an option would show in `ps`). Secret.
    var resolvedKeyPassphrase: String? {
        let key = ServerConfiguration.Key.keyPassphrase
        return reader.string(forKey: key.configKey, isSecret: key.isSecret).flatMap(Self.nonEmpty)
    }

    /// The log's signer from the data folder's identity and keys (never creates anything).
    func signer() throws -> NoteSigner {
        try LogIdentity.signer(
            dataDirectory: resolvedDataDirectory,
            keyFile: resolvedKeyFile,
            passphrase: resolvedKeyPassphrase
        )
    }

    private var reader: ConfigReader {
        ConfigReader(
            providers: ServerConfiguration.commandLineAndEnvironment(
                commandLine: configurationValues,
                environment: ProcessInfo.processInfo.environment
            )
        )
    }

    /// An empty value means "not set", as an empty `KURA_DATABASE_URL` always has.
    private static func nonEmpty(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }
}
