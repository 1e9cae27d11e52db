import KuraCore
import KuraStore
import Logging
import ServiceLifecycle
import Synchronization

/// The integrator and checkpointer (DESIGN "Sequencing", "Checkpoints"): numbers pending
/// leaves, stores their tiles and a newly signed checkpoint in one transaction, at most once
/// per interval while there is something new.
///
/// Only one integrator may run per log: on SQLite the single writer serialises it; on
/// PostgreSQL the store takes a transaction-scoped lock and compares size and root, and a lost
/// race reloads the tree from the store and tries again.
public final class Checkpointer: Service {
    let store: any LedgerStore
    let signer: NoteSigner
    let clock: @Sendable () -> Int64
    let batchLimit: Int
    let logger: Logger
    let alerts: AlertBoard
    let state: Mutex<State>
    /// One integration at a time in this process (the store's compare-and-swap guards
    /// against other processes).
    let gate = AsyncLock()

    struct State {
        var tree: TileBuilder?
        var schedule: CheckpointSchedule
    }

    /// Creates a checkpointer signing as `signer` (its name is the log's origin).
    ///
    /// - Parameters:
    ///   - clock: milliseconds since the Unix epoch (UTC).
    ///   - interval: the shortest time between two checkpoints.
    ///   - batchLimit: the most leaves integrated in one transaction.
    public init(
        store: any LedgerStore,
        signer: NoteSigner,
        clock: @escaping @Sendable () -> Int64,
        interval: Duration = .seconds(1),
        batchLimit: Int = 100_000,
        alerts: AlertBoard,
        logger: Logger
    ) {
        self.store = store
        self.signer = signer
        self.clock = clock
        self.batchLimit = batchLimit
        self.alerts = alerts
        self.logger = logger
        let milliseconds = interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000
        state = Mutex(State(tree: nil, schedule: CheckpointSchedule(lastSealedAt: nil, minimumInterval: milliseconds)))
    }

    /// Integrates on every tick until graceful shutdown; then integrates what is left once.
    public func run() async throws {
        try await gate.withLock { try await loadTree() }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await tick()
            } catch {
                logger.error("checkpoint failed", metadata: ["kura.error": "\(error)"])
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        // Seal what was acknowledged before the shutdown began, ignoring the rate limit: the
        // next start would integrate it anyway, but an operator expects a final checkpoint.
        _ = try? await integrateAll(force: true)
    }

    /// One tick of the schedule; returns the new checkpoint's size if one was sealed.
    @discardableResult
    public func tick() async throws -> UInt64? {
        try await integrateAll(force: false)
    }

    /// Integrates every pending leaf now (tests and shutdown); returns the signed size.
    @discardableResult
    public func integrateNow() async throws -> UInt64? {
        try await integrateAll(force: true)
    }

    func loadTree() async throws {
        let latest = try await store.latestCheckpoint()
        let tree: TileBuilder
        if let latest {
            tree = try await LedgerTree.load(size: latest.size, from: store)
            guard tree.root() == latest.root else {
                throw StoreError.corrupt("the stored tiles do not match the latest checkpoint")
            }
        } else {
            tree = TileBuilder()
        }
        state.withLock { state in
            state.tree = tree
            state.schedule = CheckpointSchedule(
                lastSealedAt: latest?.sealedAt,
                minimumInterval: state.schedule.minimumInterval
            )
        }
    }

    func integrateAll(force: Bool) async throws -> UInt64? {
        try await gate.withLock {
            if state.withLock({ $0.tree == nil }) {
                try await loadTree()
            }
            return try await integrateAllLocked(force: force)
        }
    }

    func integrateAllLocked(force: Bool) async throws -> UInt64? {
        var sealed: UInt64?
        // After a full batch more is waiting: drain it now, or integration is capped at
        // `batchLimit` leaves per interval however fast appends arrive.
        var draining = force
        while true {
            // Reading the pending leaves is the expensive part of a tick: skip it while the last
            // seal is too recent, when the schedule would answer `.wait` anyway.
            if !draining {
                let now = clock()
                guard state.withLock({ $0.schedule.maySeal(now: now) }) else { return sealed }
            }
            let pending = try await store.pendingLeaves(limit: batchLimit)
            let now = clock()
            let action = state.withLock { state in
                state.schedule.tick(now: now, pending: !pending.isEmpty)
            }
            switch action {
            case .idle:
                return sealed
            case .wait:
                guard draining else { return sealed }
            case .refuseClockWentBack(let last, let now, let alert):
                if alert {
                    alerts.raise(.clockWentBack)
                    logger.critical(
                        "clock is behind the last checkpoint; not sealing",
                        metadata: ["kura.checkpoint.sealed_at": "\(last)", "kura.clock.now": "\(now)"]
                    )
                }
                return sealed
            case .seal:
                alerts.clear(.clockWentBack)
            }
            sealed = try await seal(pending, at: now)
            guard pending.count == batchLimit else { return sealed }
            draining = true
        }
    }

    func seal(_ pending: [PendingLeaf], at now: Int64) async throws -> UInt64 {
        guard var tree = state.withLock({ $0.tree }) else {
            throw StoreError.conflict("tree not loaded")
        }
        let previousSize = tree.size
        let previousRoot = tree.root()
        for leaf in pending {
            tree.append(RFC6962.leafHash(leaf.leaf))
        }
        let tiles = LedgerTree.stored(tree.takeChangedTiles())
        let root = tree.root()
        let checkpoint = try Checkpoint(origin: signer.name, size: tree.size, root: root)
        let note = try checkpoint.signed(by: signer)
        let integration = LedgerIntegration(
            previousSize: previousSize,
            previousRoot: previousRoot,
            leaves: pending.map(\.id),
            tiles: tiles,
            checkpoint: StoredCheckpoint(size: tree.size, root: root, note: note.bytes, sealedAt: now)
        )
        do {
            try await store.integrate(integration)
        } catch {
            if case .conflict = error {
                // Another integrator won the race: continue from what it stored.
                logger.warning("integration lost a race; reloading", metadata: ["kura.error": "\(error)"])
                try await loadTree()
            }
            throw error
        }
        state.withLock { state in
            state.tree = tree
            state.schedule.sealed(at: now)
        }
        logger.debug("checkpoint sealed", metadata: ["kura.checkpoint.size": "\(tree.size)"])
        return tree.size
    }
}
