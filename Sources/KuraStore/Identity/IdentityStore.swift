import KuraCore

/// Reads of accounts, sessions, devices, recovery codes, break-glass grants and the alert and
/// review queues (AUTH, SESS, ACC, AUD-1). Every change goes through ``WriteBatchStore`` as
/// ``StoreWrite`` cases, in the same transaction as its ledger leaf.
///
/// Contract:
/// - Reads MUST see every unit whose `commit` has returned (read-your-writes across servers on
///   one database).
/// - Records MUST round-trip exactly: what a `put…` wrote is what a read returns, field for field.
/// - Lists MUST come back in the order each method names, so pages and reports are stable.
///   Strings (logins, ids) compare in byte order, never by a locale's collation; "newest first"
///   means descending by the named time, then descending by id.
public protocol IdentityStore: Sendable {
    /// The account with `id`, or nil.
    func account(id: String) async throws(StoreError) -> AccountRecord?
    /// The account whose login name is `login` (exact, already lowercased), or nil.
    func account(login: String) async throws(StoreError) -> AccountRecord?
    /// Every account, ordered by login name (byte order).
    func accounts() async throws(StoreError) -> [AccountRecord]

    /// The session whose token hashes to `tokenHash`, ended or not, or nil.
    func session(tokenHash: [UInt8]) async throws(StoreError) -> SessionRecord?
    /// The session with `id`, or nil.
    func session(id: String) async throws(StoreError) -> SessionRecord?
    /// The sessions of `accountID` that have not ended, newest first (by `createdAt`, then id).
    func openSessions(accountID: String) async throws(StoreError) -> [SessionRecord]

    /// The device with `id`, or nil.
    func device(id: String) async throws(StoreError) -> DeviceRecord?
    /// The device whose token hashes to `tokenHash`, or nil.
    func device(tokenHash: [UInt8]) async throws(StoreError) -> DeviceRecord?
    /// Every device, newest first (by `firstSeenAt`, then id).
    func devices() async throws(StoreError) -> [DeviceRecord]

    /// How many of `accountID`'s recovery codes are still unused.
    func unusedRecoveryCodeCount(accountID: String) async throws(StoreError) -> Int

    /// The grant with `id`, or nil.
    func breakGlassGrant(id: String) async throws(StoreError) -> BreakGlassGrant?
    /// The grants of `accountID` for `patientID` still running at `time` (`expiresAt > time`),
    /// latest expiry first (then descending by id).
    func activeBreakGlassGrants(
        accountID: String,
        patientID: String,
        at time: Int64
    ) async throws(StoreError) -> [BreakGlassGrant]

    /// The queue item with `id`, or nil.
    func queueItem(id: String) async throws(StoreError) -> QueueItem?
    /// The items of `queue`, only the open ones (`closedAt == nil`) when `openOnly`, newest first
    /// (by `createdAt`, then id), at most `limit`.
    func queueItems(_ queue: QueueKind, openOnly: Bool, limit: Int) async throws(StoreError) -> [QueueItem]

    /// Whether the one-time step `name` was claimed (for example `setup.first-admin`).
    func isClaimed(_ name: String) async throws(StoreError) -> Bool
}
