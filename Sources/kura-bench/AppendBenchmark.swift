import Foundation
import KuraCore
import KuraServer
import KuraStore
import Logging
import ServiceLifecycle
import Synchronization

/// Phase 1: `leaves` appends from `writers` concurrent tasks through the real group-commit
/// writer, with the real checkpointer running beside it, both as services in a `ServiceGroup`
/// as `buildApplication` wires them; timed from the first submit until a sealed checkpoint
/// covers the last leaf.
struct AppendBenchmark {
    /// What the phase measured.
    struct Result {
        /// First submit to the checkpoint covering every leaf.
        var total: Duration
        /// First submit to the last acknowledged submit (every leaf durable, pending).
        var acknowledged: Duration
        /// The store calls of the writer and the checkpointer.
        var counters: InstrumentedStore.Counters
        /// Checkpoints stored.
        var checkpoints: Int
    }

    let leaves: Int
    let writers: Int
    let checkpointInterval: Duration
    /// Group commits in flight; nil for the server's choice for the backend.
    let concurrentBatches: Int?
    let logger: Logger

    /// Runs the phase on `store` (and its pool, for PostgreSQL), signing with `signer`.
    func run(store: any KuraStoreBackend, pool: (any Service)?, signer: NoteSigner) async throws -> Result {
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let instrumented = InstrumentedStore(store)
        // The same pipeline depth as the server uses for this backend.
        let writer = GroupCommitWriter(
            store: instrumented,
            concurrentBatches: concurrentBatches ?? GroupCommitWriter.concurrentBatches(forBackend: store.kind),
            logger: logger
        )
        let checkpointer = Checkpointer(
            store: instrumented,
            signer: signer,
            clock: clock,
            interval: checkpointInterval,
            alerts: AlertBoard(),
            logger: logger
        )
        let group = ServiceGroup(
            services: [StoreService(store: store, pool: pool), writer, checkpointer],
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                var result = try await drive(writer: writer, events: LedgerEvents(clock: clock), store: store)
                result.checkpoints = try await store.checkpoints().count
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                // Read after the services stopped: the last integrate call has returned.
                result.counters = instrumented.snapshot
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Submits every leaf from `writers` tasks, then waits for the covering checkpoint.
    func drive(writer: GroupCommitWriter, events: LedgerEvents, store: any KuraStoreBackend) async throws -> Result {
        let next = SequenceCounter()
        let leaves = self.leaves
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for writerNumber in 0..<writers {
                tasks.addTask {
                    while true {
                        let sequence = next.take()
                        guard sequence < leaves else { return }
                        // Built per request, exactly as the server builds a ledger append.
                        let write = try events.append(
                            kind: SampleEvent.kind,
                            fields: SampleEvent.fields(writer: writerNumber, sequence: sequence)
                        )
                        _ = try await writer.submit(WriteUnit([write]))
                    }
                }
            }
            try await tasks.waitForAll()
        }
        let acknowledged = start.duration(to: .now)
        try await waitForCheckpoint(covering: UInt64(leaves), store: store)
        return Result(
            total: start.duration(to: .now),
            acknowledged: acknowledged,
            counters: .init(),
            checkpoints: 0
        )
    }

    /// Polls the newest checkpoint every 5 ms until it covers `size` leaves; fails when it has
    /// not grown for 60 s (the checkpointer is stuck and the figure would mean nothing).
    func waitForCheckpoint(covering size: UInt64, store: any KuraStoreBackend) async throws {
        var lastSize: UInt64 = 0
        var lastProgress = ContinuousClock.now
        while true {
            let current = try await store.latestCheckpoint()?.size ?? 0
            if current >= size { return }
            if current > lastSize {
                lastSize = current
                lastProgress = .now
            } else if lastProgress.duration(to: .now) > .seconds(60) {
                throw BenchError.invalid("no checkpoint beyond \(current) leaves for 60 s")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Hands out sequence numbers to the writer tasks.
final class SequenceCounter: Sendable {
    let value = Atomic<Int>(0)

    /// The next sequence number.
    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
