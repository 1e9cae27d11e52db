import Foundation
import KuraCore
import KuraStore
import Logging

/// Writes the day's emergency snapshot (REC-3 "readability when the network is down", BAK-3
/// "minimum-care export"): one encrypted page per active patient and an encrypted index, each
/// with the newest signed checkpoint, into `<destination>/<YYYY-MM-DD>/`.
///
/// Order of work, fail closed: read and seal every page into a staging folder; commit the
/// access-log event naming every patient read (actor `system`, AUD-1); only then rename the
/// folder into place; remove days beyond `keepDays`; record `emergency-snapshot.completed` in
/// the ledger with the counts (no PHI).
public struct EmergencySnapshotWriter: Sendable {
    /// What one run wrote.
    public struct Outcome: Sendable, Equatable {
        /// The JST day, `YYYY-MM-DD`.
        public var date: String
        /// The day's folder.
        public var folder: String
        /// Patients written (the index is one more file).
        public var patients: Int
        /// The tree size of the embedded checkpoint, nil before the first checkpoint.
        public var checkpointSize: UInt64?
        /// Days removed by the retention rule.
        public var pruned: [String]
    }

    /// The newest entries per patient on a page.
    public static let entryLimit = 20
    /// Patients read per round trip.
    static let pageSize = 200

    let records: RecordService
    let key: EmergencyKey
    let settings: EmergencySettings
    let destination: String
    let clinicName: String?
    let logger: Logger

    /// Creates a writer to `settings.directory`; nil when no directory is configured.
    public init?(
        records: RecordService, key: EmergencyKey, settings: EmergencySettings, clinicName: String?, logger: Logger
    ) {
        guard let directory = settings.directory else { return nil }
        self.records = records
        self.key = key
        self.settings = settings
        self.destination = directory
        self.clinicName = clinicName
        self.logger = logger
    }

    var folder: EmergencySnapshotFolder { EmergencySnapshotFolder(destination: destination) }

    /// The JST day of `milliseconds`.
    static func day(_ milliseconds: Int64) throws(EmergencySnapshotError) -> CivilDate {
        do {
            return try RecordService.today(milliseconds)
        } catch {
            throw .records(error)
        }
    }

    /// Whether today's (JST) snapshot exists already.
    public func hasTodaysSnapshot() throws(EmergencySnapshotError) -> Bool {
        folder.hasDay(try Self.day(records.clock()))
    }

    /// Writes today's snapshot, replacing one written earlier the same day.
    public func write() async throws(EmergencySnapshotError) -> Outcome {
        let now = records.clock()
        let today = try Self.day(now)
        let checkpoint: StoredCheckpoint?
        do {
            checkpoint = try await records.read { () async throws(StoreError) in
                try await records.ledger.latestCheckpoint()
            }
        } catch {
            throw .records(error)
        }
        let note = checkpoint.map { String(decoding: $0.note, as: UTF8.self) }
        let suffix = records.newID("run")
        let staging = try folder.makeStaging(suffix: suffix)
        do throws(EmergencySnapshotError) {
            let (ids, lines) = try await writePages(into: staging, now: now, today: today, checkpoint: checkpoint)
            let index = EmergencyIndex(lines: lines)
            try write(.index(index), now: now, checkpoint: checkpoint, note: note, named: "index.html", in: staging)
            do {
                try await records.auditSystemRead(action: "emergency.snapshot", patientIDs: ids)
            } catch {
                throw .records(error)
            }
            try folder.publish(staging, as: today, suffix: suffix)
            let pruned = folder.prune(keeping: settings.keepDays, current: today, now: Date())
            let outcome = Outcome(
                date: today.description, folder: folder.dayFolder(today), patients: ids.count,
                checkpointSize: checkpoint?.size, pruned: pruned)
            try await recordCompletion(outcome)
            logger.info(
                "emergency snapshot written",
                metadata: [
                    "kura.emergency.date": "\(outcome.date)", "kura.emergency.patients": "\(outcome.patients)",
                    "kura.emergency.pruned": "\(pruned.count)",
                ])
            return outcome
        } catch {
            folder.discard(staging)
            throw error
        }
    }

    /// Seals a page for every active patient into `staging`; returns the ids and index lines.
    func writePages(
        into staging: String, now: Int64, today: CivilDate, checkpoint: StoredCheckpoint?
    ) async throws(EmergencySnapshotError) -> (ids: [String], lines: [EmergencyIndex.Line]) {
        let note = checkpoint.map { String(decoding: $0.note, as: UTF8.self) }
        var ids: [String] = []
        var lines: [EmergencyIndex.Line] = []
        var logins: [String: String] = [:]
        var after: String?
        repeat {
            let page: (patients: [PatientRecord], next: String?)
            do {
                page = try await records.activePatients(after: after, limit: Self.pageSize, at: now)
            } catch {
                throw .records(error)
            }
            for patient in page.patients {
                let file = EmergencySnapshotFolder.fileName(for: patient.id)
                let made: (summary: EmergencySummary, line: EmergencyIndex.Line)
                do {
                    made = try await records.emergencySummary(
                        of: patient, entryLimit: Self.entryLimit, file: file, today: today, logins: &logins)
                } catch {
                    throw .records(error)
                }
                try write(
                    .patient(made.summary), now: now, checkpoint: checkpoint, note: note, named: file, in: staging)
                ids.append(patient.id)
                lines.append(made.line)
            }
            after = page.next
            // A shutdown mid-run must not publish a partial day.
            if Task.isCancelled { throw .cancelled }
        } while after != nil
        // Sorted by kana as a clinic's paper index is (五十音順), then by number.
        lines.sort {
            (KanaNormalizer.normalize($0.kana), $0.number) < (KanaNormalizer.normalize($1.kana), $1.number)
        }
        return (ids, lines)
    }

    /// Seals `content` and writes its page.
    func write(
        _ content: EmergencyPayload.Content, now: Int64, checkpoint: StoredCheckpoint?, note: String?,
        named name: String, in staging: String
    ) throws(EmergencySnapshotError) {
        let payload = EmergencyPayload(content: content, generatedAt: now, checkpointSize: checkpoint?.size)
        let page: EmergencyPage
        do {
            page = try EmergencyPage.sealing(
                payload, key: key, clinicName: clinicName, checkpoint: note, using: records.random)
        } catch {
            throw .sealing(error)
        }
        try folder.write(page.html, named: name, in: staging)
    }

    /// The ledger leaf of a finished run: counts, day and log size, no PHI.
    func recordCompletion(_ outcome: Outcome) async throws(EmergencySnapshotError) {
        do {
            let leaf = try records.leaf(
                "emergency-snapshot.completed", actor: "system",
                [
                    "date": .string(outcome.date), "patients": .integer(Int64(outcome.patients)),
                    "checkpointSize": outcome.checkpointSize.map { .integer(Int64(clamping: $0)) } ?? .null,
                    "keepDays": .integer(Int64(settings.keepDays)),
                    "pruned": .array(outcome.pruned.map(CanonicalJSON.string)),
                ])
            try await records.commit([leaf])
        } catch {
            throw .records(error)
        }
    }
}
