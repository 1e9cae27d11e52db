import KuraCore
import KuraStore

/// The identity store conformance suite: what every backend (in-memory, SQLite, PostgreSQL)
/// must do with accounts, sessions, devices, recovery codes, break-glass grants, queue items and
/// one-time claims, written once against ``IdentityStore`` and ``WriteBatchStore`` (STYLE 7).
///
/// Each check gets a fresh, migrated, empty store and throws ``ConformanceFailure`` naming what
/// differed (never a value). Tests run every check against every backend by name.
public enum IdentityStoreConformance {
    /// What a check needs: the identity reads, the batch writes, and the ledger's pending queue
    /// (to see that a failing unit's leaf is gone too).
    public typealias Store = any IdentityStore & WriteBatchStore & LedgerStore
    /// A check against a fresh store.
    public typealias Check = @Sendable (Store) async throws -> Void

    /// Every check by name.
    public static let checks: [String: Check] = [
        "an account round-trips field for field": accountRoundTrip,
        "a session round-trips field for field": sessionRoundTrip,
        "a device round-trips field for field": deviceRoundTrip,
        "a break-glass grant round-trips field for field": grantRoundTrip,
        "a queue item round-trips field for field": queueItemRoundTrip,
        "empty byte arrays stay empty, never absent": emptyBytes,
        "account ids and login names are unique": accountUniqueness,
        "session and device ids and token hashes are unique": tokenUniqueness,
        "grant and queue item ids are unique": grantAndItemUniqueness,
        "an update applies only over the expected revision": compareAndSwap,
        "every kind of record refuses a stale or missing revision": compareAndSwapEveryKind,
        "a failing identity unit rolls back alone, ledger leaf included": failingUnitAlone,
        "every identity write answers applied": outcomes,
        "writes in one unit see each other in order": unitOrder,
        "ending an account's sessions spares the kept and the ended ones": endSessions,
        "revoking a device ends only its open sessions": endDeviceSessions,
        "recovery codes are replaced, consumed once and counted": recoveryCodes,
        "break-glass grants are active until expiry, latest expiry first": activeGrants,
        "queue items filter open ones, newest first, up to the limit": queueItems,
        "a one-time step is claimed once": claimOnce,
        "lists come back in their documented order": listOrders,
        "unknown ids and hashes read as nothing": unknownReads,
    ]

    /// The names of every check, sorted, for `arguments:` tables.
    public static var checkNames: [String] { checks.keys.sorted() }

    // MARK: - Running units

    /// Commits `writes` as one unit alone and returns its result.
    static func commit(_ store: Store, _ writes: [StoreWrite]) async throws -> Result<[StoreWriteOutcome], StoreError> {
        let results = try await store.commit([WriteUnit(writes)])
        guard results.count == 1, let result = results.first else {
            throw ConformanceFailure("a batch of one unit did not answer one result")
        }
        return result
    }

    /// Commits `writes` as one unit and requires it to succeed.
    @discardableResult
    static func apply(_ store: Store, _ writes: StoreWrite..., what: String) async throws -> [StoreWriteOutcome] {
        try await apply(store, writes, what: what)
    }

    /// Commits `writes` as one unit and requires it to succeed.
    @discardableResult
    static func apply(_ store: Store, _ writes: [StoreWrite], what: String) async throws -> [StoreWriteOutcome] {
        switch try await commit(store, writes) {
        case .success(let outcomes): return outcomes
        case .failure(let error): throw ConformanceFailure("\(what): refused (\(error))")
        }
    }

    /// The kinds of refusal the suite tells apart (the message is each backend's own).
    enum Refusal: String {
        case conflict
        case constraintViolation = "constraint violation"
        case notFound = "not found"

        func matches(_ error: StoreError) -> Bool {
            switch (self, error) {
            case (.conflict, .conflict), (.constraintViolation, .constraintViolation), (.notFound, .notFound): true
            default: false
            }
        }
    }

    /// Requires `result` to be a refusal of kind `refusal`.
    static func expectRefused(
        _ result: Result<[StoreWriteOutcome], StoreError>,
        _ refusal: Refusal,
        _ what: String
    ) throws {
        switch result {
        case .success: throw ConformanceFailure("\(what): accepted, expected \(refusal.rawValue)")
        case .failure(let error):
            try expect(refusal.matches(error), "\(what): \(error), expected \(refusal.rawValue)")
        }
    }

