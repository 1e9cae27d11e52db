import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import KuraStore
import Logging
import NIOPosix
import PostgresNIO
import ServiceLifecycle

/// A measured part of `kura-bench records`, selectable for profiling one at a time.
enum RecordsPhase: String, CaseIterable, ExpressibleByArgument, Sendable {
    case chart, search, pages, writes, baseline
}

/// `kura-bench records`: issue 4's clinical-record figures on one backend — opening a chart,
/// kana search, and authenticated entry writes through the HTTP API — on a database seeded to
/// the target size, each beside a raw baseline measured in the same run (BENCHMARKS.md).
///
/// 1. Kura starts in-process (`buildApplication`, plain HTTP on 127.0.0.1, cheap password
///    hashing); an administrator and two physicians are made ready; the database is seeded
///    through `RecordService`'s seeding entry points straight into the store; the ledger is
///    integrated; Kura stops.
/// 2. Kura starts again on the same data (the patient index loads as at any start) and is
///    measured: `RecordService.chart`, `RecordService.search`, the index alone, then entry
///    writes over HTTP with an API token.
/// 3. With Kura stopped, the raw baselines run on the same database.
struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Chart, kana search and entry writes on a seeded database; each beside a raw baseline."
    )

    @Option(help: "The backend: sqlite or postgres.")
    var backend: BenchDatabases.Backend = .sqlite

    @Option(help: "PostgreSQL: URL of an existing database whose role may create databases.")
    var database: String?

    @Option(help: "Patients to seed.")
    var patients: Int = 100_000

    @Option(help: "Entry versions to seed (finalized entries of one version each), spread evenly over the patients.")
    var versions: Int = 5_000_000

    @Option(help: "Concurrent HTTP/1.1 keep-alive clients writing entries.")
    var clients: Int = 64

    @Option(help: "Concurrent callers of the chart and search measurements (each also runs with one caller).")
    var readers: Int = 8

    @Option(help: "Seconds each measured phase lasts.")
    var seconds: Int = 20

    @Option(help: "Percent of the patients on the measured physician's care team (the rest on another's).")
    var teamShare: Int = 100

    @Option(help: "Folder for the SQLite data folder (default: a new folder under the temporary folder).")
    var directory: String?

    @Flag(help: "Keep the database afterwards.")
    var keep = false

    @Option(
        help:
            "Before each measured phase, wait up to this many seconds for the rest of the machine to go quiet (0: never)."
    )
    var quietWait: Int = 300

    /// The wait before each measured phase.
    var quiet: QuietMachine { QuietMachine(limit: .seconds(quietWait)) }

    @Option(
        name: .customLong("phase"),
        help:
            "Measure only this phase after seeding (repeatable, to profile one): chart, search, pages, writes, baseline."
    )
    var phases: [RecordsPhase] = []

    /// Whether `phase` runs.
    func runs(_ phase: RecordsPhase) -> Bool { phases.isEmpty || phases.contains(phase) }

    func validate() throws {
        guard patients > 0, versions >= 0, clients > 0, readers > 0, seconds > 0 else {
            throw ValidationError("--patients, --clients, --readers and --seconds must be positive")
        }
        guard (1...100).contains(teamShare) else { throw ValidationError("--team-share is a percentage, 1 to 100") }
        if backend == .postgres && database == nil {
            throw ValidationError("--backend postgres needs --database URL")
        }
    }

    func run() async throws {
        var logger = Logger(label: "kura-bench")
        logger.logLevel = .warning
        let folder =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kura-bench-records-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let databases = BenchDatabases(backend: backend, directory: folder, adminURL: database, logger: logger)
        let url = backend == .postgres ? try await databases.fresh("records").url : nil
        let dataDirectory = "\(folder)/data"
        var configuration = ServerConfiguration(
            dataDirectory: dataDirectory, databaseURL: url, host: "127.0.0.1", port: 0, insecureHTTP: true,
            logLevel: .warning)
        configuration.passwordHashing = .passwordTesting

        var report = RecordsReport(
            backend: backend, patients: patients, versions: versions, clients: clients, readers: readers,
            seconds: seconds, teamShare: teamShare)
        report.printHeader(folder: folder)
        let seeding = try await seed(configuration: configuration, logger: logger, report: report)
        report.seedingPeak = PeakMemory.highWaterMark()
        // The serving figure covers what follows only (Linux resets VmHWM on request).
        if !PeakMemory.reset() { say("  (VmHWM cannot be reset here: the serving peak includes seeding)") }

        try await measureKura(configuration: configuration, seeding: seeding, logger: logger, report: &report)
        if runs(.baseline) {
            try await measureBaselines(
                url: url, dataDirectory: dataDirectory, seeding: seeding, logger: logger, report: &report)
        }
        report.servingPeak = PeakMemory.highWaterMark()
        report.printSummary()
        if !keep {
            await databases.remove("records")
            try? FileManager.default.removeItem(atPath: dataDirectory)
            if directory == nil { try? FileManager.default.removeItem(atPath: folder) }
        }
    }

    /// What seeding leaves for the measurements.
    struct Seeding: Sendable {
        let physician: BenchPhysician
        /// The auditor, for the access-log pages.
        let auditor: BenchPhysician
        let patientIDs: [String]
        /// The ids of the patients on the measured physician's care team.
        let team: [String]
        /// Rows for the write baseline, built by the seeding entry point: an entry head, its
        /// leaf and its version each.
        let entrySamples: [[StoreWrite]]
        /// Leaves like an audited chart read's, for the chart baseline.
        let auditLeaves: [StoreWrite]
    }

    /// Phase 1: accounts, seeding, integration, on a first start of Kura.
    func seed(configuration: ServerConfiguration, logger: Logger, report: RecordsReport) async throws -> Seeding {
        let clinic = SyntheticClinic()
        return try await InProcessKura.run(configuration: configuration, logger: logger) { running in
            guard let setupCode = running.startup.setupCode else {
                throw BenchError.invalid("the new data folder has no setup code")
            }
            let physicians = try await RecordsAccounts.prepare(
                running.services.identity, setupCode: setupCode, logins: ["dr.bench", "dr.other"],
                auditor: "audit.bench")
            let seeder = RecordsSeeder(
                records: running.services.records, store: running.services.store, clinic: clinic,
                patients: patients, versions: versions, teamShare: teamShare, main: physicians[0].accountID,
                other: physicians[1].accountID, inFlight: backend == .sqlite ? 2 : 6,
                entriesPerUnit: backend == .sqlite ? 1 : 10, progress: { say($0) })
            var cpu = CPUSample.now()
            let seeded = try await seeder.run()
            report.printSeeding(seeded, cpu: CPUSample.now().since(cpu))

            // As `kura serve` would have by now: every leaf under a signed checkpoint.
            cpu = CPUSample.now()
            let start = ContinuousClock.now
            _ = try await running.services.checkpointer.integrateNow()
            let size = try await running.services.store.latestCheckpoint()?.size
            report.printIntegration(start.duration(to: .now), size: size, cpu: CPUSample.now().since(cpu))
            if let bytes = try await databaseBytes(configuration: configuration, logger: logger) {
                say(String(format: "database        : %.2f GB on disk after seeding", Double(bytes) / 1e9))
            }

            let team = seeded.team.map { seeded.patientIDs[$0] }
            let entrySamples = try (0..<1000).map { index in
                try running.services.records.seedingEntryWrites(
                    SyntheticClinic.progressNote(index), patientID: team[index % team.count],
                    actor: physicians[0].accountID)
            }
            let events = LedgerEvents(clock: LedgerCommand.now)
            let auditLeaves = try (0..<1000).map { index in
                try events.append(
                    kind: "audit.read",
                    fields: [
                        "actor": .string(physicians[0].accountID), "event": .string("aud_sample\(index)"),
                        "action": .string("chart.read"), "access": .string("care-team"),
                        "patients": .array([.string(team[index % team.count])]),
                    ])
            }
            return Seeding(
                physician: physicians[0], auditor: physicians[2], patientIDs: seeded.patientIDs, team: team,
                entrySamples: entrySamples, auditLeaves: auditLeaves)
        }
    }

    /// The database's size on disk: the SQLite file and its WAL, or `pg_database_size`.
    func databaseBytes(configuration: ServerConfiguration, logger: Logger) async throws -> Int64? {
        guard let url = configuration.databaseURL else {
            let path = StoreFactory.sqlitePath(dataDirectory: configuration.dataDirectory)
            return [path, path + "-wal"].reduce(Int64(0)) { total, file in
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
                return total + (size ?? 0)
            }
        }
        let connection = try await BenchConnection.connect(url: url, logger: logger)
        do {
            let rows = try await connection.query("SELECT pg_database_size(current_database())", logger: logger)
            var bytes: Int64?
            for try await size in rows.decode(Int64.self) { bytes = size }
            try await connection.close()
            return bytes
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Phase 2: Kura restarted on the seeded data, measured.
    func measureKura(
        configuration: ServerConfiguration, seeding: Seeding, logger: Logger, report: inout RecordsReport
    ) async throws {
        let clinic = SyntheticClinic()
        let duration = Duration.seconds(seconds)
        let team = seeding.team
        report = try await InProcessKura.run(configuration: configuration, logger: logger) { [report] running in
            var report = report
            let records = running.services.records
            let start = ContinuousClock.now
            while !records.isDirectoryLoaded { try await Task.sleep(for: .milliseconds(10)) }
            report.printRestart(start.duration(to: .now), loaded: records.directoryCount)

            let physician = seeding.physician
            let (token, step) = try await RecordsAccounts.apiToken(
                for: physician, port: running.port, spent: physician.enrolledStep)
            let auth = try await running.services.identity.authenticate(token: token, kind: .api)
            let expected = min(RecordService.chartPageSize, versions / patients)
            let first = try await records.chart(auth, patientID: team[team.count - 1])
            guard first.entries.count >= expected, first.lists.count == 3 else {
                throw BenchError.invalid(
                    "a seeded chart has \(first.entries.count) entries, \(first.lists.count) lists")
            }

            for callers in Set([1, readers]).sorted() where runs(.chart) {
                let loop = ClosedLoop(callers: callers, duration: duration)
                let operation: @Sendable (Int, inout SplitMix64) async throws -> Void = { _, random in
                    let id = team[Int(random.next() % UInt64(team.count))]
                    let chart = try await records.chart(auth, patientID: id)
                    guard chart.entries.count >= expected else { throw BenchError.invalid("a short chart") }
                }
                await quiet.wait(before: "chart open")
                _ = await ClosedLoop(callers: callers, duration: .seconds(2)).run(operation)
                let cpu = CPUSample.now()
                let result = await loop.run(operation)
                report.printLoop("chart open, \(callers) caller(s)", result, cpu: CPUSample.now().since(cpu))
                report.chart[callers, default: .init()].kura = result
            }

            let directory = seeding.patientIDs.indices.map { number in
                let demographics = clinic.demographics(number)
                return (id: seeding.patientIDs[number], kana: demographics.kana, name: demographics.name)
            }
            let queries = KanaSearchBench.queries(from: directory, count: 10_000)
            for callers in Set([1, readers]).sorted() where runs(.search) {
                let operation: @Sendable (Int, inout SplitMix64) async throws -> Void = { _, random in
                    let query = queries[Int(random.next() % UInt64(queries.count))]
                    _ = try await records.search(auth, PatientQuery(kanaPrefix: query))
                }
                await quiet.wait(before: "kana search")
                _ = await ClosedLoop(callers: callers, duration: .seconds(2)).run(operation)
                let cpu = CPUSample.now()
                let result = await ClosedLoop(callers: callers, duration: duration).run(operation)
                report.printLoop("kana search, \(callers) caller(s)", result, cpu: CPUSample.now().since(cpu))
                report.search[callers] = result
            }
            if runs(.search) {
                // What a search spends before it looks at a single candidate: the caller's whole
                // care-team patient list, read and turned into a set (RecordService.search).
                let store = running.services.store
                let account = seeding.physician.accountID
                let cpu = CPUSample.now()
                let teamRead = await ClosedLoop(callers: 1, duration: .seconds(min(5, seconds))).run { _, _ in
                    let ids = try await store.careTeamPatients(accountID: account)
                    guard Set(ids).count == team.count else { throw BenchError.invalid("a care team changed") }
                }
                report.printLoop(
                    "  careTeamPatients → Set (\(team.count))", teamRead, cpu: CPUSample.now().since(cpu))
                report.teamRead = teamRead
                let alone = KanaSearchBench(
                    patients: directory, queries: queries, limit: RecordService.searchLimit * 20)
                report.index = alone.index()
                report.linear = alone.linearScan()
                report.sorted = alone.sortedArray()
                report.printSearchAlone()
            }
            var spent = step
            if runs(.pages) {
                spent = try await measurePages(running: running, seeding: seeding, spent: spent, report: &report)
            }
            guard runs(.writes) else { return report }

            await quiet.wait(before: "entry writes")
            // A new token: the first may have lapsed (15 minutes) while the reads were measured.
            let writeToken = try await RecordsAccounts.apiToken(for: physician, port: running.port, spent: spent).token
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let load = EntryWriteLoad(
                port: running.port, token: writeToken, patientIDs: team, clients: clients, group: group)
            do {
                _ = try await load.run(duration: .seconds(2))
                let cpu = CPUSample.now()
                let writes = try await load.run(duration: duration)
                report.printLoop(
                    "entry writes (HTTP), \(clients) clients", writes.loop, cpu: CPUSample.now().since(cpu),
                    unit: "writes/s")
                report.writes = writes
                report.printWrites()
            } catch {
                try? await group.shutdownGracefully()
                throw error
            }
            try await group.shutdownGracefully()
            return report
        }
    }

    /// Phase 3: the raw baselines on the same database, Kura stopped.
    func measureBaselines(
        url: String?, dataDirectory: String, seeding: Seeding, logger: Logger, report: inout RecordsReport
    ) async throws {
        let duration = Duration.seconds(seconds)
        let team = seeding.team
        let actor = seeding.physician.accountID
        let raw: any WriteBatchStore
        let chartRows: @Sendable (Int, String) async throws -> Int
        var readerConnections: ConnectionLender?
        if let url {
            let store = try await RawPostgresInserts.open(url: url, count: 4, logger: logger)
            say("raw baselines   : \(store.durability)")
            // One connection per caller, as each caller of the Kura run had the pool to itself.
            var connections: [PostgresConnection] = []
            for _ in 0..<readers { connections.append(try await BenchConnection.connect(url: url, logger: logger)) }
            readerConnections = ConnectionLender(connections)
            let lent = connections
            chartRows = { caller, patient in
                try await RawPostgresInserts.chartRows(patientID: patient, on: lent[caller], logger: logger)
            }
            raw = store
        } else {
            let store = try RawSQLiteInserts(path: StoreFactory.sqlitePath(dataDirectory: dataDirectory))
            say("raw baselines   : \(store.durability)")
            chartRows = { _, patient in try await store.chartRows(patientID: patient) }
            raw = store
        }
        let writer = GroupCommitWriter(
            store: raw, concurrentBatches: backend == .postgres ? 4 : 1, logger: logger)
        let group = ServiceGroup(services: [writer], logger: logger)
        let auditLeaves = seeding.auditLeaves
        let samples = seeding.entrySamples
        // Ids unique across all runs of the phase (warm-ups included): a clash would fail a batch.
        let ids = SequenceCounter()
        report = try await withThrowingTaskGroup(of: Void.self, returning: RecordsReport.self) { [report] tasks in
            var report = report
            tasks.addTask { try await group.run() }
            for callers in Set([1, readers]).sorted() {
                let operation: @Sendable (Int, inout SplitMix64) async throws -> Void = { caller, random in
                    let patient = team[Int(random.next() % UInt64(team.count))]
                    let entries = try await chartRows(caller, patient)
                    guard entries > 0 else { throw BenchError.invalid("an empty chart") }
                    let leaf = auditLeaves[Int(random.next() % UInt64(auditLeaves.count))]
                    let event = AuditEvent(
                        id: "aud_rb\(ids.take())", at: LedgerCommand.now(), actor: actor,
                        action: "chart.read", access: "care-team", patientIDs: [patient])
                    _ = try await writer.submit(WriteUnit([leaf, .insertAuditEvent(event)]))
                }
                await quiet.wait(before: "the chart baseline")
                _ = await ClosedLoop(callers: callers, duration: .seconds(2)).run(operation)
                let cpu = CPUSample.now()
                let result = await ClosedLoop(callers: callers, duration: duration).run(operation)
                report.printLoop("raw chart rows + audit, \(callers)", result, cpu: CPUSample.now().since(cpu))
                report.chart[callers, default: .init()].baseline = result
            }
            let operation: @Sendable (Int, inout SplitMix64) async throws -> Void = { _, random in
                let sample = samples[Int(random.next() % UInt64(samples.count))]
                guard case .putEntry(var entry, _) = sample[0], case .insertRecordVersion(var version) = sample[2]
                else {
                    throw BenchError.invalid("an entry sample is not head, leaf, version")
                }
                entry.id = "ent_rb\(ids.take())"
                entry.patientID = team[Int(random.next() % UInt64(team.count))]
                version.objectID = entry.id
                version.patientID = entry.patientID
                _ = try await writer.submit(
                    WriteUnit([.putEntry(entry, expectedRevision: nil), sample[1], .insertRecordVersion(version)]))
            }
            await quiet.wait(before: "the write baseline")
            _ = await ClosedLoop(callers: clients, duration: .seconds(2)).run(operation)
            let cpu = CPUSample.now()
            let result = await ClosedLoop(callers: clients, duration: duration).run(operation)
            report.printLoop(
                "raw entry inserts, \(clients) writers", result, cpu: CPUSample.now().since(cpu), unit: "writes/s")
            report.writeBaseline = result
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return report
        }
        if let store = raw as? RawSQLiteInserts { store.close() }
        if let store = raw as? RawPostgresInserts { await store.close() }
        await readerConnections?.closeAll()
    }
}
