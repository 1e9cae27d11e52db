import ArgumentParser
import Foundation
import KuraCore
import KuraServer

/// `kura keys …`: keys the security officer holds.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract:
            "Keys the security officer holds: the backups' offline recovery key, the emergency snapshot's passphrase.",
        subcommands: [RecoveryInit.self, EmergencyInit.self]
    )

    /// `kura keys emergency-init` (REC-3).
    struct EmergencyInit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "emergency-init",
            abstract:
                "Create the emergency snapshot's key once and print its passphrase for the security officer; only the key, sealed, stays."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let configuration = try await ServerConfiguration.load(
                commandLine: database.configurationValues, environment: ProcessInfo.processInfo.environment)
            let passphrase = try EmergencyConsole.initializeKey(configuration: configuration)
            print(
                """
                Kura emergency snapshot passphrase (緊急時閲覧用パスフレーズ)
                Give it to the security officer (医療情報システム安全管理責任者) and keep it off the server,
                e.g. printed in the clinic's safe. It opens every emergency snapshot page; it is shown only
                this once and stored nowhere. Without it the snapshots cannot be read.

                \(passphrase.grouped)

                """)
        }
    }
}
