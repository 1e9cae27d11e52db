import Foundation
import KuraServer
import KuraTesting
import Testing

/// `kura user …` against a real data folder and database (ACC-1, ACC-4, AUTH-4, AUTH-5).
@Suite("kura user", .enabled(if: KuraBinary.isAvailable))
struct UserCommandTests {
    @Test("add, list, set-role, disable, enable, unlock and reset from the console", arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let add = try await log.kura(
                [
                    "user", "add", "dr.kato", "--name", "加藤 医師", "--job-type", "physician", "--role", "physician",
                    "--licence", "12345",
                ] + log.databaseArguments)
            #expect(add.status == 0, "\(add.error)")
            let line = try #require(add.output.split(separator: "\n").first { $0.hasPrefix("initial password") })
            let password = String(line.split(separator: " ").last ?? "")
            #expect(password.count == 19)

            // A physician without a licence number is refused with a clear message.
            let refused = try await log.kura(
                ["user", "add", "dr.nolicence", "--name", "無免許", "--job-type", "physician", "--role", "physician"]
                    + log.databaseArguments)
            #expect(refused.status != 0)
            #expect(refused.error.contains("licence"))

            let list = try await log.kura(["user", "list"] + log.databaseArguments)
            #expect(list.status == 0, "\(list.error)")
            #expect(list.output.contains("dr.kato"))
            #expect(list.output.contains("password-change-due"))
            #expect(!list.output.contains("加藤"), "the list shows login names, not personal names")

            let role = try await log.kura(
                ["user", "set-role", "dr.kato", "--role", "physician", "--role", "admin"] + log.databaseArguments)
            #expect(role.status == 0, "\(role.error)")
            #expect(role.output.contains("ACC-2 exception"))

            for command in ["disable", "enable", "unlock"] {
                let outcome = try await log.kura(["user", command, "dr.kato"] + log.databaseArguments)
                #expect(outcome.status == 0, "\(command): \(outcome.error)")
            }
            let reset = try await log.kura(["user", "reset", "dr.kato"] + log.databaseArguments)
            #expect(reset.status == 0, "\(reset.error)")
            #expect(reset.output.contains("one-time password"))

            let unknown = try await log.kura(["user", "disable", "nobody"] + log.databaseArguments)
            #expect(unknown.status != 0)
            // Every change is a leaf with the console as actor; no password reaches one.
            // PostgreSQL keeps every appended row in ledger_pending (numbered in ledger_index).
            let table = backend == .postgres ? "ledger_pending" : "ledger_detail"
            let details = try await log.raw.strings("SELECT details FROM \(table)")
            #expect(details.contains { $0.contains("\"account.created\"") && $0.contains("\"console\"") })
            #expect(details.contains { $0.contains("\"password.reset\"") })
            #expect(!details.contains { $0.contains(password) || $0.contains("加藤") })
        }
    }
}
