import ArgumentParser
import Configuration
import Foundation
import KuraServer
import Logging

/// `kura snapshot emergency --to DIR`: the emergency snapshot on demand (REC-3, BAK-3), the
/// same pages the daily service writes when `emergency.directory` is set.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write snapshots for reading without the server.",
        subcommands: [Emergency.self]
    )

    struct Emergency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write today's encrypted emergency snapshot (one page per active patient and an index) to DIR/<date>/."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(
            help: ArgumentHelp(
                "The folder, off the server (env KURA_EMERGENCY_DIRECTORY; must exist).", valueName: "dir"))
        var to: String?
        @Option(
            help: ArgumentHelp(
                "Days of snapshots to keep there, 1–365 (default 7; env KURA_EMERGENCY_KEEP_DAYS).", valueName: "days"))
        var keepDays: Int?

        func run() async throws {
            var values = database.configurationValues
            values[.emergencyDirectory] = to.map(ConfigContent.string)
            values[.emergencyKeepDays] = keepDays.map(ConfigContent.int)
            let configuration = try await ServerConfiguration.load(
                commandLine: values, environment: ProcessInfo.processInfo.environment)
            var logger = Logger(label: "kura")
            logger.logLevel = .warning
            let outcome = try await EmergencyConsole.snapshot(configuration: configuration, logger: logger)
            print("emergency snapshot \(outcome.date): \(outcome.patients) patients in \(outcome.folder)")
            print("checkpoint size: \(outcome.checkpointSize.map(String.init) ?? "none yet")")
            if !outcome.pruned.isEmpty { print("removed: \(outcome.pruned.joined(separator: ", "))") }
        }
    }
}