    /// Commits `writes` as one unit and requires a refusal of kind `refusal`; returns it.
    @discardableResult
    static func refuse(
        _ store: Store,
        _ writes: StoreWrite...,
        as refusal: Refusal,
        what: String
    ) async throws -> StoreError {
        let result = try await commit(store, writes)
        try expectRefused(result, refusal, what)
        guard case .failure(let error) = result else { throw ConformanceFailure("\(what): accepted") }
        return error
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    // MARK: - Fixtures

    /// A fixed time (ms since the epoch) the fixtures count from.
    static let t0: Int64 = 1_700_000_000_000

    /// Bytes that a text round trip would mangle: NUL, high bytes, invalid UTF-8.
    static func bytes(_ seed: UInt8, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0 &* 97) ^ ($0 % 3 == 0 ? 0x80 : 0x00) }
    }

    /// A 32-byte token hash that differs for every seed.
    static func tokenHash(_ seed: UInt8) -> [UInt8] {
        [seed, 0x00, 0xFF] + bytes(seed, count: 29)
    }

    /// An account with every optional nil, no roles, and false flags.
    static func minimalAccount(_ id: String, login: String) -> AccountRecord {
        AccountRecord(
            id: id, login: login, revision: 1, roles: [], jobType: "clerk", sealedName: bytes(1, count: 40),
            sealedLicence: nil, status: .active, disabledReason: nil, endsAt: nil, createdAt: t0, lastLoginAt: nil,
            passwordHash: "$scrypt$ln=14,r=8,p=1$c2FsdA$aGFzaA", passwordSetAt: t0, passwordMustChange: false,
            resetNoticePending: false, failedLogins: 0, lockedUntil: nil, sealedTOTPSecret: nil, totpEnrolledAt: nil,
            totpLastStep: nil, language: "ja"
        )
    }

    /// An account with every optional set, several roles, true flags and extreme integers.
    static func fullAccount(_ id: String, login: String) -> AccountRecord {
        AccountRecord(
            id: id, login: login, revision: 1, roles: [.physician, .admin, .auditor], jobType: "physician",
            sealedName: bytes(2, count: 61), sealedLicence: bytes(3, count: 45), status: .disabled,
            disabledReason: .dormant, endsAt: Int64.max, createdAt: -1, lastLoginAt: t0 + 1,
            passwordHash: "$scrypt$ln=17,r=8,p=1$c2FsdDI$aGFzaDI", passwordSetAt: t0 + 2, passwordMustChange: true,
            resetNoticePending: true, failedLogins: 4, lockedUntil: t0 + 900_000, sealedTOTPSecret: bytes(4, count: 48),
            totpEnrolledAt: t0 + 3, totpLastStep: 56_666_666, language: "en"
        )
    }

    /// An open browser session with every optional nil.
    static func minimalSession(
        _ id: String, account: String, device: String, token: UInt8, at: Int64 = t0
    )
        -> SessionRecord
    {
        SessionRecord(
            id: id, tokenHash: tokenHash(token), accountID: account, deviceID: device, kind: .browser, revision: 1,
            createdAt: at, lastSeenAt: at, secondFactorAt: nil, viaRecoveryCode: false, reauthenticatedAt: nil,
            activatedRoles: [], endedAt: nil, endReason: nil
        )
    }

    /// An ended API session with every optional set.
    static func fullSession(_ id: String, account: String, device: String, token: UInt8) -> SessionRecord {
        SessionRecord(
            id: id, tokenHash: tokenHash(token), accountID: account, deviceID: device, kind: .api, revision: 1,
            createdAt: t0, lastSeenAt: t0 + 10, secondFactorAt: t0 + 1, viaRecoveryCode: true,
            reauthenticatedAt: t0 + 5, activatedRoles: [.physician, .nurse], endedAt: t0 + 20,
            endReason: .switchedUser
        )
    }

    /// A pending device with no decision.
    static func minimalDevice(_ id: String, owner: String, token: UInt8, firstSeen: Int64 = t0) -> DeviceRecord {
        DeviceRecord(
            id: id, tokenHash: tokenHash(token), ownerAccountID: owner, revision: 1, firstSeenAt: firstSeen,
            lastSeenAt: firstSeen, userAgent: "", ownership: .unknown, status: .pending, decidedBy: nil,
            decidedAt: nil
        )
    }

    /// An approved clinic device with every optional set and a non-ASCII user agent.
    static func fullDevice(_ id: String, owner: String, token: UInt8) -> DeviceRecord {
        DeviceRecord(
            id: id, tokenHash: tokenHash(token), ownerAccountID: owner, revision: 1, firstSeenAt: t0,
            lastSeenAt: t0 + 60_000, userAgent: "Mozilla/5.0 (iPad; CPU OS 17_0) 診療所タブレット \u{1F3E5}",
            ownership: .clinic, status: .approved, decidedBy: "acc_admin", decidedAt: t0 + 30_000
        )
    }

    /// A 60-minute grant.
    static func grant(_ id: String, account: String, patient: String, expiresAt: Int64) -> BreakGlassGrant {
        BreakGlassGrant(
            id: id, accountID: account, patientID: patient, sealedReason: bytes(9, count: 33),
            grantedAt: expiresAt - 3_600_000, expiresAt: expiresAt
        )
    }

    /// An open queue item with every optional nil.
    static func openItem(_ id: String, queue: QueueKind, createdAt: Int64) -> QueueItem {
        QueueItem(
            id: id, queue: queue, kind: "account.locked", subjectAccountID: nil, refID: nil, revision: 1,
            createdAt: createdAt, closedBy: nil, closedAt: nil, outcome: nil
        )
    }
}
