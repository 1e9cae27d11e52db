/// Receives a snapshot's rows, table by table in ``PortableSchema/tables`` order.
///
/// Called synchronously inside the store's read transaction: a sink writes to its files as rows
/// arrive and holds no table in memory.
public protocol SnapshotSink {
    /// A table's rows follow.
    mutating func begin(_ table: PortableTable) throws
    /// One row of the current table, in key order, leaf references as positions.
    mutating func write(_ row: [PortableValue]) throws
    /// The current table has no more rows.
    mutating func end(_ table: PortableTable) throws
}

/// Hands a restore its rows, table by table in ``PortableSchema/tables`` order.
public protocol SnapshotSource {
    /// The next rows of `table`, or nil when it has no more.
    nonisolated(nonsending) mutating func nextRows(of table: PortableTable) async throws -> [[PortableValue]]?
}

/// What a snapshot was taken at.
public struct SnapshotSummary: Sendable, Equatable {
    /// The source database's schema version (its backend's own numbering; informational).
    public var schemaVersion: Int
    /// The ledger's integrated size (the head) in the snapshot.
    public var treeSize: Int64
    /// The note of the newest signed checkpoint in the snapshot, if the log has one.
    public var latestCheckpoint: [UInt8]?
    /// How many rows each table had.
    public var rowCounts: [String: Int64]

    /// Creates a summary.
    public init(schemaVersion: Int, treeSize: Int64, latestCheckpoint: [UInt8]?, rowCounts: [String: Int64]) {
        self.schemaVersion = schemaVersion
        self.treeSize = treeSize
        self.latestCheckpoint = latestCheckpoint
        self.rowCounts = rowCounts
    }
}

/// Writes every table to a backend-independent snapshot and loads one into an empty store
/// (BAK-1, BAK-3, REC-5).
///
/// Contract for implementations:
/// - ``writeSnapshot(to:)`` reads in one read-only transaction, so that the snapshot is
///   consistent while the server goes on writing (SQLite: a WAL read snapshot; PostgreSQL:
///   `REPEATABLE READ`). Rows come in ``PortableTable/key`` order compared by bytes, so that the
///   same contents give the same bytes on either backend.
/// - Leaves come in log order with their positions; a leaf not yet integrated gets the position
///   the integrator will give it (after every integrated leaf, in append order).
/// - ``loadSnapshot(from:)`` refuses a store that holds any row
///   (``SnapshotError/targetNotEmpty(_:)``); the store is at this binary's schema version, and
///   the caller has checked the snapshot's ``PortableSchema/formatVersion``. It loads
///   all or nothing, or leaves the target marked unusable where a backend cannot be atomic
///   (the caller's folder rename for SQLite).
public protocol SnapshotStore: Sendable {
    /// Streams every table into `sink` from one consistent read.
    nonisolated(nonsending) func writeSnapshot(to sink: inout some SnapshotSink) async throws -> SnapshotSummary
    /// Loads every table from `source` into this empty store.
    nonisolated(nonsending) func loadSnapshot(from source: inout some SnapshotSource) async throws
}

extension SnapshotSummary {
    /// Counts `row` for `table` (for the store implementations).
    public mutating func count(_ table: PortableTable) {
        rowCounts[table.name, default: 0] += 1
    }
}
