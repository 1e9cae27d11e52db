import Crypto
import KuraCore
import KuraServer
import KuraStore
import KuraTesting
import Logging
import Synchronization
import Testing

@Suite("The checkpointer")
struct CheckpointerTests {
    /// A clock the test sets by hand (ms since the epoch).
    final class ManualClock: Sendable {
        let now = Mutex<Int64>(1_800_000_000_000)
        func set(_ value: Int64) { now.withLock { $0 = value } }
        func read() -> Int64 { now.withLock { $0 } }
    }

    static func make(_ store: InMemoryStore, clock: ManualClock, alerts: AlertBoard) throws -> Checkpointer {
        let signer = try NoteSigner(name: "test.example/clinic", privateKey: Curve25519.Signing.PrivateKey())
        return Checkpointer(
            store: store,
            signer: signer,
            clock: { clock.read() },
            alerts: alerts,
            logger: Logger(label: "kura-test")
        )
    }

    static func append(_ store: InMemoryStore, _ count: Int, from first: Int = 0) async throws {
        _ = try await store.commit(
            (first..<first + count).map { WriteUnit([.appendLeaf(StoreConformance.append($0))]) })
    }

    @Test("seals pending leaves into a signed checkpoint whose root is the tree of the leaves")
    func seals() async throws {
        let store = InMemoryStore()
        let clock = ManualClock()
        let checkpointer = try Self.make(store, clock: clock, alerts: AlertBoard())
        try await Self.append(store, 300)
        #expect(try await checkpointer.tick() == 300)
        let latest = try #require(try await store.latestCheckpoint())
        var range = CompactRange()
        for n in 0..<300 { range.append(RFC6962.leafHash(StoreConformance.append(n).leaf)) }
        #expect(latest.root == range.root())
        #expect(try await store.tile(level: 0, index: 0)?.width == 256)
        #expect(try await store.tile(level: 0, index: 1)?.width == 44)
        #expect(try await store.tile(level: 1, index: 0)?.width == 1)
    }

    @Test("seals at most once per interval, then again when the interval has passed")
    func rateLimited() async throws {
        let store = InMemoryStore()
        let clock = ManualClock()
        let checkpointer = try Self.make(store, clock: clock, alerts: AlertBoard())
        try await Self.append(store, 3)
        #expect(try await checkpointer.tick() == 3)
        try await Self.append(store, 2, from: 3)
        clock.set(clock.read() + 400)
        #expect(try await checkpointer.tick() == nil)
        clock.set(clock.read() + 600)
        #expect(try await checkpointer.tick() == 5)
        #expect(try await store.checkpoints().map(\.size) == [3, 5])
    }

    @Test("a clock that went back is refused with an alert, and sealing resumes when it recovers (AUD-3)")
    func clockWentBack() async throws {
        let store = InMemoryStore()
        let clock = ManualClock()
        let alerts = AlertBoard()
        let checkpointer = try Self.make(store, clock: clock, alerts: alerts)
        try await Self.append(store, 2)
        #expect(try await checkpointer.tick() == 2)
        let sealedAt = clock.read()
        try await Self.append(store, 1, from: 2)
        clock.set(sealedAt - 60_000)
        #expect(try await checkpointer.tick() == nil)
        #expect(alerts.current == [.clockWentBack])
        #expect(try await store.latestCheckpoint()?.size == 2)
        clock.set(sealedAt + 5_000)
        #expect(try await checkpointer.tick() == 3)
        #expect(alerts.current.isEmpty)
    }

    @Test("a second checkpointer resumes from the stored tiles and continues the same tree")
    func resumes() async throws {
        let store = InMemoryStore()
        let clock = ManualClock()
        try await Self.append(store, 700)
        #expect(try await Self.make(store, clock: clock, alerts: AlertBoard()).integrateNow() == 700)
        try await Self.append(store, 100, from: 700)
        clock.set(clock.read() + 2_000)
        let second = try Self.make(store, clock: clock, alerts: AlertBoard())
        // The second has a new signing key but the tree state comes from the store.
        #expect(try await second.integrateNow() == 800)
        var range = CompactRange()
        for n in 0..<800 { range.append(RFC6962.leafHash(StoreConformance.append(n).leaf)) }
        #expect(try await store.latestCheckpoint()?.root == range.root())
    }
}
