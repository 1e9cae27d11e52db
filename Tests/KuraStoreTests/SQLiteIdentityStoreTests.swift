import Foundation
import GRDB
import KuraCore
import KuraStore
import KuraStoreSQLite
import KuraTesting
import Testing

/// What only SQLite can show about the identity tables: the file survives a reopen, the schema
/// is strict and upgradable, and a damaged row reads as `corrupt` rather than crashing.
@Suite("The SQLite identity store")
struct SQLiteIdentityStoreTests {
    static let account = AccountRecord(
        id: "acc_1", login: "alice", revision: 1, roles: [.physician, .admin], jobType: "physician",
        sealedName: [0, 1, 2, 0xFF], sealedLicence: [], status: .active, disabledReason: nil, endsAt: nil,
        createdAt: 1_700_000_000_000, lastLoginAt: nil, passwordHash: "$scrypt$ln=14,r=8,p=1$c2FsdA$aGFzaA",
        passwordSetAt: 1_700_000_000_000, passwordMustChange: true, resetNoticePending: false, failedLogins: 0,
        lockedUntil: nil, sealedTOTPSecret: [9, 8, 7], totpEnrolledAt: 1_700_000_000_001, totpLastStep: 12,
        language: "ja"
    )
    static let session = SessionRecord(
        id: "ses_1", tokenHash: [UInt8](repeating: 1, count: 32), accountID: "acc_1", deviceID: "dev_1",
        kind: .browser, revision: 1, createdAt: 1_700_000_000_000, lastSeenAt: 1_700_000_000_000,
        secondFactorAt: nil, viaRecoveryCode: false, reauthenticatedAt: nil, activatedRoles: [.physician],
        endedAt: nil, endReason: nil
    )
    static let device = DeviceRecord(
        id: "dev_1", tokenHash: [UInt8](repeating: 2, count: 32), ownerAccountID: "acc_1", revision: 1,
        firstSeenAt: 1_700_000_000_000, lastSeenAt: 1_700_000_000_000, userAgent: "Safari", ownership: .clinic,
        status: .pending, decidedBy: nil, decidedAt: nil
    )
    static let grant = BreakGlassGrant(
        id: "bg_1", accountID: "acc_1", patientID: "pat_1", sealedReason: [3, 4], grantedAt: 1_700_000_000_000,
        expiresAt: 1_700_003_600_000
    )
    static let item = QueueItem(
        id: "rev_1", queue: .review, kind: "break-glass.granted", subjectAccountID: "acc_1", refID: "bg_1",
        revision: 1, createdAt: 1_700_000_000_000, closedBy: nil, closedAt: nil, outcome: nil
    )
    static let unit = WriteUnit([
        .putAccount(account, expectedRevision: nil), .putDevice(device, expectedRevision: nil),
        .putSession(session, expectedRevision: nil),
        .replaceRecoveryCodes(accountID: "acc_1", hashes: [[UInt8](repeating: 5, count: 32)], at: 1),
        .insertBreakGlassGrant(grant), .putQueueItem(item, expectedRevision: nil),
        .claimOnce(name: "setup.first-admin", at: 1),
    ])

    /// A migrated store at `path` holding ``unit``.
    static func seeded(at path: String) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let results = try await store.commit([unit])
        #expect(results == [.success(Array(repeating: .applied, count: unit.writes.count))])
        return store
    }

    @Test("an identity unit that committed is there after the store is closed and reopened")
    func survivesReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        try await Self.seeded(at: path).close()
        let reopened = try SQLiteStore(path: path)
        try await reopened.checkSchema()
        #expect(try await reopened.account(login: "alice") == Self.account)
        #expect(try await reopened.session(tokenHash: Self.session.tokenHash) == Self.session)
        #expect(try await reopened.device(id: "dev_1") == Self.device)
        #expect(try await reopened.unusedRecoveryCodeCount(accountID: "acc_1") == 1)
        #expect(try await reopened.breakGlassGrant(id: "bg_1") == Self.grant)
        #expect(try await reopened.queueItem(id: "rev_1") == Self.item)
        #expect(try await reopened.isClaimed("setup.first-admin"))
        await reopened.close()
    }

    @Test(
        "a stored value this binary does not know reads as corrupt, naming no value",
        arguments: [
            "UPDATE account SET roles = 'physician,wizard'",
            "UPDATE account SET status = 'frozen'",
            "UPDATE account SET disabled_reason = 'bored'",
            "UPDATE session SET kind = 'telnet'",
            "UPDATE session SET activated_roles = 'wizard'",
            "UPDATE session SET ended_at = 5, end_reason = 'vanished'",
            "UPDATE device SET ownership = 'stolen'",
            "UPDATE device SET status = 'lost'",
            "UPDATE queue_item SET queue = 'inbox'",
        ]
    )
    func unknownStoredValue(damage: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        try await Self.seeded(at: path).close()
        // Damage the row behind the store's back; the CHECK constraints would refuse it.
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: damage)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let read: Result<Void, StoreError>
        do throws(StoreError) {
            switch damage.split(separator: " ")[1] {
            case "account": _ = try await store.account(id: "acc_1")
            case "session": _ = try await store.session(id: "ses_1")
            case "device": _ = try await store.device(id: "dev_1")
            default: _ = try await store.queueItem(id: "rev_1")
            }
            read = .success(())
        } catch {
            read = .failure(error)
        }
        await store.close()
        guard case .failure(let error) = read, case .corrupt = error else {
            Issue.record("a damaged row was not refused as corrupt")
            return
        }
        for value in ["wizard", "frozen", "bored", "telnet", "vanished", "stolen", "lost", "inbox"] {
            #expect(!error.description.contains(value))
        }
    }

    @Test("every identity table is STRICT and refuses a value of the wrong type")
    func strictTables() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        try await Self.seeded(at: path).close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let strict = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1 ORDER BY name")
        }
        let identity: Set = [
            "account", "account_recovery_code", "break_glass_grant", "device", "once_claim", "queue_item", "session",
        ]
        #expect(identity.isSubset(of: strict))
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in
                try db.execute(sql: "UPDATE account SET failed_logins = 'many'")
            }
        }
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in
                try db.execute(sql: "UPDATE session SET token_hash = 'not bytes'")
            }
        }
    }

    @Test("a version 1 database with a ledger migrates to the identity schema and keeps its leaves")
    func upgradeFromLedgerOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let appended = try await store.commit([WriteUnit([.appendLeaf(StoreConformance.append(1))])])
        try #require(appended == [.success([.leafAppended(LeafID(rawValue: 0))])])
        await store.close()
        // Roll the file back to version 1 as an older Kura left it.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            // The record and compliance tables of later versions go too.
            for table in [
                "account", "account_recovery_code", "session", "device", "break_glass_grant", "queue_item",
                "once_claim",
            ] + SQLiteRecordStoreTests.recordTables + SQLiteComplianceStoreTests.tables {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DELETE FROM kura_schema WHERE version > 1")
        }
        try queue.close()
        let upgraded = try SQLiteStore(path: path)
        #expect(try await upgraded.schemaVersion() == 1)
        #expect(try await upgraded.migrate() == Array(2...upgraded.currentVersion))
        #expect(try await upgraded.pendingLeaves(limit: 10).map(\.leaf) == [StoreConformance.append(1).leaf])
        let identity = try await upgraded.commit([Self.unit])
        #expect(identity == [.success(Array(repeating: .applied, count: Self.unit.writes.count))])
        #expect(try await upgraded.account(id: "acc_1") == Self.account)
        await upgraded.close()
    }
}
