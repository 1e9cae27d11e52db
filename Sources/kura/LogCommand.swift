import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import KuraStore
import Logging

/// `kura log …`: the log's key, its newest checkpoint, inclusion proofs.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The tamper-evident log: its verifier key, checkpoints and proofs.",
        subcommands: [Key.self, CheckpointCommand.self, Proof.self]
    )

    /// `kura log key`.
    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key",
            abstract: "Print the log's verifier key (give it to auditors; it is public)."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            print(try database.signer().verifier.description)
        }
    }

    /// `kura log checkpoint`.
    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Print the newest signed checkpoint (keep it: it anchors the log)."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let note = try await StoreFactory.withStore(
                dataDirectory: database.resolvedDataDirectory,
                databaseURL: database.resolvedDatabaseURL,
                migrate: false,
                logger: Logger(label: "kura")
            ) { store in try await store.latestCheckpoint()?.note }
            guard let note else { throw ValidationError("the log has no checkpoint yet") }
            FileHandle.standardOutput.write(Data(note))
        }
    }

    /// `kura log proof INDEX`.
    struct Proof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proof",
            abstract: "Print a C2SP tlog-proof of one leaf against the newest checkpoint."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The leaf index.")
        var index: UInt64

        func run() async throws {
            let signer = try database.signer()
            let proof = try await StoreFactory.withStore(
                dataDirectory: database.resolvedDataDirectory,
                databaseURL: database.resolvedDatabaseURL,
                migrate: false,
                logger: Logger(label: "kura")
            ) { store in
                try await LogAuditor(store: store, verifier: signer.verifier).inclusionProof(index: index).bytes
            }
            FileHandle.standardOutput.write(Data(proof))
        }
    }
}
