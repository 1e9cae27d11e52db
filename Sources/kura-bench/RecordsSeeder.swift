import Foundation
import KuraCore
import KuraServer
import KuraStore
import Synchronization

/// Fills a fresh database with the clinic of `kura-bench records`: `patients` patients, each
/// with its three structured lists, and `versions` finalized entries spread evenly over them
/// (so every chart has a full page of 50 when versions ÷ patients ≥ 50).
///
/// Units are built by the server's own seeding entry points (`RecordService.seeding…`, the
/// code the API uses to seal and build rows and leaves) and committed straight to the store,
/// many per transaction, with a few commits in flight. Entries are written round by round —
/// one entry for every patient, then the next — so a patient's entries lie scattered through
/// the tables as years of visits would leave them, not side by side.
struct RecordsSeeder: Sendable {
    /// What seeding did.
    struct Result: Sendable {
        /// The patient ids, by patient number.
        var patientIDs: [String]
        /// The patient numbers whose care team holds the main physician.
        var team: [Int]
        var patientTime: Duration
        var entryTime: Duration
        /// Store commits and the units in them.
        var commits: Int
        var units: Int
    }

    let records: RecordService
    let store: any KuraStoreBackend
    let clinic: SyntheticClinic
    let patients: Int
    let versions: Int
    /// Percent of the patients whose care team holds `main`; the others have `other`.
    let teamShare: Int
    let main: String
    let other: String
    /// Commits in flight at once (units are built while others commit).
    let inFlight: Int
    /// Entries per write unit (each unit is all-or-nothing; PostgreSQL pays two round trips
    /// per unit for its savepoint, so it seeds ten entries to a unit).
    let entriesPerUnit: Int
    /// Prints progress lines.
    let progress: @Sendable (String) -> Void

    /// Patients per commit (each with three lists: four units).
    static let patientBatch = 500
    /// Entries per commit.
    static let entryBatch = 2000

    /// Whether patient `number` is on the main physician's care team.
    func onMainTeam(_ number: Int) -> Bool { number % 100 < teamShare }

    /// Seeds the patients, then the entries.
    func run() async throws -> Result {
        let counter = CommitCounter()
        var ids = [String](repeating: "", count: patients)
        let patientStart = ContinuousClock.now
        let patientBatches = stride(from: 0, to: patients, by: Self.patientBatch).map {
            $0..<min($0 + Self.patientBatch, patients)
        }
        var done = 0
        var reported = ContinuousClock.now
        try await pipelined(patientBatches) { range in
            try await registerPatients(range, counter: counter)
        } collect: { range, batchIDs in
            ids.replaceSubrange(range, with: batchIDs)
            done += range.count
            if reported.duration(to: .now) > .seconds(10) {
                reported = .now
                progress("  seeding: \(LedgerReport.grouped(done)) patients")
            }
        }
        let patientTime = patientStart.duration(to: .now)

        let entryStart = ContinuousClock.now
        let patientIDs = ids
        let entryBatches = stride(from: 0, to: versions, by: Self.entryBatch).map {
            $0..<min($0 + Self.entryBatch, versions)
        }
        done = 0
        reported = .now
        try await pipelined(entryBatches) { range in
            try await writeEntries(range, patientIDs: patientIDs, counter: counter)
        } collect: { range, _ in
            done += range.count
            if reported.duration(to: .now) > .seconds(10) {
                reported = .now
                let rate = Double(done) / (LatencySummary.milliseconds(entryStart.duration(to: .now)) / 1000)
                progress(
                    "  seeding: \(LedgerReport.grouped(done)) entries (\(LedgerReport.grouped(Int(rate))) entries/s)  "
                        + LedgerReport.memory())
            }
        }
        let counts = counter.value.withLock { $0 }
        return Result(
            patientIDs: ids, team: (0..<patients).filter(onMainTeam), patientTime: patientTime,
            entryTime: entryStart.duration(to: .now), commits: counts.commits, units: counts.units)
    }

    /// Registers patients `range` with their lists in one commit; returns their ids in order.
    func registerPatients(_ range: Range<Int>, counter: CommitCounter) async throws -> [String] {
        var units: [WriteUnit] = []
        var ids: [String] = []
        units.reserveCapacity(range.count * 4)
        for number in range {
            let actor = onMainTeam(number) ? main : other
            let (id, unit) = try records.seedingRegistrationUnit(
                clinic.demographics(number), careTeam: [], actor: actor)
            units.append(unit)
            ids.append(id)
            for (kind, items) in clinic.lists(number) {
                units.append(try records.seedingListUnit(items, kind: kind, patientID: id, actor: actor))
            }
        }
        try await commit(units, counter: counter)
        return ids
    }

    /// Writes entries `range` of the round-robin order in one commit: the i-th entry goes to
    /// patient i mod patients (every patient gets one before any gets the next).
    func writeEntries(_ range: Range<Int>, patientIDs: [String], counter: CommitCounter) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var units: [WriteUnit] = []
        var writes: [StoreWrite] = []
        var inUnit = 0
        for sequence in range {
            let number = sequence % patients
            let actor = onMainTeam(number) ? main : other
            let entry = clinic.entry(sequence / patients, patient: number, now: now)
            writes += try records.seedingEntryWrites(entry, patientID: patientIDs[number], actor: actor)
            inUnit += 1
            if inUnit == entriesPerUnit {
                units.append(WriteUnit(writes))
                writes = []
                inUnit = 0
            }
        }
        if !writes.isEmpty { units.append(WriteUnit(writes)) }
        try await commit(units, counter: counter)
    }

    /// Commits `units` in one transaction; any refused unit fails the seeding.
    func commit(_ units: [WriteUnit], counter: CommitCounter) async throws {
        let results = try await store.commit(units)
        for result in results {
            if case .failure(let error) = result { throw BenchError.invalid("a seeded unit was refused: \(error)") }
        }
        counter.value.withLock { counts in
            counts.commits += 1
            counts.units += units.count
        }
    }

    /// Runs `work` on every batch with up to ``inFlight`` at once, handing each output to
    /// `collect` (in completion order, on the calling task).
    func pipelined<Batch: Sendable, Output: Sendable>(
        _ batches: [Batch],
        _ work: @escaping @Sendable (Batch) async throws -> Output,
        collect: (Batch, Output) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Batch, Output).self) { group in
            var next = 0
            func start() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { (batch, try await work(batch)) }
            }
            for _ in 0..<inFlight { start() }
            while let (batch, output) = try await group.next() {
                collect(batch, output)
                start()
            }
        }
    }
}

/// Commits and units counted across the seeding tasks.
final class CommitCounter: Sendable {
    struct Counts: Sendable {
        var commits = 0
        var units = 0
    }

    let value = Mutex(Counts())
}
