import ArgumentParser
import Crypto
import Foundation
import KuraCore
import KuraServer
import KuraStore
import Logging

extension BenchDatabases.Backend: ExpressibleByArgument {}

/// A part of the ledger benchmark, selectable for profiling one at a time.
enum LedgerPhase: String, CaseIterable, ExpressibleByArgument {
    case insert, append, verify, read, hash
}

/// `kura-bench ledger`: the ledger's append and verification throughput on one backend, each
/// beside a raw baseline of the same durability measured in the same run (BENCHMARKS.md).
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Append+integrate and verify N leaves; compare with raw inserts and raw SHA-256."
    )

    @Option(help: "The backend: sqlite or postgres.")
    var backend: BenchDatabases.Backend = .sqlite

    @Option(help: "Leaves to append (and to verify).")
    var leaves: Int = 1_000_000

    @Option(help: "Concurrent writer tasks submitting one leaf per request.")
    var writers: Int = 64

    @Option(help: "PostgreSQL: URL of an existing database whose role may create databases.")
    var database: String?

    @Option(help: "Leaves per transaction in the insert baseline.")
    var batch: Int = 1000

    @Option(help: "Group commits in flight (default: the server's choice, 1 on SQLite and 4 on PostgreSQL).")
    var concurrentBatches: Int?

    @Option(help: "The checkpointer's minimum interval in milliseconds (the server's default is 1000).")
    var checkpointInterval: Int = 1000

    @Option(help: "Folder for the SQLite databases (default: a new folder under the temporary folder).")
    var directory: String?

    @Flag(help: "Keep the databases afterwards.")
    var keep = false

    @Option(
        name: .customLong("phase"),
        help: "Run only this phase (repeatable; verify and read imply append). Default: all."
    )
    var phases: [LedgerPhase] = []

    func validate() throws {
        guard leaves > 0, writers > 0, batch > 0, checkpointInterval > 0, (concurrentBatches ?? 1) > 0 else {
            throw ValidationError(
                "--leaves, --writers, --batch, --checkpoint-interval and --concurrent-batches must be positive"
            )
        }
        if backend == .postgres && database == nil {
            throw ValidationError("--backend postgres needs --database URL")
        }
    }

    func run() async throws {
        var logger = Logger(label: "kura-bench")
        logger.logLevel = .warning
        let folder =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kura-bench-\(getpid())").path
        let databases = BenchDatabases(backend: backend, directory: folder, adminURL: database, logger: logger)
        var report = LedgerReport(backend: backend, leaves: leaves, writers: writers, batch: batch)
        report.printHeader(folder: folder)

        // The rows of both baselines: built once by the server's own event maker.
        let samples = try SampleEvent.appends(count: min(batch, leaves), events: LedgerEvents(clock: Self.now))
        let selected = Set(phases.isEmpty ? LedgerPhase.allCases : phases)

        if selected.contains(.insert) {
            let insertDatabase = try await databases.fresh("insert")
            let insert = InsertBaseline(leaves: leaves, batchSize: batch, samples: samples)
            let cpu = CPUSample.now()
            if let url = insertDatabase.url {
                report.insert = try await insert.runPostgres(url: url, logger: logger)
            } else {
                report.insert = try await insert.runSQLite(path: insertDatabase.sqlitePath)
            }
            report.cpu[.insert] = CPUSample.now().since(cpu)
            if !keep { await databases.remove("insert") }
            report.printInsert()
        }

        if selected.contains(.append) || selected.contains(.verify) || selected.contains(.read) {
            let signer = try NoteSigner(name: "bench.kura.example/bench", privateKey: Curve25519.Signing.PrivateKey())
            let appendDatabase = try await databases.fresh("append")
            let (store, pool) = try await databases.open(appendDatabase)
            let append = AppendBenchmark(
                leaves: leaves,
                writers: writers,
                checkpointInterval: .milliseconds(checkpointInterval),
                concurrentBatches: concurrentBatches,
                logger: logger
            )
            let cpu = CPUSample.now()
            report.append = try await append.run(store: store, pool: pool, signer: signer)
            report.cpu[.append] = CPUSample.now().since(cpu)
            report.printAppend()
            if selected.contains(.verify) {
                let cpu = CPUSample.now()
                report.verify = try await verify(appendDatabase, signer: signer, logger: logger)
                report.cpu[.verify] = CPUSample.now().since(cpu)
                report.printVerify()
            }
            if selected.contains(.read) {
                let cpu = CPUSample.now()
                let read = ReadBaseline()
                if let url = appendDatabase.url {
                    report.read = try await read.runPostgres(url: url, logger: logger)
                } else {
                    report.read = try await read.runSQLite(path: appendDatabase.sqlitePath)
                }
                report.cpu[.read] = CPUSample.now().since(cpu)
                guard report.read?.rows == leaves else {
                    throw BenchError.invalid("the read baseline read \(report.read?.rows ?? 0) rows")
                }
                report.printRead()
            }
            if !keep { await databases.remove("append") }
        }

        if selected.contains(.hash) {
            report.hash = HashBaseline(leaves: leaves, samples: samples).run()
            report.printHash()
        }
        report.printSummary()
        // Only a folder the run made itself is removed whole.
        if !keep && directory == nil { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Verifies the appended log as `kura verify log` does: a fresh store, no migration, the
    /// auditor's default batch size; fails unless every leaf verified under the last checkpoint.
    func verify(
        _ database: BenchDatabase,
        signer: NoteSigner,
        logger: Logger
    ) async throws -> (duration: Duration, report: LogVerifier.Report) {
        let start = ContinuousClock.now
        let verification = try await StoreFactory.withStore(
            dataDirectory: database.dataDirectory,
            databaseURL: database.url,
            migrate: false,
            logger: logger
        ) { store in try await LogAuditor(store: store, verifier: signer.verifier).verifyLog() }
        let duration = start.duration(to: .now)
        if let failure = verification.failure {
            throw BenchError.invalid("verification failed: \(failure)")
        }
        guard verification.leaves == UInt64(leaves), verification.signedSize == UInt64(leaves) else {
            throw BenchError.invalid("verified \(verification.leaves) leaves, signed \(verification.signedSize)")
        }
        return (duration, verification)
    }

    /// Milliseconds since the Unix epoch, the server's clock.
    static let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
}
