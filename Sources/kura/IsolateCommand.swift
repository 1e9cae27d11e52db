import ArgumentParser
import Foundation
import KuraServer
import Logging

/// `kura isolate on|off|status` (INC-3).
struct IsolateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolate",
        abstract: "Isolation mode: only this machine may connect, and only to read (an incident's first step).",
        discussion: "The running server follows the switch within a second; each switch is recorded in the log."
    )

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off, status
    }

    @Argument(help: "on, off or status.") var setting: Switch
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let isolation = IsolationSwitch(dataDirectory: database.resolvedDataDirectory)
        guard setting != .status else {
            print(isolation.isOn ? "isolation: on" : "isolation: off")
            return
        }
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let changed = try await StoreFactory.withStore(
            dataDirectory: database.resolvedDataDirectory, databaseURL: database.resolvedDatabaseURL, migrate: false,
            logger: logger
        ) { store in try await isolation.set(setting == .on, store: store) }
        print("isolation: \(setting.rawValue)\(changed ? " (recorded in the log)" : " (it already was)")")
    }
}
