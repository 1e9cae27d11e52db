import KuraStore
import Logging
import ServiceLifecycle
import Synchronization

/// Group commit (DESIGN "Writes, durability, audit"): concurrent requests share one
/// transaction and one fsync, each all-or-nothing as if in its own savepoint, and each is
/// answered only after the COMMIT, so an answer always means "durable".
///
/// Callers `submit` a ``WriteUnit`` and wait. Each of `concurrentBatches` committer loops takes
/// everything queued (up to `maximumBatch` units) and commits it as one batch; while a batch is
/// in flight new requests queue up for the next one. SQLite has one writer, so one committer is
/// right there; PostgreSQL is bound by round trips and overlaps batches on several connections.
/// On graceful shutdown the writer stops accepting work, commits what is queued, then returns:
/// no submitted unit is dropped without an answer.
public final class GroupCommitWriter: Service {
    /// Why a submission was not applied.
    public enum SubmitError: Error, Sendable, Equatable {
        /// The unit itself failed (rolled back alone; other units committed).
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
        /// Committer loops waiting for work.
        var idle: [CheckedContinuation<Void, Never>] = []
    }

    let store: any WriteBatchStore
    let maximumBatch: Int
    let concurrentBatches: Int
    let logger: Logger
    let queue = Mutex(Queue())

    /// Creates a writer over `store`.
    ///
    /// - Parameters:
    ///   - maximumBatch: the most units in one transaction.
    ///   - concurrentBatches: how many batches may be in flight at once (1 for SQLite).
    public init(store: any WriteBatchStore, maximumBatch: Int = 1024, concurrentBatches: Int = 1, logger: Logger) {
        self.store = store
        self.maximumBatch = maximumBatch
        self.concurrentBatches = max(1, concurrentBatches)
        self.logger = logger
    }

    /// The number of batches worth keeping in flight for a backend (`KuraStoreBackend.kind`).
    public static func concurrentBatches(forBackend kind: String) -> Int {
        kind == "postgres" ? 4 : 1
    }

    /// Applies `unit` durably with others and returns its outcomes after the COMMIT.
    public func submit(_ unit: WriteUnit) async throws(SubmitError) -> [StoreWriteOutcome] {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let (accepted, committer) = queue.withLock { queue -> (Bool, CheckedContinuation<Void, Never>?) in
                guard queue.accepting else { return (false, nil) }
                queue.units.append(unit)
                queue.waiters.append(waiter)
                return (true, queue.idle.popLast())
            }
            if accepted {
                committer?.resume()
            } else {
                waiter.resume(returning: .failure(.shuttingDown))
            }
        }
        return try result.get()
    }

    /// Commits batches until graceful shutdown, then drains the queue and returns.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrentBatches {
                    group.addTask { await self.commitLoop() }
                }
            }
        } onGracefulShutdown: {
            let idle = self.queue.withLock { queue in
                queue.accepting = false
                defer { queue.idle = [] }
                return queue.idle
            }
            for committer in idle { committer.resume() }
        }
    }

    /// One committer: takes a batch, commits it, answers it; returns once the writer stopped
    /// accepting work and the queue is empty.
    func commitLoop() async {
        while true {
            guard let (units, waiters) = await nextBatch() else { return }
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

    /// The next batch, waiting for work; nil when the writer is shut down and drained.
    func nextBatch() async -> ([WriteUnit], [Waiter])? {
        while true {
            enum Step {
                case batch([WriteUnit], [Waiter])
                case finished
                case wait
            }
            let step = queue.withLock { queue -> Step in
                if !queue.units.isEmpty {
                    let count = min(queue.units.count, maximumBatch)
                    let units = Array(queue.units.prefix(count))
                    let waiters = Array(queue.waiters.prefix(count))
                    queue.units.removeFirst(count)
                    queue.waiters.removeFirst(count)
                    return .batch(units, waiters)
                }
                return queue.accepting ? .wait : .finished
            }
            switch step {
            case .batch(let units, let waiters): return (units, waiters)
            case .finished: return nil
            case .wait:
                await withCheckedContinuation { (committer: CheckedContinuation<Void, Never>) in
                    let ready = queue.withLock { queue in
                        if !queue.units.isEmpty || !queue.accepting { return true }
                        queue.idle.append(committer)
                        return false
                    }
                    if ready { committer.resume() }
                }
            }
        }
    }
}
