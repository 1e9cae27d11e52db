import Dispatch
import KuraCore
import Logging
import ServiceLifecycle
import Testing

@testable import KuraServer

@Suite("PasswordHasher: scrypt on its own bounded thread pool (AUTH-2, AUTH-5)")
struct PasswordHasherTests {
    /// Slow enough (32 MiB, tens of milliseconds or more per hash) that jobs are still running
    /// when the test looks; used only where the queue must be seen full.
    static let slow = ScryptParameters(log2N: 15, blockSize: 8, parallelism: 1)!

    func hasher(
        _ parameters: ScryptParameters = .passwordTesting, threads: Int = 2, queueLimit: Int = 16
    )
        -> PasswordHasher
    {
        PasswordHasher(parameters: parameters, threads: threads, queueLimit: queueLimit, random: SystemRandomBytes())
    }

    /// Waits (on the cooperative pool, politely) until `count` jobs are admitted.
    func waitUntil(_ hasher: PasswordHasher, hasInFlight count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while hasher.jobsInFlight < count {
            try #require(ContinuousClock.now < deadline, "jobs were never admitted")
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test("a hashed password verifies; another does not; each hash has its own salt")
    func roundTrip() async throws {
        let hasher = hasher()
        let hash = try await hasher.hash("correct horse battery staple")
        #expect(hash.parameters == .passwordTesting)
        #expect(try await hasher.verify("correct horse battery staple", against: hash))
        #expect(try await !hasher.verify("correct horse battery stapler", against: hash))
        #expect(try await hasher.hash("correct horse battery staple") != hash)
        // A hash stored at another cost verifies with its own parameters.
        let older = try PasswordHash.make(
            password: Array("Tr9$kLm2#pQx".utf8), salt: Array(repeating: 1, count: 16),
            parameters: ScryptParameters(log2N: 5, blockSize: 2, parallelism: 1)!)
        #expect(try await hasher.verify("Tr9$kLm2#pQx", against: older))
    }

    @Test("the password is normalised to NFC: the same password from different input methods matches")
    func normalisation() async throws {
        let hasher = hasher()
        let precomposed = "ぱすわーどが\u{00E9}"  // が and é as single scalars
        let decomposed = "\u{306F}\u{309A}すわーど\u{304B}\u{3099}e\u{0301}"
        let hash = try await hasher.hash(precomposed)
        #expect(try await hasher.verify(decomposed, against: hash))
        let fromDecomposed = try await hasher.hash(decomposed)
        #expect(try await hasher.verify(precomposed, against: fromDecomposed))
        // Compatibility forms are different keystrokes and stay different (NFC, not NFKC).
        let fullWidth = try await hasher.hash("ｐａｓｓ１２３")
        #expect(try await !hasher.verify("pass123", against: fullWidth))
    }

    @Test("beyond the queue limit a call is refused at once with busy, while admitted jobs finish")
    func busy() async throws {
        let hasher = hasher(Self.slow, threads: 1, queueLimit: 2)
        let filling = (0..<3).map { index in Task { try await hasher.hash("filler \(index)") } }
        try await waitUntil(hasher, hasInFlight: 3)
        let stored = try PasswordHash.make(
            password: [1], salt: Array(repeating: 0, count: 16), parameters: .passwordTesting)
        for attempt in 0..<3 {
            do {
                switch attempt {
                case 0: _ = try await hasher.hash("one too many")
                case 1: _ = try await hasher.verify("one too many", against: stored)
                default: try await hasher.verifyDummy("one too many")
                }
                Issue.record("a call beyond the queue limit was admitted")
            } catch {
                guard case .busy(let retryAfter) = error else {
                    Issue.record("expected busy, got \(error)")
                    continue
                }
                #expect(retryAfter >= 1)
            }
        }
        // Refused without waiting: the three admitted jobs are all still there.
        #expect(hasher.jobsInFlight == 3)
        for task in filling { _ = try await task.value }
        #expect(hasher.jobsInFlight == 0)
        _ = try await hasher.hash("room again")
    }

    @Test("while every hashing thread is busy the queue refuses more at once and the cooperative pool runs on")
    func flood() async throws {
        let hasher = hasher(.passwordTesting, threads: 2, queueLimit: 2)
        // Jobs that hold their hashing thread until the test opens the gate: deterministic, no
        // timing involved. Two run, two wait in the queue.
        let gate = DispatchSemaphore(value: 0)
        let jobs = Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        try await hasher.run { () throws(PasswordHashError) -> Int in
                            gate.wait()
                            return index
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        try await waitUntil(hasher, hasInFlight: 4)
        // A fifth is refused at once with Retry-After, not queued (AUTH-5).
        await #expect {
            _ = try await hasher.hash("one more")
        } throws: { error in
            guard case .busy(let seconds) = error as? PasswordHasherError else { return false }
            return seconds >= 1
        }
        // Both hashing threads are blocked, yet many tasks on the cooperative pool (one thread
        // per core) complete: hashing does not occupy it. Were it to, this would never finish.
        var sum = 0
        for value in 0..<200 { sum += await Task { value }.value }
        #expect(sum == 19_900)
        #expect(hasher.jobsInFlight == 4)
        for _ in 0..<4 { gate.signal() }
        #expect(try await jobs.value == 6)
        #expect(hasher.jobsInFlight == 0)
    }

    @Test("the dummy verification goes through the same queue at the same cost as a real one")
    func dummy() async throws {
        let hasher = hasher(Self.slow, threads: 1, queueLimit: 0)
        let stored = try await hasher.hash("Tr9$kLm2#pQx")
        try await hasher.verifyDummy("Tr9$kLm2#pQx")

        // It takes a slot like a real verification.
        let running = Task { try await hasher.verifyDummy("anything") }
        try await waitUntil(hasher, hasInFlight: 1)
        await #expect(throws: PasswordHasherError.self) { try await hasher.verify("x", against: stored) }
        try await running.value

        // And the same work: scrypt's cost is fixed by its parameters, and the dummy is made at
        // the hasher's own (a timing comparison would only measure the machine's load).
        #expect(hasher.dummy.parameters == hasher.parameters)
        #expect(try !hasher.dummy.verify(Array("Tr9$kLm2#pQx".utf8)))
    }

    @Test("after graceful shutdown admitted jobs finish and new calls are refused as stopped")
    func shutdown() async throws {
        let hasher = hasher(Self.slow, threads: 1, queueLimit: 4)
        let group = ServiceGroup(
            configuration: .init(services: [hasher], gracefulShutdownSignals: [], logger: Logger(label: "kura-test")))
        let running = Task { try await group.run() }
        let admitted = Task { try await hasher.hash("admitted before shutdown") }
        try await waitUntil(hasher, hasInFlight: 1)
        await group.triggerGracefulShutdown()
        let hash = try await admitted.value
        #expect(hash.parameters == Self.slow)
        try await running.value
        #expect(hasher.jobsInFlight == 0)
        await #expect(throws: PasswordHasherError.stopped) { try await hasher.hash("too late") }
    }

    @Test("error descriptions carry no password")
    func errorDescriptions() {
        #expect(
            PasswordHasherError.busy(retryAfterSeconds: 3).description == "password hashing is busy; retry after 3 s")
        #expect(PasswordHasherError.stopped.description == "password hashing is not available")
    }
}
