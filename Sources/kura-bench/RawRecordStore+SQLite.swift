import Foundation
import GRDB
import KuraCore
import KuraStore
import Synchronization

/// The baselines' store on SQLite: the rows of an entry write (entry head, version, leaf and
/// details) or of an audited read (event, its patients, leaf and details) inserted with plain
/// SQL and cached statements, one immediate transaction per batch — no validation, no
/// savepoints, no checks of any kind. Opened exactly as `SQLiteStore` opens its pool (WAL,
/// then `synchronous=FULL`, checked).
///
/// It stands in for Kura's store under the same `GroupCommitWriter`, so the baseline is batched
/// as Kura's group commit batches: what is left is what the database itself costs.
final class RawSQLiteInserts: WriteBatchStore {
    let pool: DatabasePool
    /// The next ledger index (the file's largest plus one at opening; one writer at a time).
    let nextLeaf: Mutex<Int64>
    /// `journal_mode=…, synchronous=…` as the writer connection reported them.
    let durability: String

    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "kura"
        configuration.maximumReaderCount = 4
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        let (durability, next) = try pool.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            let next = (try Int64.fetchOne(db, sql: "SELECT max(idx) FROM ledger_leaf") ?? -1) + 1
            return ("journal_mode=\(journal), synchronous=\(synchronous == 2 ? "FULL" : "\(synchronous)")", next)
        }
        guard durability == "journal_mode=wal, synchronous=FULL" else {
            throw BenchError.invalid("the SQLite baseline is not durable: \(durability)")
        }
        self.durability = durability
        nextLeaf = Mutex(next)
    }

    func close() {
        try? pool.close()
    }

    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        do {
            return try await pool.writeWithoutTransaction { db in
                var results: [Result<[StoreWriteOutcome], StoreError>] = []
                results.reserveCapacity(units.count)
                try db.inTransaction(.immediate) {
                    var next = nextLeaf.withLock { $0 }
                    for unit in units {
                        var leaf: Int64 = -1
                        for write in unit.writes {
                            try Self.insert(write, db: db, next: &next, leaf: &leaf)
                        }
                        results.append(.success([]))
                    }
                    nextLeaf.withLock { $0 = next }
                    return .commit
                }
                return results
            }
        } catch {
            throw StoreError.backend("raw SQLite insert failed: \(error)")
        }
    }

    static func insert(_ write: StoreWrite, db: Database, next: inout Int64, leaf: inout Int64) throws {
        switch write {
        case .appendLeaf(let append):
            try db.cachedStatement(sql: "INSERT INTO ledger_leaf (idx, leaf) VALUES (?, ?)")
                .execute(arguments: [next, Data(append.leaf)])
            try db.cachedStatement(
                sql: "INSERT INTO ledger_detail (idx, salt, details, appended_at) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [next, Data(append.salt), Data(append.details), append.appendedAt])
            leaf = next
            next += 1
        case .putEntry(let entry, _):
            try db.cachedStatement(
                sql: """
                    INSERT INTO entry (id, patient_id, kind, state, revision, author, on_behalf_of, created_at,
                        updated_at, care_at, finalized_by, finalized_at, sealed_body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                entry.id, entry.patientID, entry.kind, entry.state.rawValue, entry.revision, entry.author,
                entry.onBehalfOf, entry.createdAt, entry.updatedAt, entry.careAt, entry.finalizedBy,
                entry.finalizedAt, Data(entry.sealedBody),
            ])
        case .insertRecordVersion(let version):
            try db.cachedStatement(
                sql: """
                    INSERT INTO record_version (object_id, version, patient_id, kind, state, author, on_behalf_of,
                        recorded_at, care_at, finalized_by, finalized_at, sealed_body, sealed_reason, leaf_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                version.objectID, version.version, version.patientID, version.kind, version.state, version.author,
                version.onBehalfOf, version.recordedAt, version.careAt, version.finalizedBy, version.finalizedAt,
                Data(version.sealedBody), version.sealedReason.map { Data($0) }, leaf,
            ])
        case .insertAuditEvent(let event):
            try db.cachedStatement(
                sql: "INSERT INTO audit_event (id, at, actor, action, access, leaf_id) VALUES (?, ?, ?, ?, ?, ?)"
            ).execute(arguments: [event.id, event.at, event.actor, event.action, event.access, leaf])
            let patient = try db.cachedStatement(
                sql: "INSERT INTO audit_event_patient (event_id, patient_id, at) VALUES (?, ?, ?)")
            for patientID in event.patientIDs {
                try patient.execute(arguments: [event.id, patientID, event.at])
            }
        default:
            throw BenchError.invalid("the raw store inserts entries and audit events only")
        }
    }
}
