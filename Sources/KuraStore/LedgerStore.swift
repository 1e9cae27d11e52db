import KuraCore

/// A leaf on its way into the log: the public leaf bytes and the private details it commits to.
public struct LedgerAppend: Sendable, Equatable {
    /// The leaf as served in entry bundles (`{"c":…,"v":1}` canonical JSON).
    public var leaf: [UInt8]
    /// The 32-byte salt of the commitment.
    public var salt: [UInt8]
    /// The canonical JSON of the details (kind, ids, hashes, actor, times…). Never PHI.
    public var details: [UInt8]
    /// When the append was requested, in milliseconds since the Unix epoch (UTC).
    public var appendedAt: Int64

    /// Creates an append.
    public init(leaf: [UInt8], salt: [UInt8], details: [UInt8], appendedAt: Int64) {
        self.leaf = leaf
        self.salt = salt
        self.details = details
        self.appendedAt = appendedAt
    }
}

/// The opaque reference of an appended leaf, valid before and after integration.
public struct LeafID: Hashable, Sendable {
    /// The backend's reference (SQLite: the leaf index; PostgreSQL: the pending queue id).
    public var rawValue: Int64

    /// Wraps a backend reference.
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// Where an appended leaf stands.
public enum LeafStatus: Sendable, Equatable {
    /// Numbered at `index`; in every checkpoint of size greater than `index`.
    case integrated(index: UInt64)
    /// Still in the pending queue (a proof request answers 202).
    case pending
    /// No such leaf.
    case unknown
}

/// A leaf waiting to be numbered, in the order the integrator must number it.
public struct PendingLeaf: Sendable, Equatable {
    /// Its reference.
    public var id: LeafID
    /// The leaf bytes.
    public var leaf: [UInt8]

    /// Creates a pending leaf.
    public init(id: LeafID, leaf: [UInt8]) {
        self.id = id
        self.leaf = leaf
    }
}

/// One tile's hashes, as stored (C2SP tlog-tiles, height 8): the concatenated 32-byte hashes of
/// nodes at level `8·level`, `width` of them (256 for a full tile).
public struct StoredTile: Sendable, Equatable {
    /// The tile level (0 for leaf hashes).
    public var level: Int
    /// The tile index within its level.
    public var index: UInt64
    /// The concatenated hashes; `hashes.count` is a multiple of 32, at most 256 × 32.
    public var hashes: [UInt8]

    /// Creates a tile.
    public init(level: Int, index: UInt64, hashes: [UInt8]) {
        self.level = level
        self.index = index
        self.hashes = hashes
    }

    /// The number of hashes in the tile.
    public var width: Int { hashes.count / LogHash.byteCount }
}

/// One integration: pending leaves numbered from `previous.size`, the tiles they change and the
/// checkpoint that seals the new tree, stored in one transaction.
public struct LedgerIntegration: Sendable, Equatable {
    /// The size and root the integrator started from (compare-and-swap).
    public var previousSize: UInt64
    /// The root at `previousSize` (compare-and-swap).
    public var previousRoot: LogHash
    /// The leaves numbered `previousSize`, `previousSize + 1`, … in this order.
    public var leaves: [LeafID]
    /// Every tile created or grown by these leaves (upserted).
    public var tiles: [StoredTile]
    /// The new signed checkpoint (its size is `previousSize + leaves.count`).
    public var checkpoint: StoredCheckpoint

    /// Creates an integration.
    public init(
        previousSize: UInt64,
        previousRoot: LogHash,
        leaves: [LeafID],
        tiles: [StoredTile],
        checkpoint: StoredCheckpoint
    ) {
        self.previousSize = previousSize
        self.previousRoot = previousRoot
        self.leaves = leaves
        self.tiles = tiles
        self.checkpoint = checkpoint
    }
}

/// The ledger's storage: pending queue, numbered leaves with their details, tiles and checkpoints.
///
/// Contract (DESIGN "The ledger"):
/// - Leaves are numbered contiguously from 0 and MUST NOT be renumbered, changed or deleted.
/// - `integrate` MUST store the numbering, the tiles and the checkpoint in one transaction, and
///   MUST throw ``StoreError/conflict(_:)`` without writing anything when the stored size and
///   root are not `previousSize` and `previousRoot` (another integrator won).
/// - Only one integrator runs at a time per log (SQLite: the single writer; PostgreSQL: a
///   transaction-scoped advisory lock), so a conflict means a stale integrator, never a fork.
/// - Reads MUST NOT reveal anything beyond the latest stored checkpoint to callers serving the
///   public API; `pendingLeaves` is for the integrator only.
public protocol LedgerStore: Sendable {
    /// The newest stored checkpoint, or nil for a log with no checkpoint yet.
    func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint?
    /// Up to `limit` pending leaves in the order they must be numbered.
    func pendingLeaves(limit: Int) async throws(StoreError) -> [PendingLeaf]
    /// Numbers leaves, stores tiles and the checkpoint in one transaction (compare-and-swap).
    func integrate(_ integration: LedgerIntegration) async throws(StoreError)
    /// The stored tile at (`level`, `index`), full or partial, or nil.
    func tile(level: Int, index: UInt64) async throws(StoreError) -> StoredTile?
    /// The stored tiles of `level` with an index in `range`, in index order, missing ones left
    /// out; for the verifier, which compares every tile.
    func tiles(level: Int, in range: Range<UInt64>) async throws(StoreError) -> [StoredTile]
    /// The leaf bytes of indices `range` that exist, in order.
    func leaves(in range: Range<UInt64>) async throws(StoreError) -> [[UInt8]]
    /// Where the leaf with this reference stands.
    func status(of id: LeafID) async throws(StoreError) -> LeafStatus
    /// The numbered rows (leaf joined with details, either side possibly missing) with
    /// `index` in `range`, in index order, packed into one batch; for the verifier, which reads
    /// every row of the log this way.
    func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch
    /// One past the highest numbered index stored in any of the ledger's tables (0 if none), so
    /// that a row deleted at the end of the log is still missed.
    func storedExtent() async throws(StoreError) -> UInt64
    /// Every stored checkpoint, oldest first; for the verifier.
    func checkpoints() async throws(StoreError) -> [StoredCheckpoint]
}
