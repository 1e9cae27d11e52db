import KuraCore
import KuraStore

/// The record store conformance suite: what every backend (in-memory, SQLite, PostgreSQL) must
/// do with patients, care teams, structured lists, entries, versions, the access log and
/// attachments, written once against ``RecordStore`` and ``WriteBatchStore`` (STYLE 7).
///
/// Each check gets a fresh, migrated, empty store and throws ``ConformanceFailure`` naming what
/// differed (never a value). Refusals must be exactly the shared ``StoreError`` values
/// (``StoreError/duplicate(_:)``, ``StoreError/staleRevision(_:)``, …), so that every backend
/// answers a client alike. Tests run every check against every backend by name.
public enum RecordStoreConformance {
    /// What a check needs: the record reads, the batch writes, and the ledger's pending queue
    /// (to see that a failing unit's leaf is gone too).
    public typealias Store = any RecordStore & ComplianceStore & WriteBatchStore & LedgerStore
    /// A check against a fresh store.
    public typealias Check = @Sendable (Store) async throws -> Void

    /// Every check by name.
    public static let checks: [String: Check] = [
        "a patient round-trips field for field": patientRoundTrip,
        "a structured list of every kind round-trips field for field": listRoundTrip,
        "an entry in every state round-trips field for field": entryRoundTrip,
        "a record version round-trips field for field with its leaf": versionRoundTrip,
        "an audit event round-trips field for field with its leaf": auditEventRoundTrip,
        "an attachment and its chunks round-trip in order": attachmentRoundTrip,
        "a patient update applies only over the expected revision": patientCompareAndSwap,
        "patient ids and number indexes are unique": patientUniqueness,
        "lists and entries refuse a stale or missing revision": listAndEntryCompareAndSwap,
        "a patient has one list of each kind": oneListPerKind,
        "a care team member is added once, removed once, and found from both sides": careTeam,
        "a chart pages newest first with ties broken by id": chartPaging,
        "the approval queue and drafts filter by state and person, newest first": entryQueues,
        "versions come back oldest first, each bound to the leaf appended before it": versionLeaves,
        "a version, audit event or attachment without an append before it is refused": bindingNeedsAppend,
        "versions, audit events and attachments are never overwritten": immutableInserts,
        "the access log filters by every field and pages by its cursor": auditQueries,
        "a failing record unit rolls back alone, ledger leaf included": failingUnitAlone,
        "every record write answers applied": outcomes,
        "writes in one unit see each other in order": unitOrder,
        "lists come back in their documented order": listOrders,
        "unknown ids and indexes read as nothing": unknownReads,
        "a compliance version round-trips field for field with its leaf": complianceRoundTrip,
        "compliance heads are each document's newest version of the kind, by id": complianceHeads,
        "compliance versions are never overwritten and need their leaf": complianceImmutable,
        "patients changed since a time come oldest change first, then by id": patientsUpdatedSince,
    ]

    /// The names of every check, sorted, for `arguments:` tables.
    public static var checkNames: [String] { checks.keys.sorted() }

    // MARK: - Running units

    /// Commits `writes` as one unit alone and returns its result.
    static func commit(_ store: Store, _ writes: [StoreWrite]) async throws -> Result<[StoreWriteOutcome], StoreError> {
        let results = try await store.commit([WriteUnit(writes)])
        guard results.count == 1, let result = results.first else {
            throw ConformanceFailure("a batch of one unit did not answer one result")
        }
        return result
    }

    /// Commits `writes` as one unit and requires it to succeed.
    @discardableResult
    static func apply(_ store: Store, _ writes: StoreWrite..., what: String) async throws -> [StoreWriteOutcome] {
        try await apply(store, writes, what: what)
    }

    /// Commits `writes` as one unit and requires it to succeed.
    @discardableResult
    static func apply(_ store: Store, _ writes: [StoreWrite], what: String) async throws -> [StoreWriteOutcome] {
        switch try await commit(store, writes) {
        case .success(let outcomes): return outcomes
        case .failure(let error): throw ConformanceFailure("\(what): refused (\(error))")
        }
    }

    /// Commits `writes` as one unit and requires exactly the refusal `expected`.
    static func refuse(
        _ store: Store,
        _ writes: StoreWrite...,
        as expected: StoreError,
        what: String
    ) async throws {
        try expectRefused(try await commit(store, writes), expected, what)
    }

    /// Requires `result` to be exactly the refusal `expected`.
    static func expectRefused(
        _ result: Result<[StoreWriteOutcome], StoreError>,
        _ expected: StoreError,
        _ what: String
    ) throws {
        switch result {
        case .success: throw ConformanceFailure("\(what): accepted, expected \(expected)")
        case .failure(let error): try expect(error == expected, "\(what): \(error), expected \(expected)")
        }
    }

