import Foundation
import KuraCore
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

    @Test("two batches racing a compare-and-swap on one account leave exactly one winner")
    func compareAndSwapRace() async throws {
        try await Self.withFreshStore { store in
            _ = try await store.commit([WriteUnit([.putAccount(Self.account(), expectedRevision: nil)])])
            for round in 1...20 {
                let current = try #require(try await store.account(id: "acc_race"))
                // Each contender changes the record differently and appends a leaf in the same unit.
                let contenders = ["a", "b"].map { word in
                    var next = current
                    next.revision += 1
                    next.jobType = "\(word)\(round)"
                    return WriteUnit([
                        .appendLeaf(StoreConformance.append(round)),
                        .putAccount(next, expectedRevision: current.revision),
                    ])
                }
                async let first = store.commit([contenders[0]])
                async let second = store.commit([contenders[1]])
                let results = try await [first[0], second[0]]
                let winners = results.indices.filter { (try? results[$0].get()) != nil }
                #expect(winners.count == 1)
                for case .failure(let error) in results {
                    guard case .conflict = error else {
                        Issue.record("the loser failed with \(error), not a conflict")
                        continue
                    }
                }
                let stored = try #require(try await store.account(id: "acc_race"))
                #expect(stored.revision == current.revision + 1)
                if let winner = winners.first, case .putAccount(let written, _) = contenders[winner].writes[1] {
                    #expect(stored == written)
                }
                // Only the winner's leaf was kept: the loser's unit rolled back whole.
                #expect(try await store.pendingLeaves(limit: 100).count == round)
            }
        }
    }

    @Test("a unit the database refuses rolls back to its savepoint and the batch goes on")
    func savepointRollback() async throws {
        try await Self.withFreshStore { store in
            var other = Self.account()
            other.id = "acc_other"
            other.login = "other"
            let results = try await store.commit([
                WriteUnit([.putAccount(Self.account(), expectedRevision: nil)]),
                WriteUnit([.appendLeaf(StoreConformance.append(1))]),
                // The same login again: 23505 aborts the statement, the unit's savepoint undoes it.
                WriteUnit([
                    .appendLeaf(StoreConformance.append(2)),
                    .putAccount(
                        {
                            var twin = other; twin.login = "race"; return twin
                        }(), expectedRevision: nil),
                ]),
                // A refusal of the store's own (no such code) after a statement that succeeded.
                WriteUnit([
                    .putAccount(other, expectedRevision: nil),
                    .consumeRecoveryCode(accountID: "acc_other", hash: [UInt8](repeating: 1, count: 32), at: 5),
                ]),
                WriteUnit([.appendLeaf(StoreConformance.append(3)), .claimOnce(name: "setup.first-admin", at: 6)]),
            ])
            #expect(results.count == 5)
            #expect((try? results[0].get()) == [.applied])
            #expect((try? results[1].get())?.count == 1)
            guard case .failure(.constraintViolation) = results[2] else {
                Issue.record("a duplicate login was not a constraint violation")
                return
            }
            #expect(results[3] == .failure(.notFound("recovery code")))
            #expect((try? results[4].get())?.last == .applied)
            #expect(try await store.account(id: "acc_other") == nil)
            #expect(try await store.isClaimed("setup.first-admin"))
            #expect(try await store.pendingLeaves(limit: 10).count == 2)
        }
    }

    /// An account with every optional field set, so that a round trip covers every column.
    static func account() -> AccountRecord {
        AccountRecord(
            id: "acc_race", login: "race", revision: 1, roles: [.physician, .admin], jobType: "physician",
            sealedName: [1, 2, 3], sealedLicence: [4, 5], status: .active, disabledReason: nil, endsAt: 9_000,
            createdAt: 1_000, lastLoginAt: 2_000, passwordHash: "$kura-scrypt$test", passwordSetAt: 1_000,
            passwordMustChange: true, resetNoticePending: false, failedLogins: 0, lockedUntil: nil,
            sealedTOTPSecret: [6, 7], totpEnrolledAt: 1_500, totpLastStep: 42, language: "ja"
        )
    }
}
