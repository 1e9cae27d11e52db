import Foundation
import KuraCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Hashes and verifies account passwords off the cooperative thread pool (AUTH-2, AUTH-5).
///
/// One scrypt hash takes 100–250 ms of CPU and tens of MiB of memory by design. Run on Swift's
/// cooperative pool (one thread per core) a handful of logins would occupy every thread and stall
/// all other requests, so the work goes to an `NIOThreadPool` of its own `threads` threads, and
/// at most `queueLimit` jobs may wait for them: a job beyond that is refused at once with
/// `.busy` (429 with Retry-After) rather than queued, so a login flood costs bounded memory and
/// is answered fast while other requests keep their latency. NIO's pool is used rather than
/// threads of our own because it is already a dependency, is tested, and joins its threads on
/// shutdown.
///
/// The pool starts in `init`. As a `Service`, `run()` waits for graceful shutdown, then refuses
/// new work (`.stopped`), lets admitted jobs finish and shuts the pool down; a hasher released
/// without running shuts its pool down too. Admitted jobs are not cancelled with their caller:
/// the queue is bounded, and a cancelled login would otherwise leave the pool's bookkeeping behind.
public final class PasswordHasher: Service {
    struct State {
        /// Jobs admitted and not yet finished (running or waiting).
        var inFlight = 0
        var accepting = true
        /// `run()` waiting for the last job after shutdown began.
        var drained: CheckedContinuation<Void, Never>?
        /// A moving average of how long one job takes, for Retry-After.
        var averageJobSeconds: Double?
    }

    /// The cost new hashes are made with.
    public let parameters: ScryptParameters
    /// The number of hashing threads.
    public let threads: Int
    /// The most jobs that may wait for a thread.
    public let queueLimit: Int

    let pool: NIOThreadPool
    let random: any RandomBytesSource
    let state = Mutex(State())
    /// What unknown accounts are verified against: random salt and hash bytes (so it matches
    /// nothing) at the current cost, so the work equals a real verification.
    let dummy: PasswordHash

    /// Starts `threads` hashing threads.
    ///
    /// - Parameters:
    ///   - parameters: the cost for new hashes (`ScryptParameters.password` in production).
    ///   - threads: hashing threads (at least 1); each hash holds 128·r·N bytes while it runs.
    ///   - queueLimit: the most jobs that may wait; one more is refused with `.busy`.
    ///   - random: the source of salts.
    public init(parameters: ScryptParameters, threads: Int, queueLimit: Int, random: some RandomBytesSource) {
        self.parameters = parameters
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
        self.random = random
        self.dummy = try! PasswordHash(
            parameters: parameters,
            salt: random.bytes(count: PasswordHash.saltByteCount),
            hash: random.bytes(count: PasswordHash.hashByteCount)
        )
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    deinit {
        // Only reached when `run()` never ran (or ended): shutting down twice is harmless, and an
        // NIOThreadPool must not be released while running.
        pool.shutdownGracefully { _ in }
    }

    /// Hashes a new password with a fresh salt at the current cost.
    public func hash(_ password: String) async throws(PasswordHasherError) -> PasswordHash {
        let bytes = Self.passwordBytes(password)
        let salt = random.bytes(count: PasswordHash.saltByteCount)
        let parameters = parameters
        return try await run { () throws(PasswordHashError) in
            try PasswordHash.make(password: bytes, salt: salt, parameters: parameters)
        }
    }

    /// Whether `password` matches `hash` (with the hash's own stored cost).
    public func verify(_ password: String, against hash: PasswordHash) async throws(PasswordHasherError) -> Bool {
        let bytes = Self.passwordBytes(password)
        return try await run { () throws(PasswordHashError) in try hash.verify(bytes) }
    }

    /// Does the work of a verification for an account that does not exist, so that the time a
    /// login takes never reveals whether the account exists (AUTH-5).
    public func verifyDummy(_ password: String) async throws(PasswordHasherError) {
        let bytes = Self.passwordBytes(password)
        let dummy = dummy
        _ = try await run { () throws(PasswordHashError) in try dummy.verify(bytes) }
    }

    /// Admitted and unfinished jobs (running or waiting), for monitoring and tests.
    public var jobsInFlight: Int { state.withLock { $0.inFlight } }

    /// The password's bytes: UTF-8 of its Unicode NFC form.
    ///
    /// The same password can arrive as different code points: a Japanese IME may send が as one
    /// precomposed scalar (U+304C) or as か plus a combining dakuten (U+304B U+3099), and macOS
    /// and Windows differ likewise for accented Latin letters. NFC maps canonically equivalent
    /// spellings to one, so the password a person set on one device verifies on another (NIST SP
    /// 800-63B §5.1.1.2 asks for normalisation). NFC rather than NFKC: NFKC would also merge
    /// compatibility characters such as full-width and half-width forms, which are not the same
    /// keystrokes, and would weaken the password for nothing.
    static func passwordBytes(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Admits a job (or refuses it), runs it on the pool and answers with its result.
    func run<T: Sendable>(
        _ job: @escaping @Sendable () throws(PasswordHashError) -> T
    ) async throws(PasswordHasherError) -> T {
        try admit()
        let result: Result<T, PasswordHasherError> = await withCheckedContinuation { continuation in
            pool.submit { [self] workState in
                guard case .active = workState else {
                    finish(seconds: nil)
                    continuation.resume(returning: .failure(.stopped))
                    return
                }
                let start = ContinuousClock.now
                let result = Result { () throws(PasswordHashError) -> T in try job() }.mapError { _ in
                    PasswordHasherError.stopped
                }
                let elapsed = start.duration(to: .now)
                finish(seconds: elapsed.seconds)
                continuation.resume(returning: result)
            }
        }
        return try result.get()
    }

    /// Counts a job in, or throws `.busy` (with a Retry-After estimate) or `.stopped`.
    func admit() throws(PasswordHasherError) {
        let refusal = state.withLock { state -> PasswordHasherError? in
            guard state.accepting else { return .stopped }
            // Waiting jobs = in flight beyond the running ones; one more must not exceed the limit.
            guard state.inFlight < threads + queueLimit else {
                let queueSeconds = Double(state.inFlight) / Double(threads) * (state.averageJobSeconds ?? 1)
                return .busy(retryAfterSeconds: max(1, Int(queueSeconds.rounded(.up))))
            }
            state.inFlight += 1
            return nil
        }
        if let refusal { throw refusal }
    }

    /// Counts a job out; wakes `run()` when it was the last one after shutdown began.
    func finish(seconds: Double?) {
        let drained = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.inFlight -= 1
            if let seconds {
                state.averageJobSeconds = state.averageJobSeconds.map { 0.8 * $0 + 0.2 * seconds } ?? seconds
            }
            guard state.inFlight == 0, let drained = state.drained else { return nil }
            state.drained = nil
            return drained
        }
        drained?.resume()
    }

    /// Waits for graceful shutdown (or cancellation), then stops taking work, lets admitted jobs
    /// finish and shuts the pool down.
    public func run() async throws {
        try? await gracefulShutdown()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state in
                state.accepting = false
                if state.inFlight == 0 { return true }
                state.drained = continuation
                return false
            }
            if idle { continuation.resume() }
        }
        try await pool.shutdownGracefully()
    }
}
