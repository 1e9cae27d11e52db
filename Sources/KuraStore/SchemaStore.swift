/// Append-only schema migrations and the schema version guard.
///
/// Contract: migrations are append-only (a released migration is never edited); `migrate`
/// MUST apply the missing ones in order, each in its own transaction with the version bump;
/// every open MUST refuse a database whose version is newer than ``currentVersion`` with
/// ``StoreError/schemaTooNew(database:binary:)``.
public protocol SchemaStore: Sendable {
    /// The schema version this binary writes.
    var currentVersion: Int { get }
    /// The version recorded in the database (0 for an empty database).
    func schemaVersion() async throws(StoreError) -> Int
    /// Applies missing migrations; returns the versions applied (empty if none were missing).
    func migrate() async throws(StoreError) -> [Int]
    /// Throws `schemaTooOld` or `schemaTooNew` unless the database is at ``currentVersion``:
    /// commands that only read call it instead of migrating.
    func checkSchema() async throws(StoreError)
}

/// Everything a Kura server needs from its database.
public protocol KuraStoreBackend: WriteBatchStore, LedgerStore, SchemaStore, IdentityStore, RecordStore,
    ComplianceStore
{
    /// A short, secret-free description of the backend for logs (for example "sqlite").
    var kind: String { get }
    /// Releases connections and files. Further calls fail.
    func close() async
}
