import ArgumentParser
import Foundation
import KuraServer
import Logging

/// `kura export --to DIR --login ADMIN` (REC-5, EXT-5).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything in an open, documented format (vendor exit); an administrator signs in again.",
        discussion: """
            The password is read from standard input (or KURA_EXPORT_PASSWORD), the one-time code \
            from --code. The export holds PHI in the clear: write it to encrypted media.
            """
    )
    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("to"), help: "The export folder (new or empty).") var destination: String
    @Option(help: "An administrator's login name.") var login: String
    @Option(help: "The administrator's current one-time code (TOTP).") var code: String

    func run() async throws {
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let password: String
        if let fromEnvironment = ProcessInfo.processInfo.environment["KURA_EXPORT_PASSWORD"] {
            password = fromEnvironment
        } else {
            FileHandle.standardError.write(Data("password for \(login): ".utf8))
            password = readLine(strippingNewline: true) ?? ""
        }
        let configuration = try await ServerConfiguration.load(
            commandLine: database.configurationValues, environment: ProcessInfo.processInfo.environment)
        let summary = try await ExportConsole.export(
            configuration: configuration,
            credentials: ExportConsole.Credentials(login: login, password: password, code: code),
            destination: destination, logger: logger)
        print(
            "exported to \(summary.folder): \(summary.patients) patients, \(summary.versions) versions, "
                + "\(summary.attachments) attachments, log size \(summary.leaves)")
        print("manifest SHA-256 (recorded in the log): \(summary.manifestDigest)")
        print("it holds patient information in the clear: keep it on encrypted media")
    }
}

/// `kura import --from DIR --data NEWDIR` (REC-5).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an export into a new Kura and prove its record hashes and log match the export."
    )
    @Option(help: "The export folder.") var from: String
    @Option(name: .customLong("data"), help: "The new data folder (must not exist or be empty).")
    var dataDirectory: String
    @Option(help: "An empty PostgreSQL database to load into (default: SQLite in the new data folder).")
    var database: String?
    @OptionGroup var recovery: RecoveryKeyOptions

    func run() async throws {
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let result = try await ExportImporter.importExport(
            from: from, recoveryKey: try recovery.load(), dataDirectory: dataDirectory, databaseURL: database,
            keyPassphrase: ProcessInfo.processInfo.environment["KURA_KEY_PASSPHRASE"], logger: logger)
        print("imported into \(result.restore.dataDirectory) (\(result.restore.backend)): \(result.restore.rows) rows")
        print(
            "record hashes match: \(result.versionsCompared) versions; the log is consistent with the exported "
                + "checkpoint (size \(result.exportedLogSize))")
    }
}
