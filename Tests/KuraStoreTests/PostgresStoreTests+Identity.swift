import Foundation
import KuraCore
import KuraStore
import KuraStorePostgres
import KuraTesting
import Testing

/// What only PostgreSQL can show about the identity tables: concurrent batches on several
/// connections, savepoints undoing a refused statement, and rows damaged behind the store's back.
extension PostgresStoreTests {
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
            #expect(results[2] == .failure(.duplicate(.account)))
            #expect(results[3] == .failure(.recoveryCodeNotFound))
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

    /// A stored word Kura does not know, written past the CHECK constraint as someone with
    /// database access could, and the read that must report it.
    enum DamagedRow: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case accountStatus = "account.status"
        case accountRoles = "account.roles"
        case disabledReason = "account.disabled_reason"
        case sessionKind = "session.kind"
        case endReason = "session.end_reason"
        case deviceStatus = "device.status"
        case deviceOwnership = "device.ownership"
        case queue = "queue_item.queue"

        var testDescription: String { rawValue }

        var table: Substring { rawValue.split(separator: ".")[0] }
        var column: Substring { rawValue.split(separator: ".")[1] }

        /// Drops the column's CHECK (PostgreSQL names it `<table>_<column>_check`) and stores
        /// the unknown word.
        var sql: String {
            let word = self == .accountRoles ? "physician,wizard" : "wizard"
            return "ALTER TABLE \(table) DROP CONSTRAINT \(table)_\(column)_check; "
                + "UPDATE \(table) SET \(column) = '\(word)'"
        }

        /// Reads the damaged record through the store.
        func read(_ store: PostgresStore) async throws(StoreError) {
            switch self {
            case .accountStatus, .accountRoles, .disabledReason: _ = try await store.accounts()
            case .sessionKind, .endReason: _ = try await store.session(id: "ses_1")
            case .deviceStatus, .deviceOwnership: _ = try await store.devices()
            case .queue: _ = try await store.queueItem(id: "alt_1")
            }
        }
    }

    @Test("an unknown word in a stored row reads as corrupt, naming the column", arguments: DamagedRow.allCases)
    func damagedRow(_ damage: DamagedRow) async throws {
        try await Self.withFreshStore { store in
            let session = SessionRecord(
                id: "ses_1", tokenHash: [UInt8](repeating: 1, count: 32), accountID: "acc_race", deviceID: "dev_1",
                kind: .browser, revision: 1, createdAt: 1, lastSeenAt: 1, secondFactorAt: nil, viaRecoveryCode: false,
                reauthenticatedAt: nil, activatedRoles: [], endedAt: 2, endReason: .logout
            )
            let device = DeviceRecord(
                id: "dev_1", tokenHash: [UInt8](repeating: 2, count: 32), ownerAccountID: "acc_race", revision: 1,
                firstSeenAt: 1, lastSeenAt: 1, userAgent: "", ownership: .byod, status: .pending, decidedBy: nil,
                decidedAt: nil
            )
            let item = QueueItem(
                id: "alt_1", queue: .alert, kind: "account.locked", subjectAccountID: nil, refID: nil, revision: 1,
                createdAt: 1, closedBy: nil, closedAt: nil, outcome: nil
            )
            var account = Self.account()
            account.disabledReason = .manual
            let results = try await store.commit([
                WriteUnit([
                    .putAccount(account, expectedRevision: nil), .putSession(session, expectedRevision: nil),
                    .putDevice(device, expectedRevision: nil), .putQueueItem(item, expectedRevision: nil),
                ])
            ])
            #expect((try? results.first?.get())?.count == 4)
            try await damage.read(store)

            let psql = try Self.psql()
            let outcome = try await ChildProcess.run(
                psql, [store.configuration.description, "-v", "ON_ERROR_STOP=1", "-qAtc", damage.sql])
            try #require(outcome.status == 0, "psql failed: \(outcome.error)")

            let expected = StoreError.corrupt("\(damage.table).\(damage.column) holds a value Kura does not know")
            await #expect(throws: expected) {
                try await damage.read(store)
            }
        }
    }

    /// The psql of the throwaway cluster (PATH, else the newest Debian installation).
    static func psql() throws -> String {
        if let found = try? ChildProcess.which("psql") { return found }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending }) {
            let path = "/usr/lib/postgresql/\(version)/bin/psql"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw ConformanceFailure("psql is not installed")
    }
}
