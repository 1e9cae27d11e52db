import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import KuraStore
import Logging

/// `kura verify …`: checks an auditor runs, trusting only the log's verifier key.
///
/// Exit status 0 means everything holds; 1 names the first bad leaf, row or checkpoint.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the log, a checkpoint, an inclusion proof or consistency with a kept checkpoint.",
        subcommands: [Log.self, Records.self, CheckpointFile.self, Inclusion.self, Consistency.self, Report.self]
    )

    /// Reads a whole file (at most 16 MiB: proofs and notes are small).
    static func read(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: 16 << 20) ?? Data()
        return [UInt8](data)
    }

    /// Prints `message` to standard error and fails with exit status 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("FAILED: \(message)\n".utf8))
        return ExitCode(1)
    }

    /// Runs a check, turning a verification failure into "FAILED: …" and exit status 1.
    static func reportingFailure<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as OfflineVerification.Failure {
            throw fail(failure.description)
        } catch let failure as AuditError {
            throw fail(failure.description)
        }
    }

    /// The verifier key from `--key`, else from the data folder's keys.
    static func verifier(key: String?, database: DatabaseOptions) throws -> NoteVerifier {
        if let key {
            return try OfflineVerification.verifier(key)
        }
        return try database.signer().verifier
    }

    /// `kura verify log`.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Recompute the whole log: every leaf, details row, tile and checkpoint (one pass)."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The log's verifier key; default: read from the data folder's keys.")
        var key: String?

        func run() async throws {
            let verifier = try VerifyCommand.verifier(key: key, database: database)
            let report = try await StoreFactory.withStore(
                dataDirectory: database.resolvedDataDirectory,
                databaseURL: database.resolvedDatabaseURL,
                migrate: false,
                logger: Logger(label: "kura")
            ) { store in try await LogAuditor(store: store, verifier: verifier).verifyLog() }
            if let failure = report.failure {
                throw VerifyCommand.fail(failure.description)
            }
            print(
                "log verified: \(report.leaves) leaves, \(report.checkpoints) checkpoints, "
                    + "signed size \(report.signedSize), \(report.pending) pending"
            )
        }
    }

    /// `kura verify records`.
    struct Records: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "records",
            abstract: "Check every stored record version and attachment against the hashes the log committed to.",
            discussion: "Run after `kura verify log`, which proves the committed details themselves."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let report = try await StoreFactory.withStore(
                dataDirectory: database.resolvedDataDirectory,
                databaseURL: database.resolvedDatabaseURL,
                migrate: false,
                logger: Logger(label: "kura")
            ) { store in try await RecordAuditor(ledger: store, records: store).verify() }
            if let failure = report.failure {
                throw VerifyCommand.fail(failure)
            }
            print(
                "records verified: \(report.versions) versions, \(report.attachments) attachments, "
                    + "\(report.documents) compliance documents")
        }
    }

    /// `kura verify checkpoint FILE --key VKEY`.
    struct CheckpointFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Verify a signed checkpoint file with the log's verifier key."
        )
        @Argument(help: "The checkpoint file (a C2SP signed note).")
        var file: String
        @Option(help: "The log's verifier key.")
        var key: String

        func run() async throws {
            let checkpoint = try await VerifyCommand.reportingFailure {
                try OfflineVerification.checkpoint(try VerifyCommand.read(file), key: key)
            }
            print("checkpoint verified: \(checkpoint.origin) size \(checkpoint.size)")
        }
    }

    /// `kura verify inclusion PROOF --leaf FILE --key VKEY`.
    struct Inclusion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inclusion",
            abstract: "Verify a C2SP tlog-proof file: the leaf is in the proof's signed checkpoint."
        )
        @Argument(help: "The tlog-proof file.")
        var proof: String
        @Option(help: "A file holding the leaf's bytes (as in the log's entry bundles).")
        var leaf: String
        @Option(help: "The log's verifier key.")
        var key: String

        func run() async throws {
            let checked = try await VerifyCommand.reportingFailure {
                try OfflineVerification.inclusion(
                    proof: try VerifyCommand.read(proof),
                    leaf: try VerifyCommand.read(leaf),
                    key: key
                )
            }
            print("inclusion verified: leaf \(checked.index) in checkpoint size \(checked.checkpoint.size)")
        }
    }

    /// `kura verify consistency OLD …`.
    struct Consistency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consistency",
            abstract: "Verify that the log still extends a checkpoint kept earlier.",
            discussion: """
                Either give the newer checkpoint and the proof (one base64 hash per line) as files,
                or give --data/--database and the proof is computed from the stored tiles against
                the newest checkpoint.
                """
        )
        @Argument(help: "The older checkpoint file an auditor kept.")
        var old: String
        @Option(help: "The newer checkpoint file.")
        var new: String?
        @Option(help: "The consistency proof file (one base64 hash per line).")
        var proof: String?
        @Option(help: "The log's verifier key.")
        var key: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await VerifyCommand.reportingFailure {
                if let new, let proof {
                    let (first, second) = try OfflineVerification.consistency(
                        old: try VerifyCommand.read(old),
                        new: try VerifyCommand.read(new),
                        proof: try VerifyCommand.read(proof),
                        key: key
                    )
                    print("consistency verified: size \(first.size) → \(second.size)")
                    return
                }
                let verifier = try OfflineVerification.verifier(key)
                let oldNote = try VerifyCommand.read(old)
                let newest = try await StoreFactory.withStore(
                    dataDirectory: database.resolvedDataDirectory,
                    databaseURL: database.resolvedDatabaseURL,
                    migrate: false,
                    logger: Logger(label: "kura")
                ) { store in try await LogAuditor(store: store, verifier: verifier).verifyConsistency(from: oldNote) }
                print("consistency verified: the log's newest checkpoint (size \(newest.size)) extends it")
            }
        }
    }

    /// `kura verify report FILE`.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Check a copy of a checklist report against the hashes sealed in the log (issue 8)."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The report file (HTML).") var file: String

        func run() async throws {
            var logger = Logger(label: "kura")
            logger.logLevel = .warning
            let configuration = try await ServerConfiguration.load(
                commandLine: database.configurationValues, environment: ProcessInfo.processInfo.environment)
            guard
                let seal = try await ComplianceConsole.verifyReport(
                    configuration: configuration, file: file, logger: logger)
            else {
                throw VerifyCommand.fail("no sealed report has this file's SHA-256: it is not a copy Kura printed")
            }
            let position: String =
                switch seal.leaf {
                case .integrated(index: let index): "leaf \(index)"
                case .pending: "a leaf not yet numbered"
                case .unknown: "an unknown leaf"
                }
            print("report verified: SHA-256 \(seal.sha256), checklist \(seal.checklist), sealed in \(position)")
        }
    }
}
