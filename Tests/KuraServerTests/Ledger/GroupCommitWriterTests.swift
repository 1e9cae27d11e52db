import KuraCore
import KuraServer
import KuraStore
import KuraTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// A store that forwards to the in-memory store and records each batch it committed, so the
/// tests can see how requests were grouped and when they were answered.
final class RecordingStore: WriteBatchStore {
    let inner: InMemoryStore
    let batches = Mutex<[Int]>([])
    /// Commits in flight now, and the most there ever were.
    let inFlight = Mutex<(now: Int, most: Int)>((0, 0))
    let delay: Duration

    init(delay: Duration = .milliseconds(20)) {
        inner = InMemoryStore()
        self.delay = delay
    }

    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        inFlight.withLock { state in
            state.now += 1
            state.most = max(state.most, state.now)
        }
        defer { inFlight.withLock { $0.now -= 1 } }
        // Stand-in for the fsync: while one batch is in flight, new requests queue up.
        try? await Task.sleep(for: delay)
        let results = try await inner.commit(units)
        batches.withLock { $0.append(units.count) }
        return results
    }
}

@Suite("Group commit")
struct GroupCommitWriterTests {
    static func withWriter(
        _ store: RecordingStore,
        _ body: (GroupCommitWriter) async throws -> Void
    ) async throws {
        let writer = GroupCommitWriter(store: store, logger: Logger(label: "kura-test"))
        let group = ServiceGroup(
            configuration: .init(services: [writer], gracefulShutdownSignals: [], logger: Logger(label: "kura-test"))
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body(writer)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("concurrent requests share transactions, and each is answered after its batch committed")
    func batching() async throws {
        let store = RecordingStore()
        try await Self.withWriter(store) { writer in
            try await withThrowingTaskGroup(of: LeafID.self) { requests in
                for n in 0..<200 {
                    requests.addTask {
                        let outcomes = try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(n))]))
                        guard case .leafAppended(let id) = outcomes.first else { throw ConformanceFailure("no id") }
                        // Answered after the COMMIT: the leaf is already durable in the store.
                        #expect(try await store.inner.status(of: id) == .pending)
                        return id
                    }
                }
                var ids = Set<LeafID>()
                for try await id in requests { ids.insert(id) }
                #expect(ids.count == 200)
            }
        }
        let batches = store.batches.withLock { $0 }
        #expect(batches.reduce(0, +) == 200)
        // 200 requests, each commit taking 20 ms: fewer transactions than requests.
        #expect(batches.count < 200, "\(batches.count) transactions for 200 requests")
        #expect(batches.contains { $0 > 1 })
        #expect(store.inFlight.withLock { $0.most } == 1, "SQLite's writer must commit one batch at a time")
    }

    @Test("a failing request is rejected alone; the others in its batch commit")
    func failingAlone() async throws {
        let store = RecordingStore(delay: .milliseconds(50))
        try await Self.withWriter(store) { writer in
            try await withThrowingTaskGroup(of: Bool.self) { requests in
                for n in 0..<20 {
                    requests.addTask {
                        let append = StoreConformance.append(n, saltLength: n == 7 ? 5 : 32)
                        let result: Result<[StoreWriteOutcome], GroupCommitWriter.SubmitError>
                        do {
                            result = .success(try await writer.submit(WriteUnit([.appendLeaf(append)])))
                        } catch {
                            result = .failure(error as! GroupCommitWriter.SubmitError)
                        }
                        switch result {
                        case .success: return true
                        case .failure(.rejected(.constraintViolation)): return false
                        case .failure(let error): throw error
                        }
                    }
                }
                var accepted = 0
                var rejected = 0
                for try await ok in requests {
                    if ok { accepted += 1 } else { rejected += 1 }
                }
                #expect(accepted == 19)
                #expect(rejected == 1)
            }
        }
        #expect(try await store.inner.pendingLeaves(limit: 100).count == 19)
    }

    @Test("after graceful shutdown new requests are refused and none is left unanswered")
    func shutdown() async throws {
        let store = RecordingStore()
        let writer = GroupCommitWriter(store: store, logger: Logger(label: "kura-test"))
        let group = ServiceGroup(
            configuration: .init(services: [writer], gracefulShutdownSignals: [], logger: Logger(label: "kura-test"))
        )
        let running = Task { try await group.run() }
        _ = try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(1))]))
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: GroupCommitWriter.SubmitError.shuttingDown) {
            try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(2))]))
        }
        #expect(try await store.inner.pendingLeaves(limit: 10).count == 1)
    }
}

/// A store whose commits wait until the test opens the gate, so overlap can be observed
/// deterministically, whatever the machine's load.
final class GatedStore: WriteBatchStore {
    let inner = InMemoryStore()
    let inFlight = Mutex(0)
    let open = Mutex(false)

    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        inFlight.withLock { $0 += 1 }
        defer { inFlight.withLock { $0 -= 1 } }
        while !open.withLock({ $0 }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
        return try await inner.commit(units)
    }

    /// Waits (up to 10 s) until `count` commits are in flight; returns whether they were.
    func waitForInFlight(_ count: Int) async -> Bool {
        for _ in 0..<5000 {
            if inFlight.withLock({ $0 }) == count { return true }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return false
    }
}

@Suite("Group commit with several batches in flight")
struct PipelinedGroupCommitTests {
    static func run(
        concurrentBatches: Int,
        _ body: (GroupCommitWriter, GatedStore) async throws -> Void
    ) async throws {
        let store = GatedStore()
        let writer = GroupCommitWriter(
            store: store,
            concurrentBatches: concurrentBatches,
            logger: Logger(label: "kura-test")
        )
        let group = ServiceGroup(
            configuration: .init(services: [writer], gracefulShutdownSignals: [], logger: Logger(label: "kura-test"))
        )
        let running = Task { try await group.run() }
        try await body(writer, store)
        store.open.withLock { $0 = true }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test("with several committers, a request arriving during a commit starts the next batch at once")
    func overlapping() async throws {
        try await Self.run(concurrentBatches: 4) { writer, store in
            let first = Task { try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(0))])) }
            #expect(await store.waitForInFlight(1))
            let second = Task { try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(1))])) }
            #expect(await store.waitForInFlight(2), "the second batch waited for the first")
            store.open.withLock { $0 = true }
            _ = try await first.value
            _ = try await second.value
            #expect(try await store.inner.pendingLeaves(limit: 10).count == 2)
        }
    }

    @Test("with one committer (SQLite), the next batch waits for the commit in flight")
    func serial() async throws {
        try await Self.run(concurrentBatches: 1) { writer, store in
            let first = Task { try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(0))])) }
            #expect(await store.waitForInFlight(1))
            let second = Task { try await writer.submit(WriteUnit([.appendLeaf(StoreConformance.append(1))])) }
            try await Task.sleep(for: .milliseconds(100))
            #expect(store.inFlight.withLock { $0 } == 1)
            store.open.withLock { $0 = true }
            _ = try await first.value
            _ = try await second.value
            #expect(try await store.inner.pendingLeaves(limit: 10).count == 2)
        }
    }
}
