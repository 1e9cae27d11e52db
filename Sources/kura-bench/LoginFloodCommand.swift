import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import Logging
import NIOCore
import NIOPosix

/// `kura-bench login-flood`: whether ordinary requests keep their latency while wrong-password
/// sign-ins arrive far faster than passwords can be checked, and whether the excess is refused
/// fast with 429 and Retry-After (AUTH-5; BENCHMARKS.md "Login flood").
///
/// Kura runs in-process through `buildApplication` with the production password cost, plain
/// HTTP on 127.0.0.1 and a new data folder; a real HTTP/1.1 client talks to it over loopback.
/// Three phases of `--seconds` each, with the same stream of ordinary requests: (a) no flood,
/// the baseline; (b) a flood from a new address per attempt, so only the hasher's own bound
/// stands; (c) a flood from one address, which the per-address limit stops. The hasher's rate
/// alone is measured last.
struct LoginFloodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login-flood",
        abstract: "Ordinary-request latency with and without a flood of wrong-password sign-ins."
    )

    @Option(help: "Sign-in attempts per second during a flood (sent on schedule, never waiting for answers).")
    var rate: Int = 100

    @Option(help: "Seconds each phase lasts (baseline, flood from many addresses, flood from one).")
    var seconds: Int = 20

    @Option(help: "Ordinary requests per second of each kind (GET /healthz, GET /api/v1/me/sessions).")
    var ordinaryRate: Int = 20

    @Option(help: "The backend: sqlite or postgres.")
    var backend: BenchDatabases.Backend = .sqlite

    @Option(help: "PostgreSQL: URL of an existing database whose role may create databases.")
    var database: String?

    @Option(help: "Password hashing threads (identity.hashingThreads; the server's default is 2).")
    var hashingThreads: Int = IdentitySettings().hashingThreads

    @Option(help: "Hashes made to measure the hasher's rate alone.")
    var hashes: Int = 32

    func validate() throws {
        guard rate > 0, seconds > 0, ordinaryRate > 0, hashes > 0, hashingThreads > 0 else {
            throw ValidationError("--rate, --seconds, --ordinary-rate, --hashing-threads and --hashes must be positive")
        }
        if backend == .postgres && database == nil {
            throw ValidationError("--backend postgres needs --database URL")
        }
    }

    func run() async throws {
        var logger = Logger(label: "kura-bench")
        logger.logLevel = .warning
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kura-bench-flood-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let databases = BenchDatabases(backend: backend, directory: folder, adminURL: database, logger: logger)
        let url = backend == .postgres ? try await databases.fresh("flood").url : nil

        var configuration = ServerConfiguration(
            dataDirectory: "\(folder)/data", databaseURL: url, host: "127.0.0.1", port: 0, insecureHTTP: true,
            logLevel: .warning)
        configuration.passwordHashing = .password
        // The client is the proxy: its X-Forwarded-For names the attacker, as behind a load balancer.
        configuration.identity.trustedProxies = ["127.0.0.1"]
        configuration.identity.hashingThreads = hashingThreads
        let identity = configuration.identity

        var report = LoginFloodReport(
            backend: backend, rate: rate, seconds: seconds, ordinaryRate: ordinaryRate,
            hashingThreads: identity.hashingThreads, hashingQueueLimit: identity.hashingQueueLimit,
            loginLimit: identity.loginAttemptsPerMinute)
        report.printHeader()

        // The client's own event loop, so that it does not queue behind the server's.
        let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let printer = report
        let phases = try await FloodServer.run(configuration: configuration, logger: logger) { server in
            let pool = ConnectionPool(host: "127.0.0.1", port: server.port, group: clientGroup)
            let load = OpenLoopLoad(pool: pool)
            // Warm-up: connections, caches and the first checkpoint, not measured.
            _ = await measure("warm-up", flood: nil, seconds: 2, load: load, server: server)
            var phases: [FloodPhase] = []
            for (name, source) in [
                ("baseline", nil), ("many addresses", FloodSource.manyAddresses),
                ("one address", .oneAddress),
            ] as [(String, FloodSource?)] {
                let phase = await measure(name, flood: source, seconds: seconds, load: load, server: server)
                printer.printPhase(phase)
                phases.append(phase)
                // The next phase starts with the hasher idle: every attempt has been answered.
            }
            await pool.closeAll()
            return phases
        }
        try await clientGroup.shutdownGracefully()
        report.phases = phases
        report.hasherRate = try await hasherRate(threads: identity.hashingThreads)
        report.printSummary()
        if backend == .postgres { await databases.remove("flood") }
    }

    /// One phase: the ordinary streams for `seconds`, with the flood from `flood` beside them.
    func measure(
        _ name: String, flood: FloodSource?, seconds: Int, load: OpenLoopLoad, server: FloodServer
    ) async -> FloodPhase {
        let cpu = CPUSample.now()
        let start = ContinuousClock.now + .milliseconds(50)
        let interval = Duration.seconds(1) / ordinaryRate
        let count = seconds * ordinaryRate
        let token = server.sessionToken
        async let health = load.run(.health, count: count, interval: interval, start: start) { _ in
            FloodRequests.health()
        }
        async let sessions = load.run(.sessions, count: count, interval: interval, start: start + interval / 2) { _ in
            FloodRequests.sessions(token: token)
        }
        async let attempts = attempts(flood, seconds: seconds, load: load, start: start)
        let outcomes = await health + sessions + attempts
        return FloodPhase(
            name: name, source: flood, rate: rate, seconds: seconds, elapsed: start.duration(to: .now),
            outcomes: outcomes,
            cpu: CPUSample.now().since(cpu), peakMemory: PeakMemory.highWaterMark())
    }

    /// The flood's attempts at `rate` per second, or none.
    func attempts(
        _ flood: FloodSource?, seconds: Int, load: OpenLoopLoad, start: ContinuousClock.Instant
    ) async -> [RequestOutcome] {
        guard let flood else { return [] }
        return await load.run(.attempt, count: seconds * rate, interval: .seconds(1) / rate, start: start) { index in
            FloodRequests.attempt(index, address: flood.address(index), target: FloodServer.targetLogin)
        }
    }

    /// Hashes per second of a `PasswordHasher` alone at the production cost, with as many
    /// threads as the server's: the ceiling on checked sign-ins, whatever the arrival rate.
    func hasherRate(threads: Int) async throws -> Double {
        let hasher = PasswordHasher(
            parameters: .password, threads: threads, queueLimit: hashes, random: SystemRandomBytes())
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<hashes {
                group.addTask { _ = try await hasher.hash("password number \(index)") }
            }
            try await group.waitForAll()
        }
        return Double(hashes) / (LatencySummary.milliseconds(start.duration(to: .now)) / 1000)
    }
}
