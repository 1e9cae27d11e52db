import ArgumentParser
import Foundation
import KuraServer
import Logging

/// `kura user …`: accounts from the server console, under the same rules as the API (ACC-1,
/// ACC-4, AUTH-4, AUTH-5). Each change is a ledger leaf with the actor "console".
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts: add, list, disable, enable, reset, set-role, unlock.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Reset.self, SetRole.self, Unlock.self]
    )

    /// The options every subcommand takes: where the data and keys are.
    struct Target: ParsableArguments {
        @OptionGroup var database: DatabaseOptions

        /// Runs `body` with the console's identity service.
        func run<R: Sendable>(_ body: @Sendable (IdentityService) async throws -> R) async throws -> R {
            let configuration = try await ServerConfiguration.load(
                commandLine: database.configurationValues, environment: ProcessInfo.processInfo.environment)
            var logger = Logger(label: "kura")
            logger.logLevel = .warning
            return try await IdentityConsole.withService(configuration: configuration, logger: logger, body)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; prints a one-time initial password that must change at first sign-in.")
        @OptionGroup var target: Target
        @Argument(help: "The login name (3–32 of a-z, 0-9, '.', '_', '-').") var login: String
        @Option(help: "The person's full name.") var name: String
        @Option(help: "physician, nurse, clerk, administrator, pharmacist, therapist, care-manager or other.")
        var jobType: String
        @Option(name: .customLong("role"), help: "A role (repeat): physician, nurse, clerk, admin, auditor, partner.")
        var roles: [String]
        @Option(help: "The licence number (physicians and nurses).") var licence: String?
        @Option(help: "The last day of use, YYYY-MM-DD (JST).") var ends: String?

        func run() async throws {
            let endsAt = try ends.map(UserCommand.endOfDay)
            let input = NewAccount(
                login: login, name: name, jobType: jobType, licence: licence, roles: roles, endsAt: endsAt)
            let (account, password) = try await target.run { try await $0.addAccount(input, by: .console) }
            print("account \(account.login) (\(account.id)) added with roles \(account.roles.joined(separator: ","))")
            print("initial password (one time, tell the person privately): \(password)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with status, roles and last sign-in.")
        @OptionGroup var target: Target

        func run() async throws {
            let accounts = try await target.run { try await $0.listAccounts() }
            print(UserCommand.table(accounts))
        }
    }

    /// The options of a command that changes one account named by its login.
    struct OneAccount: ParsableArguments {
        @OptionGroup var target: Target
        @Argument(help: "The login name.") var login: String

        /// Applies `change` to the account and prints `done` with its login.
        func apply(
            _ done: String,
            _ change: @escaping @Sendable (IdentityService, String) async throws -> AccountView
        ) async throws {
            let login = login
            let account = try await target.run { service in
                try await change(service, try await service.accountID(login: login))
            }
            print("account \(account.login) \(done)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var account: OneAccount

        func run() async throws {
            try await account.apply("disabled") { try await $0.disable($1, by: .console) }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @OptionGroup var account: OneAccount

        func run() async throws {
            try await account.apply("enabled") { try await $0.enable($1, by: .console) }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reset a password to a one-time password; the reset goes to the review queue.")
        @OptionGroup var target: Target
        @Argument var login: String

        func run() async throws {
            let password = try await target.run { service in
                try await service.resetPassword(of: try await service.accountID(login: login), by: .console)
            }
            print("one-time password (must change at next sign-in): \(password)")
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-role", abstract: "Replace an account's roles.")
        @OptionGroup var target: Target
        @Argument var login: String
        @Option(name: .customLong("role"), help: "A role (repeat).") var roles: [String]

        func run() async throws {
            let account = try await target.run { service in
                try await service.setRoles(roles, of: try await service.accountID(login: login), by: .console)
            }
            print("account \(account.login) now has roles \(account.roles.joined(separator: ","))")
            if account.administratorWithClinicalRole {
                print("note: an administrator with a clinical role is reported as an ACC-2 exception")
            }
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a sign-in lock.")
        @OptionGroup var account: OneAccount

        func run() async throws {
            try await account.apply("unlocked") { try await $0.unlock($1, by: .console) }
        }
    }

    /// Midnight at the end of `date` (YYYY-MM-DD) in JST, in ms since the epoch.
    static func endOfDay(_ date: String) throws -> Int64 {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        guard parts.count == 3,
            let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            let next = calendar.date(byAdding: .day, value: 1, to: day)
        else { throw ValidationError("--ends must be YYYY-MM-DD") }
        return Int64(next.timeIntervalSince1970 * 1000)
    }

    /// The accounts as an aligned table.
    static func table(_ accounts: [AccountView]) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let header = ["LOGIN", "ROLES", "STATUS", "2FA", "LAST SIGN-IN (JST)", "IDLE DAYS", "NOTES"]
        let rows = accounts.map { account -> [String] in
            var notes: [String] = []
            if account.lockedUntil != nil { notes.append("locked") }
            if account.passwordMustChange { notes.append("password-change-due") }
            if account.administratorWithClinicalRole { notes.append("ACC-2 exception") }
            if let reason = account.disabledReason { notes.append(reason) }
            return [
                account.login, account.roles.joined(separator: ","), account.status,
                account.secondFactorEnrolled ? "yes" : "no",
                account.lastLoginAt.map { formatter.string(from: Date(timeIntervalSince1970: Double($0) / 1000)) }
                    ?? "never",
                "\(account.idleDays)", notes.joined(separator: ","),
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
