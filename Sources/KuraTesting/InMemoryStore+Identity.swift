import KuraCore
import KuraStore
import Synchronization

extension InMemoryStore {
    /// The account with `id`.
    public func account(id: String) async throws(StoreError) -> AccountRecord? {
        try read { $0.accounts[id] }
    }

    /// The account with this exact login.
    public func account(login: String) async throws(StoreError) -> AccountRecord? {
        try read { $0.accounts.values.first { $0.login == login } }
    }

    /// Every account, by login in byte order.
    public func accounts() async throws(StoreError) -> [AccountRecord] {
        try read { $0.accounts.values.sorted { $0.login.utf8.lexicographicallyPrecedes($1.login.utf8) } }
    }

    /// The session whose token hashes to `tokenHash`.
    public func session(tokenHash: [UInt8]) async throws(StoreError) -> SessionRecord? {
        try read { $0.sessions.values.first { $0.tokenHash == tokenHash } }
    }

    /// The session with `id`.
    public func session(id: String) async throws(StoreError) -> SessionRecord? {
        try read { $0.sessions[id] }
    }

    /// The account's open sessions, newest first.
    public func openSessions(accountID: String) async throws(StoreError) -> [SessionRecord] {
        try read { identity in
            identity.sessions.values.filter { $0.accountID == accountID && $0.endedAt == nil }
                .sorted { Self.newer(($0.createdAt, $0.id), than: ($1.createdAt, $1.id)) }
        }
    }

    /// The device with `id`.
    public func device(id: String) async throws(StoreError) -> DeviceRecord? {
        try read { $0.devices[id] }
    }

    /// The device whose token hashes to `tokenHash`.
    public func device(tokenHash: [UInt8]) async throws(StoreError) -> DeviceRecord? {
        try read { $0.devices.values.first { $0.tokenHash == tokenHash } }
    }

    /// Every device, newest first.
    public func devices() async throws(StoreError) -> [DeviceRecord] {
        try read { identity in
            identity.devices.values.sorted { Self.newer(($0.firstSeenAt, $0.id), than: ($1.firstSeenAt, $1.id)) }
        }
    }

    /// How many of the account's codes are unused.
    public func unusedRecoveryCodeCount(accountID: String) async throws(StoreError) -> Int {
        try read { identity in (identity.recoveryCodes[accountID] ?? []).count { $0.usedAt == nil } }
    }

    /// The grant with `id`.
    public func breakGlassGrant(id: String) async throws(StoreError) -> BreakGlassGrant? {
        try read { $0.grants[id] }
    }

    /// The pair's grants running at `time`, latest expiry first (then id).
    public func activeBreakGlassGrants(
        accountID: String,
        patientID: String,
        at time: Int64
    ) async throws(StoreError) -> [BreakGlassGrant] {
        try read { identity in
            identity.grants.values.filter {
                $0.accountID == accountID && $0.patientID == patientID && $0.expiresAt > time
            }
            .sorted { Self.newer(($0.expiresAt, $0.id), than: ($1.expiresAt, $1.id)) }
        }
    }

    /// The queue item with `id`.
    public func queueItem(id: String) async throws(StoreError) -> QueueItem? {
        try read { $0.queueItems[id] }
    }

    /// The queue's items, newest first, at most `limit`.
    public func queueItems(_ queue: QueueKind, openOnly: Bool, limit: Int) async throws(StoreError) -> [QueueItem] {
        try read { identity in
            Array(
                identity.queueItems.values.filter { $0.queue == queue && (!openOnly || $0.closedAt == nil) }
                    .sorted { Self.newer(($0.createdAt, $0.id), than: ($1.createdAt, $1.id)) }
                    .prefix(max(limit, 0))
            )
        }
    }

    /// Whether `name` was claimed.
    public func isClaimed(_ name: String) async throws(StoreError) -> Bool {
        try read { $0.claims[name] != nil }
    }

    /// Runs `body` on the identity tables under the lock, unless the store is closed.
    func read<T: Sendable>(_ body: (InMemoryIdentityState) -> T) throws(StoreError) -> T {
        try state.withLock { (state: inout State) throws(StoreError) in
            guard !state.closed else { throw .unavailable("store closed") }
            return body(state.identity)
        }
    }

    /// Descending order by time, then by id in byte order (as the SQL backends sort).
    static func newer(_ lhs: (Int64, String), than rhs: (Int64, String)) -> Bool {
        if lhs.0 != rhs.0 { return lhs.0 > rhs.0 }
        return rhs.1.utf8.lexicographicallyPrecedes(lhs.1.utf8)
    }
}
