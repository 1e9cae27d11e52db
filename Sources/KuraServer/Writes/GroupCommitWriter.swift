import KuraStore
import Logging
import ServiceLifecycle
import Synchronization

/// Group commit (DESIGN "Writes, durability, audit"): concurrent requests share one
/// transaction and one fsync, each in its own savepoint, and each is answered only after the
/// COMMIT, so an answer always means "durable".
///
/// Callers `submit` a ``WriteUnit`` and wait; the service's `run` loop takes everything queued
/// (up to `maximumBatch`) while the previous commit was in flight and commits it as one batch.
/// On graceful shutdown it stops accepting work, commits what is queued, then returns: no
/// submitted unit is dropped without an answer.
public final class GroupCommitWriter: Service {
    /// Why a submission was not applied.
    public enum SubmitError: Error, Sendable, Equatable {
        /// The unit itself failed (its savepoint was rolled back; other units committed).
        case rejected(StoreError)
        /// The whole batch failed (the transaction or the connection): nothing of it committed.
        case batchFailed(StoreError)
        /// The writer is shutting down and takes no new work.
        case shuttingDown
    }

    typealias Waiter = CheckedContinuation<Result<[StoreWriteOutcome], SubmitError>, Never>

    struct Queue {
        var units: [WriteUnit] = []
        var waiters: [Waiter] = []
        var accepting = true
    }

    let store: any WriteBatchStore
    let maximumBatch: Int
    let logger: Logger
    let queue = Mutex(Queue())
    let doorbell: AsyncStream<Void>
    let ring: AsyncStream<Void>.Continuation

    /// Creates a writer over `store`; `maximumBatch` bounds the units in one transaction.
    public init(store: any WriteBatchStore, maximumBatch: Int = 1024, logger: Logger) {
        self.store = store
        self.maximumBatch = maximumBatch
        self.logger = logger
        (doorbell, ring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Applies `unit` durably with others and returns its outcomes after the COMMIT.
    public func submit(_ unit: WriteUnit) async throws(SubmitError) -> [StoreWriteOutcome] {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let accepted = queue.withLock { queue in
                guard queue.accepting else { return false }
                queue.units.append(unit)
                queue.waiters.append(waiter)
                return true
            }
            if accepted {
                ring.yield()
            } else {
                waiter.resume(returning: .failure(.shuttingDown))
            }
        }
        return try result.get()
    }

    /// Commits batches until graceful shutdown, then drains the queue and returns.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in doorbell {
                await drain()
            }
            // The doorbell finished: nothing new is accepted; commit what is left.
            await drain()
        } onGracefulShutdown: {
            self.queue.withLock { $0.accepting = false }
            self.ring.finish()
        }
    }

    /// Commits queued units in batches until the queue is empty.
    func drain() async {
        while true {
            let (units, waiters) = queue.withLock { queue in
                let count = min(queue.units.count, maximumBatch)
                let units = Array(queue.units.prefix(count))
                let waiters = Array(queue.waiters.prefix(count))
                queue.units.removeFirst(count)
                queue.waiters.removeFirst(count)
                return (units, waiters)
            }
            guard !units.isEmpty else { return }
            do {
                let results = try await store.commit(units)
                for (waiter, result) in zip(waiters, results) {
                    waiter.resume(returning: result.mapError { .rejected($0) })
                }
            } catch {
                logger.error(
                    "group commit failed",
                    metadata: ["kura.batch.units": "\(units.count)", "kura.error": "\(error)"]
                )
                for waiter in waiters {
                    waiter.resume(returning: .failure(.batchFailed(error)))
                }
            }
        }
    }
}