    /// The leaves the unit's appends answered, in order.
    static func leaves(_ outcomes: [StoreWriteOutcome]) -> [LeafID] {
        outcomes.compactMap { outcome in
            if case .leafAppended(let id) = outcome { return id }
            return nil
        }
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    // MARK: - Fixtures

    /// A fixed time (ms since the epoch) the fixtures count from.
    static let t0: Int64 = 1_700_000_000_000

    /// An append whose bytes depend on `n` only.
    static func append(_ n: Int) -> StoreWrite {
        .appendLeaf(StoreConformance.append(n))
    }

    /// Bytes that a text round trip would mangle: NUL, high bytes, invalid UTF-8.
    static func bytes(_ seed: UInt8, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0 &* 97) ^ ($0 % 3 == 0 ? 0x80 : 0x00) }
    }

    /// A 32-byte blind index that differs for every seed.
    static func blindIndex(_ seed: UInt8) -> [UInt8] {
        [seed, 0x00, 0xFF] + bytes(seed, count: 29)
    }

    /// A patient with every optional nil.
    static func minimalPatient(_ id: String, number: UInt8, birthDate: UInt8 = 100) -> PatientRecord {
        PatientRecord(
            id: id, revision: 1, numberIndex: blindIndex(number), birthDateIndex: blindIndex(birthDate),
            sealedDemographics: bytes(number, count: 150), careStartedAt: nil, careEndedAt: nil, mergedInto: nil,
            createdAt: t0, createdBy: "acc_clerk", updatedAt: t0, updatedBy: "acc_clerk"
        )
    }

    /// A patient with every optional set and extreme times.
    static func fullPatient(_ id: String, number: UInt8, birthDate: UInt8 = 101) -> PatientRecord {
        PatientRecord(
            id: id, revision: 1, numberIndex: blindIndex(number), birthDateIndex: blindIndex(birthDate),
            sealedDemographics: bytes(number, count: 400), careStartedAt: -1, careEndedAt: Int64.max,
            mergedInto: "pat_survivor", createdAt: t0 - 1, createdBy: "acc_doctor", updatedAt: Int64.min,
            updatedBy: "acc_nurse"
        )
    }

    /// A list of `kind`, revision 1.
    static func list(_ id: String, patient: String, kind: PatientListKind, seed: UInt8 = 7) -> PatientListRecord {
        PatientListRecord(
            id: id, patientID: patient, kind: kind, revision: 1, sealedItems: bytes(seed, count: 90), updatedAt: t0,
            updatedBy: "acc_nurse"
        )
    }

    /// A draft with every optional nil.
    static func draft(_ id: String, patient: String, author: String = "acc_nurse", at: Int64 = t0) -> EntryRecord {
        EntryRecord(
            id: id, patientID: patient, kind: "progress-note", state: .draft, revision: 1, author: author,
            onBehalfOf: nil, createdAt: at, updatedAt: at, careAt: nil, finalizedBy: nil, finalizedAt: nil,
            sealedBody: bytes(11, count: 300)
        )
    }

    /// An entry in `state` with every optional set.
    static func fullEntry(_ id: String, patient: String, state: EntryState) -> EntryRecord {
        EntryRecord(
            id: id, patientID: patient, kind: "home-visit.v2", state: state, revision: 1, author: "acc_clerk",
            onBehalfOf: "acc_doctor", createdAt: t0 + 5, updatedAt: t0 + 9, careAt: t0 - 86_400_000,
            finalizedBy: "acc_doctor", finalizedAt: t0 + 9, sealedBody: bytes(12, count: 1_000)
        )
    }

    /// A version with every optional nil.
    static func minimalVersion(_ objectID: String, version: Int64, patient: String) -> RecordVersion {
        RecordVersion(
            objectID: objectID, version: version, patientID: patient, kind: "entry.progress-note", state: "draft",
            author: "acc_nurse", onBehalfOf: nil, recordedAt: t0 &+ version, careAt: nil, finalizedBy: nil,
            finalizedAt: nil, sealedBody: bytes(UInt8(truncatingIfNeeded: version), count: 120), sealedReason: nil
        )
    }

    /// A version with every optional set.
    static func fullVersion(_ objectID: String, version: Int64, patient: String) -> RecordVersion {
        RecordVersion(
            objectID: objectID, version: version, patientID: patient, kind: "entry.home-visit", state: "amended",
            author: "acc_clerk", onBehalfOf: "acc_doctor", recordedAt: t0 &+ version, careAt: t0 - 1,
            finalizedBy: "acc_doctor", finalizedAt: t0 &+ version, sealedBody: bytes(21, count: 2_000),
            sealedReason: bytes(22, count: 70)
        )
    }

    /// An event touching `patients`.
    static func event(
        _ id: String, at: Int64, actor: String = "acc_doctor", action: String = "chart.read",
        access: String = "care-team", patients: [String]
    ) -> AuditEvent {
        AuditEvent(id: id, at: at, actor: actor, action: action, access: access, patientIDs: patients)
    }

    /// A scanned PDF with every optional set, split into `chunks`.
    static func attachment(
        _ id: String, patient: String, chunks: [[UInt8]], at: Int64 = t0
    ) -> (record: AttachmentRecord, chunks: [[UInt8]]) {
        let record = AttachmentRecord(
            id: id, patientID: patient, entryID: "ent_scan", mediaType: "application/pdf",
            byteCount: Int64(chunks.reduce(0) { $0 + $1.count }), chunkCount: chunks.count,
            sealedMeta: bytes(31, count: 64), receivedAt: t0 - 10, scannedAt: t0 - 5, createdAt: at,
            createdBy: "acc_clerk"
        )
        return (record, chunks)
    }

    /// `record` with the leaf the store must have bound it to.
    static func bound<Record>(_ record: Record, _ leaf: LeafID, _ path: WritableKeyPath<Record, LeafID?>) -> Record {
        var record = record
        record[keyPath: path] = leaf
        return record
    }
}
