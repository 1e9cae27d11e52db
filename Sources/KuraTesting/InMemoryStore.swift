import KuraCore
import KuraStore
import Synchronization

/// A store that keeps everything in memory, with the same contracts as the real backends.
///
/// It is the conformance suite's reference and lets core services be tested without a
/// database. Durability is vacuous; everything else (savepoint semantics, compare-and-swap,
/// contiguous numbering) is enforced exactly as the protocols require.
public final class InMemoryStore: KuraStoreBackend {
    struct State {
        var nextPendingID: Int64 = 1
        var pending: [(id: LeafID, append: LedgerAppend)] = []
        var leaves: [UInt64: [UInt8]] = [:]
        var details: [UInt64: (salt: [UInt8], details: [UInt8], pendingID: LeafID)] = [:]
        var indexOfPending: [LeafID: UInt64] = [:]
        var tiles: [TileKey: [UInt8]] = [:]
        var checkpoints: [UInt64: StoredCheckpoint] = [:]
        var headSize: UInt64 = 0
        var headRoot = RFC6962.emptyRoot
        var identity = InMemoryIdentityState()
        var records = InMemoryRecordState()
        var closed = false

        /// Applies one write to the ledger's queue, the identity or the record tables;
        /// `lastLeaf` is the unit's most recent append so far.
        mutating func apply(_ write: StoreWrite, lastLeaf: inout LeafID?) throws(StoreError) -> StoreWriteOutcome {
            switch write {
            case .appendLeaf(let append):
                let id = LeafID(rawValue: nextPendingID)
                nextPendingID += 1
                pending.append((id, append))
                lastLeaf = id
                return .leafAppended(id)
            case .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
                .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
                try records.apply(write, leaf: lastLeaf)
                return .applied
            default:
                try identity.apply(write)
                return .applied
            }
        }
    }

    struct TileKey: Hashable {
        var level: Int
        var index: UInt64
    }

    /// The schema version this store pretends to be at.
    public let currentVersion = 1

    /// A short description for logs.
    public let kind = "memory"

    let state: Mutex<State>

    /// Creates an empty, migrated store whose head is the empty tree.
    public init() {
        state = Mutex(State())
    }

    /// Marks the store closed.
    public func close() async {
        state.withLock { $0.closed = true }
    }

}

extension InMemoryStore {
    /// Always the current version: the in-memory store has no history.
    public func schemaVersion() async throws(StoreError) -> Int {
        currentVersion
    }

    /// Nothing to apply.
    public func migrate() async throws(StoreError) -> [Int] { [] }

    /// Always current.
    public func checkSchema() async throws(StoreError) {}
}

extension InMemoryStore {
    /// Applies every unit all-or-nothing, in order: a unit that may fail keeps a copy of the
    /// state to restore when one of its writes is refused (the savepoint).
    public func commit(
        _ units: [WriteUnit]
    ) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        try state.withLock { (state: inout State) throws(StoreError) in
            guard !state.closed else { throw .unavailable("store closed") }
            return units.map { unit in
                if let error = unit.validationError { return .failure(error) }
                // Units that cannot fail skip the copy, as the real backends skip the savepoint.
                let savepoint = unit.mayFailInDatabase ? state : nil
                do throws(StoreError) {
                    var lastLeaf: LeafID?
                    return .success(
                        try unit.writes.map { write throws(StoreError) in try state.apply(write, lastLeaf: &lastLeaf) })
                } catch {
                    if let savepoint { state = savepoint }
                    return .failure(error)
                }
            }
        }
    }
}

extension InMemoryStore {
    /// The newest checkpoint.
    public func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint? {
        state.withLock { state in state.checkpoints.max { $0.key < $1.key }?.value }
    }

    /// The queue in append order.
    public func pendingLeaves(limit: Int) async throws(StoreError) -> [PendingLeaf] {
        state.withLock { state in
            state.pending.prefix(limit).map { PendingLeaf(id: $0.id, leaf: $0.append.leaf) }
        }
    }

    /// Numbers, stores tiles and the checkpoint, or changes nothing.
    public func integrate(_ integration: LedgerIntegration) async throws(StoreError) {
        if let error = integration.validationError { throw error }
        try state.withLock { (state: inout State) throws(StoreError) in
            guard state.headSize == integration.previousSize, state.headRoot == integration.previousRoot else {
                throw .conflict("ledger head moved")
            }
            var next = state
            for (offset, id) in integration.leaves.enumerated() {
                guard let position = next.pending.firstIndex(where: { $0.id == id }) else {
                    throw .conflict("pending leaf missing")
                }
                let (_, append) = next.pending.remove(at: position)
                let index = integration.previousSize + UInt64(offset)
                next.leaves[index] = append.leaf
                next.details[index] = (append.salt, append.details, id)
                next.indexOfPending[id] = index
            }
            for tile in integration.tiles {
                next.tiles[TileKey(level: tile.level, index: tile.index)] = tile.hashes
            }
            next.checkpoints[integration.checkpoint.size] = integration.checkpoint
            next.headSize = integration.checkpoint.size
            next.headRoot = integration.checkpoint.root
            state = next
        }
    }

    /// The stored tile.
    public func tile(level: Int, index: UInt64) async throws(StoreError) -> StoredTile? {
        state.withLock { state in
            state.tiles[TileKey(level: level, index: index)].map {
                StoredTile(level: level, index: index, hashes: $0)
            }
        }
    }

    /// The tiles of `level` in `range` that exist, in order.
    public func tiles(level: Int, in range: Range<UInt64>) async throws(StoreError) -> [StoredTile] {
        state.withLock { state in
            state.tiles.filter { $0.key.level == level && range.contains($0.key.index) }
                .map { StoredTile(level: level, index: $0.key.index, hashes: $0.value) }
                .sorted { $0.index < $1.index }
        }
    }

    /// The leaves in range that exist.
    public func leaves(in range: Range<UInt64>) async throws(StoreError) -> [[UInt8]] {
        state.withLock { state in range.compactMap { state.leaves[$0] } }
    }

    /// Pending, integrated or unknown.
    public func status(of id: LeafID) async throws(StoreError) -> LeafStatus {
        state.withLock { state in
            if let index = state.indexOfPending[id] { return .integrated(index: index) }
            if state.pending.contains(where: { $0.id == id }) { return .pending }
            return .unknown
        }
    }

    /// Joined rows in range.
    public func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch {
        state.withLock { state in
            let indices = Set(state.leaves.keys).union(state.details.keys).filter { range.contains($0) }.sorted()
            return LedgerRowBatch(
                indices.map { index in
                    LedgerRow(
                        index: index,
                        leaf: state.leaves[index],
                        salt: state.details[index]?.salt,
                        details: state.details[index]?.details
                    )
                })
        }
    }

    /// One past the highest index stored.
    public func storedExtent() async throws(StoreError) -> UInt64 {
        state.withLock { state in
            let highest = max(state.leaves.keys.max() ?? 0, state.details.keys.max() ?? 0)
            return state.leaves.isEmpty && state.details.isEmpty ? 0 : highest + 1
        }
    }

    /// Every checkpoint, oldest first.
    public func checkpoints() async throws(StoreError) -> [StoredCheckpoint] {
        state.withLock { state in state.checkpoints.values.sorted { $0.size < $1.size } }
    }
}
