import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import Logging

/// `kura backup …`: write a generation, list generations, verify one (BAK-1, BAK-2).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the records, encrypted to the offline recovery key; list and verify generations.",
        subcommands: [Create.self, List.self, Verify.self],
        defaultSubcommand: Create.self
    )

    /// `kura backup [create] --to DIR`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Write one generation into DIR while the server runs (the default subcommand)."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("to"), help: "The backup folder; each generation is a folder inside it.")
        var destination: String
        @Option(help: "Daily generations kept (0 with --weekly 0 --monthly 0 keeps only the newest).")
        var daily = 7
        @Option(help: "Weekly generations kept.") var weekly = 4
        @Option(help: "Monthly generations kept.") var monthly = 12
        @Flag(help: "Never delete a generation here (for offline and write-once media).")
        var keepAll = false

        func run() async throws {
            var logger = Logger(label: "kura")
            logger.logLevel = .warning
            let outcome = try await BackupConsole.backup(
                dataDirectory: database.resolvedDataDirectory, databaseURL: database.resolvedDatabaseURL,
                keyFile: database.resolvedKeyFile, destination: destination,
                retention: keepAll ? nil : BackupRetention(daily: daily, weekly: weekly, monthly: monthly),
                logger: logger,
                progress: { step in
                    FileHandle.standardError.write(
                        Data("  \(step.table): \(step.rows) rows, \(step.bytes / 1_048_576) MiB so far\n".utf8))
                })
            let result = outcome.result
            print("generation \(result.generationID) written to \(result.folder)")
            print(
                String(
                    format: "%d files, %.1f MiB in %.1f s", result.manifest.files.count,
                    Double(result.bytes) / 1_048_576, result.seconds))
            print("recovery key fingerprint: \(result.manifest.recoveryKeyFingerprint)")
            print("manifest SHA-256 (recorded in the log): \(result.manifestDigest)")
            if !outcome.pruned.isEmpty {
                print("removed by the retention policy: \(outcome.pruned.joined(separator: ", "))")
            }
        }
    }

    /// `kura backup list DIR`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the generations in a backup folder.")
        @Argument(help: "The backup folder.") var folder: String

        func run() async throws {
            let entries = try BackupCatalog.list(folder)
            if entries.isEmpty { print("no generations in \(folder)") }
            for entry in entries {
                guard let manifest = entry.manifest, entry.isComplete else {
                    print("\(entry.name)  INCOMPLETE (not a backup)")
                    continue
                }
                let created = Date(timeIntervalSince1970: Double(manifest.createdAt) / 1000)
                let size = manifest.checkpoint.split(separator: "\n").dropFirst().first ?? "-"
                print(
                    "\(entry.name)  \(created.formatted(.iso8601))  \(manifest.sourceBackend)  "
                        + String(format: "%.1f MiB", Double(entry.bytes) / 1_048_576) + "  log size \(size)")
            }
        }
    }

    /// `kura backup verify DIR`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every file of a generation: hashes, decryption and rows, without restoring.")
        @Argument(help: "A generation folder, or a backup folder (its newest generation).") var folder: String
        @OptionGroup var recovery: RecoveryKeyOptions

        func run() async throws {
            let report = try BackupVerifier.verify(folder, recoveryKey: try recovery.load())
            print("generation \(report.manifest.generationID): OK")
            print(
                String(
                    format: "%d files, %.1f MiB, %d rows checked", report.files, Double(report.bytes) / 1_048_576,
                    report.rows))
        }
    }
}

/// Where the recovery key comes from: a file (the security officer's copy) or standard input.
struct RecoveryKeyOptions: ParsableArguments {
    @Option(help: "A file holding the recovery key (else it is read from standard input).")
    var recoveryKeyFile: String?

    func load() throws -> RecoveryKey {
        let text: String
        if let recoveryKeyFile {
            guard let data = FileManager.default.contents(atPath: recoveryKeyFile) else {
                throw ValidationError("cannot read \(recoveryKeyFile)")
            }
            text = String(decoding: data, as: UTF8.self)
        } else {
            FileHandle.standardError.write(Data("recovery key: ".utf8))
            text = readLine(strippingNewline: true) ?? ""
        }
        // The file may hold the printed sheet: take the line with the key.
        let line =
            text.split(whereSeparator: \.isNewline).first { $0.uppercased().contains(RecoveryKey.textPrefix) }
            ?? Substring(text)
        return try RecoveryKey(text: String(line))
    }
}

/// `kura restore --from DIR --data NEWDIR [--database URL]`.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract:
            "Restore a generation into a new data folder (and an empty PostgreSQL database), with the recovery key."
    )
    @Option(help: "A generation folder, or a backup folder (its newest generation).") var from: String
    @Option(name: .customLong("data"), help: "The new data folder (must not exist or be empty).")
    var dataDirectory: String
    @Option(help: "An empty PostgreSQL database to restore into (default: SQLite in the new data folder).")
    var database: String?
    @OptionGroup var recovery: RecoveryKeyOptions

    func run() async throws {
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let result = try await BackupRestorer.restore(
            from: from, recoveryKey: try recovery.load(), dataDirectory: dataDirectory, databaseURL: database,
            logger: logger)
        print("generation \(result.manifest.generationID) restored into \(result.dataDirectory) (\(result.backend))")
        print(String(format: "%d rows in %.1f s", result.rows, result.seconds))
        print(
            "next: `kura verify log --data \(result.dataDirectory)`, then `kura serve --data \(result.dataDirectory)`")
    }
}

extension KeysCommand {
    /// `kura keys recovery-init`.
    struct RecoveryInit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recovery-init",
            abstract:
                "Create the offline recovery key once: print it for the security officer; only its public half stays."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Also write the key to this file (removable media, never the server's disk).")
        var out: String?

        func run() async throws {
            let key = try RecoveryKeyFile.create(inDataFolder: database.resolvedDataDirectory)
            let sheet = """
                Kura recovery key (回復キー) — keep offline, e.g. printed in the clinic's safe.
                Without it no backup can be read or restored. It is not stored on the server.
                fingerprint: \(key.publicKey.fingerprint)

                \(key.text)

                """
            if let out {
                guard
                    FileManager.default.createFile(
                        atPath: out, contents: Data(sheet.utf8), attributes: [.posixPermissions: 0o600])
                else { throw ValidationError("cannot write \(out)") }
            }
            print(sheet)
        }
    }
}

/// `kura drill --from DIR`.
struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Restore the newest generation into a scratch folder and prove it equals the live records (evidence)."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup folder (its newest complete generation is drilled).") var from: String
    @Option(help: "Where to restore the scratch copy (default: the system's temporary folder).") var scratch: String?
    @OptionGroup var recovery: RecoveryKeyOptions

    func run() async throws {
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let verifier = try database.signer().verifier
        let key = try recovery.load()
        let result = try await StoreFactory.withStore(
            dataDirectory: database.resolvedDataDirectory, databaseURL: database.resolvedDatabaseURL, migrate: false,
            logger: logger
        ) { store in
            try await BackupDrill.run(
                backups: from, recoveryKey: key, live: store, verifier: verifier,
                scratch: scratch ?? FileManager.default.temporaryDirectory.path, logger: logger)
        }
        let summary = String(
            format: "%.1f s, %d rows restored, %d immutable rows compared, restored log size %d", result.seconds,
            result.rows, result.compared, result.restoredTreeSize)
        guard result.passed else {
            print("drill of \(result.generationID): FAIL (\(summary))")
            throw VerifyCommand.fail(result.failure ?? "failed")
        }
        print("drill of \(result.generationID): PASS (\(summary)); recorded in the log")
    }
}
