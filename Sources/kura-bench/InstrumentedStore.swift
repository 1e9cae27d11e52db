import KuraCore
import KuraStore
import Synchronization

/// Forwards every call to the real store and adds up how often and how long the group-commit
/// writer and the checkpointer spent in it, to tell where the append time goes.
///
/// It adds one clock read pair and one uncontended lock per call: nothing next to a COMMIT.
final class InstrumentedStore: WriteBatchStore, LedgerStore {
    /// Call counts and the time spent inside the store.
    struct Counters: Sendable {
        /// `commit` calls (one per group-commit batch).
        var commits = 0
        /// Units in those batches.
        var units = 0
        /// The largest batch.
        var largestBatch = 0
        /// Time inside `commit`.
        var commitTime = Duration.zero
        /// `integrate` calls (one per sealed checkpoint).
        var integrations = 0
        /// Time inside `integrate`.
        var integrateTime = Duration.zero
        /// `pendingLeaves` calls.
        var pendingReads = 0
        /// Time inside `pendingLeaves`.
        var pendingReadTime = Duration.zero
    }

    let base: any KuraStoreBackend
    let counters = Mutex(Counters())

    /// Wraps `base`.
    init(_ base: any KuraStoreBackend) {
        self.base = base
    }

    /// The counters so far.
    var snapshot: Counters { counters.withLock { $0 } }

    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        let start = ContinuousClock.now
        let results = try await base.commit(units)
        let elapsed = start.duration(to: .now)
        counters.withLock { counters in
            counters.commits += 1
            counters.units += units.count
            counters.largestBatch = max(counters.largestBatch, units.count)
            counters.commitTime += elapsed
        }
        return results
    }

    func pendingLeaves(limit: Int) async throws(StoreError) -> [PendingLeaf] {
        let start = ContinuousClock.now
        let leaves = try await base.pendingLeaves(limit: limit)
        let elapsed = start.duration(to: .now)
        counters.withLock { counters in
            counters.pendingReads += 1
            counters.pendingReadTime += elapsed
        }
        return leaves
    }

    func integrate(_ integration: LedgerIntegration) async throws(StoreError) {
        let start = ContinuousClock.now
        try await base.integrate(integration)
        let elapsed = start.duration(to: .now)
        counters.withLock { counters in
            counters.integrations += 1
            counters.integrateTime += elapsed
        }
    }

    func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint? {
        try await base.latestCheckpoint()
    }

    func tile(level: Int, index: UInt64) async throws(StoreError) -> StoredTile? {
        try await base.tile(level: level, index: index)
    }

    func tiles(level: Int, in range: Range<UInt64>) async throws(StoreError) -> [StoredTile] {
        try await base.tiles(level: level, in: range)
    }

    func leaves(in range: Range<UInt64>) async throws(StoreError) -> [[UInt8]] {
        try await base.leaves(in: range)
    }

    func status(of id: LeafID) async throws(StoreError) -> LeafStatus {
        try await base.status(of: id)
    }

    func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch {
        try await base.rows(in: range)
    }

    func storedExtent() async throws(StoreError) -> UInt64 {
        try await base.storedExtent()
    }

    func checkpoints() async throws(StoreError) -> [StoredCheckpoint] {
        try await base.checkpoints()
    }
}
