import ArgumentParser
import Foundation
import KuraServer

/// The `kura` command line: each command parses its options and calls a library function
/// that tests call too (STYLE 12).
@main
struct Kura: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kura",
        abstract: "Kura (蔵): a clinical record system for small clinics, with a tamper-evident log.",
        version: BuildInfo.versionText,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, UserCommand.self, LogCommand.self, VerifyCommand.self,
            KeysCommand.self, BackupCommand.self, RestoreCommand.self, DrillCommand.self, IsolateCommand.self,
            ExportCommand.self, ImportCommand.self, SnapshotCommand.self, CheckCommand.self,
        ]
    )

    /// Everything Kura creates (the database, its WAL, keys, certificates) is readable by the
    /// service account only: the database holds PHI even though its fields are encrypted.
    static func main() async {
        umask(0o077)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
