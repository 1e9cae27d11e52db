import Foundation
import KuraStore
import KuraStorePostgres
import KuraTesting
import Logging
import Testing

/// The conformance suite on a real PostgreSQL (the throwaway server of `scripts/test`). It runs
/// whenever `KURA_TEST_POSTGRES_URL` is set, and `KURA_REQUIRE_POSTGRES` makes a missing URL a
/// failure rather than a skip, so CI cannot pass without PostgreSQL.
@Suite(
    "The PostgreSQL store",
    .enabled(
        if: ProcessInfo.processInfo.environment["KURA_TEST_POSTGRES_URL"] != nil
            || ProcessInfo.processInfo.environment["KURA_REQUIRE_POSTGRES"] != nil
    )
)
struct PostgresStoreTests {
    /// Runs `body` against a store on a new database, dropped afterwards.
    static func withFreshStore(_ body: (PostgresStore) async throws -> Void) async throws {
        let admin = try #require(
            ProcessInfo.processInfo.environment["KURA_TEST_POSTGRES_URL"],
            "KURA_TEST_POSTGRES_URL is not set: run the suite with scripts/test"
        )
        let logger = Logger(label: "kura-test")
        let name = "kura_s_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await PostgresStore.createDatabase(named: String(name), adminURL: admin, logger: logger)
        var configuration = try PostgresConfiguration(url: admin)
        configuration.database = String(name)
        // Suites run in parallel, several stores each: small pools keep them under the
        // throwaway server's connection limit.
        configuration.maximumConnections = 4
        do {
            try await PostgresStore.withStore(configuration: configuration, logger: logger) { store in
                _ = try await store.migrate()
                try await body(store)
            }
        } catch {
            try? await PostgresStore.dropDatabase(named: String(name), adminURL: admin, logger: logger)
            throw error
        }
        try await PostgresStore.dropDatabase(named: String(name), adminURL: admin, logger: logger)
    }

    @Test("passes the store conformance suite", arguments: StoreConformance.checkNames)
    func conformance(check: String) async throws {
        try await Self.withFreshStore { store in
            try await StoreConformance.checks[check]!(store)
        }
    }

    @Test("passes the identity store conformance suite", arguments: IdentityStoreConformance.checkNames)
    func identityConformance(check: String) async throws {
        try await Self.withFreshStore { store in
            try await IdentityStoreConformance.checks[check]!(store)
        }
    }

    @Test("passes the record store conformance suite", arguments: RecordStoreConformance.checkNames)
    func recordConformance(check: String) async throws {
        try await Self.withFreshStore { store in
            try await RecordStoreConformance.checks[check]!(store)
        }
    }
}
