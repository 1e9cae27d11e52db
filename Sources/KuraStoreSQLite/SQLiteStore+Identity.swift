import Foundation
import GRDB
import KuraCore
import KuraStore

extension SQLiteStore {
    // Reads run on the pool's readers with cached statements. Every read sees the last
    // committed batch: WAL readers start from the latest commit, and there is one writer.
    // Text compares in SQLite's default BINARY collation, the byte order the contract asks for.

    /// The account with `id`, or nil.
    public func account(id: String) async throws(StoreError) -> AccountRecord? {
        try await fetchOne(SQLiteTable.account.selectSQL + " WHERE id = ?", [id], Self.account(from:))
    }

    /// The account whose login name is exactly `login`, or nil.
    public func account(login: String) async throws(StoreError) -> AccountRecord? {
        try await fetchOne(SQLiteTable.account.selectSQL + " WHERE login = ?", [login], Self.account(from:))
    }

    /// Every account, by login name.
    public func accounts() async throws(StoreError) -> [AccountRecord] {
        try await fetchAll(SQLiteTable.account.selectSQL + " ORDER BY login", [], Self.account(from:))
    }

    /// The session whose token hashes to `tokenHash`, or nil.
    public func session(tokenHash: [UInt8]) async throws(StoreError) -> SessionRecord? {
        try await fetchOne(
            SQLiteTable.session.selectSQL + " WHERE token_hash = ?", [Self.blob(tokenHash)],
            Self.session(from:)
        )
    }

    /// The session with `id`, or nil.
    public func session(id: String) async throws(StoreError) -> SessionRecord? {
        try await fetchOne(SQLiteTable.session.selectSQL + " WHERE id = ?", [id], Self.session(from:))
    }

    /// The account's open sessions, newest first.
    public func openSessions(accountID: String) async throws(StoreError) -> [SessionRecord] {
        try await fetchAll(
            SQLiteTable.session.selectSQL
                + " WHERE account_id = ? AND ended_at IS NULL ORDER BY created_at DESC, id DESC",
            [accountID], Self.session(from:)
        )
    }

    /// The device with `id`, or nil.
    public func device(id: String) async throws(StoreError) -> DeviceRecord? {
        try await fetchOne(SQLiteTable.device.selectSQL + " WHERE id = ?", [id], Self.device(from:))
    }

    /// The device whose token hashes to `tokenHash`, or nil.
    public func device(tokenHash: [UInt8]) async throws(StoreError) -> DeviceRecord? {
        try await fetchOne(
            SQLiteTable.device.selectSQL + " WHERE token_hash = ?", [Self.blob(tokenHash)],
            Self.device(from:)
        )
    }

    /// Every device, newest first.
    public func devices() async throws(StoreError) -> [DeviceRecord] {
        try await fetchAll(
            SQLiteTable.device.selectSQL + " ORDER BY first_seen_at DESC, id DESC", [], Self.device(from:)
        )
    }

    /// How many of the account's recovery codes are unused.
    public func unusedRecoveryCodeCount(accountID: String) async throws(StoreError) -> Int {
        try await fetchOne(
            "SELECT count(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL", [accountID]
        ) { row in try row.decode(Int.self, atIndex: 0) } ?? 0
    }

    /// The grant with `id`, or nil.
    public func breakGlassGrant(id: String) async throws(StoreError) -> BreakGlassGrant? {
        try await fetchOne(SQLiteTable.breakGlassGrant.selectSQL + " WHERE id = ?", [id], Self.grant(from:))
    }

    /// The pair's grants running at `time`, latest expiry first.
    public func activeBreakGlassGrants(
        accountID: String,
        patientID: String,
        at time: Int64
    ) async throws(StoreError) -> [BreakGlassGrant] {
        try await fetchAll(
            SQLiteTable.breakGlassGrant.selectSQL
                + " WHERE account_id = ? AND patient_id = ? AND expires_at > ? ORDER BY expires_at DESC, id DESC",
            [accountID, patientID, time], Self.grant(from:)
        )
    }

    /// The queue item with `id`, or nil.
    public func queueItem(id: String) async throws(StoreError) -> QueueItem? {
        try await fetchOne(SQLiteTable.queueItem.selectSQL + " WHERE id = ?", [id], Self.queueItem(from:))
    }

    /// The queue's items, newest first, at most `limit`.
    public func queueItems(_ queue: QueueKind, openOnly: Bool, limit: Int) async throws(StoreError) -> [QueueItem] {
        // Named indexes: without statistics the planner may take the index of every item for
        // the open ones, which grows with the closed history.
        let source =
            openOnly
            ? " INDEXED BY queue_item_open WHERE queue = ? AND closed_at IS NULL"
            : " INDEXED BY queue_item_newest WHERE queue = ?"
        return try await fetchAll(
            SQLiteTable.queueItem.selectSQL + source + " ORDER BY created_at DESC, id DESC LIMIT ?",
            [queue.rawValue, max(limit, 0)], Self.queueItem(from:)
        )
    }

    /// Whether the one-time step `name` was claimed.
    public func isClaimed(_ name: String) async throws(StoreError) -> Bool {
        try await fetchOne("SELECT 1 FROM once_claim WHERE name = ?", [name]) { _ in true } ?? false
    }

    /// The first row of a cached statement, decoded.
    func fetchOne<T: Sendable>(
        _ sql: String,
        _ arguments: StatementArguments,
        _ decode: @escaping @Sendable (Row) throws -> T
    ) async throws(StoreError) -> T? {
        try await mapped {
            try await pool.read { db in
                try Row.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments).map(decode)
            }
        }
    }

    /// Every row of a cached statement, decoded.
    func fetchAll<T: Sendable>(
        _ sql: String,
        _ arguments: StatementArguments,
        _ decode: @escaping @Sendable (Row) throws -> T
    ) async throws(StoreError) -> [T] {
        try await mapped {
            try await pool.read { db in
                try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments).map(decode)
            }
        }
    }
}
