import Foundation
import KuraStorePostgres
import KuraTesting
import Logging
import Testing

/// The two backends every server test runs on. PostgreSQL needs the throwaway server that
/// `scripts/test` starts (`KURA_TEST_POSTGRES_URL`); when `KURA_REQUIRE_POSTGRES` is set its
/// absence is a failure, not a skip.
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The backends to run: SQLite always, PostgreSQL when configured or required.
    static var available: [TestBackend] {
        let environment = ProcessInfo.processInfo.environment
        if environment["KURA_TEST_POSTGRES_URL"] != nil || environment["KURA_REQUIRE_POSTGRES"] != nil {
            return allCases
        }
        return [.sqlite]
    }

    /// A fresh database for one test: nil URL for SQLite (the data folder's file), or a new
    /// PostgreSQL database. `cleanup` drops it.
    func makeDatabase() async throws -> (url: String?, cleanup: @Sendable () async -> Void) {
        switch self {
        case .sqlite:
            return (nil, {})
        case .postgres:
            let admin = try #require(
                ProcessInfo.processInfo.environment["KURA_TEST_POSTGRES_URL"],
                "KURA_TEST_POSTGRES_URL is not set: run the suite with scripts/test"
            )
            let name = "kura_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            let logger = Logger(label: "kura-test")
            try await PostgresStore.createDatabase(named: String(name), adminURL: admin, logger: logger)
            let url = Self.replacingDatabase(in: admin, with: String(name))
            return (
                url,
                {
                    try? await PostgresStore.dropDatabase(named: String(name), adminURL: admin, logger: logger)
                }
            )
        }
    }

    /// `admin` with its database path replaced by `name`.
    static func replacingDatabase(in admin: String, with name: String) -> String {
        guard
            let slash = admin.range(
                of: "/", options: .backwards, range: admin.range(of: "://")!.upperBound..<admin.endIndex)
        else { return admin + "/" + name }
        let query = admin[slash.upperBound...].firstIndex(of: "?").map { String(admin[$0...]) } ?? ""
        return String(admin[..<slash.upperBound]) + name + query
    }
}
