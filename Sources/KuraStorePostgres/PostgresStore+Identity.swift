import KuraCore
import KuraStore
import PostgresNIO

/// The identity reads. Each runs on a pooled connection outside any transaction, so it sees
/// every unit committed by any server on the database (IdentityStore contract); nothing is
/// cached. Orders that tie on a time fall back to the id, compared by bytes (`COLLATE "C"`).
extension PostgresStore {
    /// The account with `id`, or nil.
    public func account(id: String) async throws(StoreError) -> AccountRecord? {
        try await record("\(unescaped: IdentityColumns.account) WHERE id = \(id)", AccountRecord.init(postgres:))
    }

    /// The account whose login name is `login`, or nil.
    public func account(login: String) async throws(StoreError) -> AccountRecord? {
        try await record("\(unescaped: IdentityColumns.account) WHERE login = \(login)", AccountRecord.init(postgres:))
    }

    /// Every account, ordered by login name.
    public func accounts() async throws(StoreError) -> [AccountRecord] {
        try await records("\(unescaped: IdentityColumns.account) ORDER BY login", AccountRecord.init(postgres:))
    }

    /// The session whose token hashes to `tokenHash`, ended or not, or nil.
    public func session(tokenHash: [UInt8]) async throws(StoreError) -> SessionRecord? {
        let hash = ByteBuffer(bytes: tokenHash)
        return try await record(
            "\(unescaped: IdentityColumns.session) WHERE token_hash = \(hash)", SessionRecord.init(postgres:)
        )
    }

    /// The session with `id`, or nil.
    public func session(id: String) async throws(StoreError) -> SessionRecord? {
        try await record("\(unescaped: IdentityColumns.session) WHERE id = \(id)", SessionRecord.init(postgres:))
    }

    /// The sessions of `accountID` that have not ended, newest first.
    public func openSessions(accountID: String) async throws(StoreError) -> [SessionRecord] {
        try await records(
            """
            \(unescaped: IdentityColumns.session)
            WHERE account_id = \(accountID) AND ended_at IS NULL
            ORDER BY created_at DESC, id DESC
            """,
            SessionRecord.init(postgres:)
        )
    }

    /// The device with `id`, or nil.
    public func device(id: String) async throws(StoreError) -> DeviceRecord? {
        try await record("\(unescaped: IdentityColumns.device) WHERE id = \(id)", DeviceRecord.init(postgres:))
    }

    /// The device whose token hashes to `tokenHash`, or nil.
    public func device(tokenHash: [UInt8]) async throws(StoreError) -> DeviceRecord? {
        let hash = ByteBuffer(bytes: tokenHash)
        return try await record(
            "\(unescaped: IdentityColumns.device) WHERE token_hash = \(hash)", DeviceRecord.init(postgres:)
        )
    }

    /// Every device, newest first.
    public func devices() async throws(StoreError) -> [DeviceRecord] {
        try await records(
            "\(unescaped: IdentityColumns.device) ORDER BY first_seen_at DESC, id DESC",
            DeviceRecord.init(postgres:)
        )
    }

    /// How many of `accountID`'s recovery codes are still unused.
    public func unusedRecoveryCodeCount(accountID: String) async throws(StoreError) -> Int {
        let counts = try await records(
            "SELECT count(*) FROM account_recovery_code WHERE account_id = \(accountID) AND used_at IS NULL"
        ) { row in Int(try row.decode(Int64.self)) }
        return counts.first ?? 0
    }

    /// The grant with `id`, or nil.
    public func breakGlassGrant(id: String) async throws(StoreError) -> BreakGlassGrant? {
        try await record(
            "\(unescaped: IdentityColumns.breakGlassGrant) WHERE id = \(id)", BreakGlassGrant.init(postgres:)
        )
    }

    /// The grants of `accountID` for `patientID` still running at `time`, latest expiry first.
    public func activeBreakGlassGrants(
        accountID: String,
        patientID: String,
        at time: Int64
    ) async throws(StoreError) -> [BreakGlassGrant] {
        try await records(
            """
            \(unescaped: IdentityColumns.breakGlassGrant)
            WHERE account_id = \(accountID) AND patient_id = \(patientID) AND expires_at > \(time)
            ORDER BY expires_at DESC, id DESC
            """,
            BreakGlassGrant.init(postgres:)
        )
    }

    /// The queue item with `id`, or nil.
    public func queueItem(id: String) async throws(StoreError) -> QueueItem? {
        try await record("\(unescaped: IdentityColumns.queueItem) WHERE id = \(id)", QueueItem.init(postgres:))
    }

    /// The items of `queue` (only the open ones when `openOnly`), newest first, at most `limit`.
    public func queueItems(_ queue: QueueKind, openOnly: Bool, limit: Int) async throws(StoreError) -> [QueueItem] {
        guard limit > 0 else { return [] }
        let limit = Int64(limit)
        return try await records(
            """
            \(unescaped: IdentityColumns.queueItem)
            WHERE queue = \(queue.rawValue) \(unescaped: openOnly ? "AND closed_at IS NULL" : "")
            ORDER BY created_at DESC, id DESC
            LIMIT \(limit)
            """,
            QueueItem.init(postgres:)
        )
    }

    /// Whether the one-time step `name` was claimed.
    public func isClaimed(_ name: String) async throws(StoreError) -> Bool {
        let found = try await records("SELECT 1 FROM once_claim WHERE name = \(name)") { _ in true }
        return !found.isEmpty
    }

    /// Runs `query` once the store is ready and decodes its first row with `decode`, if any.
    func record<Record: Sendable>(
        _ query: PostgresQuery,
        _ decode: (PostgresRow) throws -> Record
    ) async throws(StoreError) -> Record? {
        try await records(query, decode).first
    }

    /// Runs `query` once the store is ready and decodes every row with `decode`.
    func records<Record: Sendable>(
        _ query: PostgresQuery,
        _ decode: (PostgresRow) throws -> Record
    ) async throws(StoreError) -> [Record] {
        try await ready()
        return try await withConnection { connection in
            var records: [Record] = []
            for try await row in try await connection.query(query, logger: driverLogger) {
                records.append(try decode(row))
            }
            return records
        }
    }
}
