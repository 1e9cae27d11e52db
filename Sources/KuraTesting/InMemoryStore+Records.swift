import KuraCore
import KuraStore
import Synchronization

extension InMemoryStore {
    /// The patient with `id`.
    public func patient(id: String) async throws(StoreError) -> PatientRecord? {
        try readRecords { $0.patients[id] }
    }

    /// The patient with this number index.
    public func patient(numberIndex: [UInt8]) async throws(StoreError) -> PatientRecord? {
        try readRecords { $0.patients.values.first { $0.numberIndex == numberIndex } }
    }

    /// The patients with this birth-date index, by id.
    public func patients(birthDateIndex: [UInt8]) async throws(StoreError) -> [PatientRecord] {
        try readRecords { records in
            records.patients.values.filter { $0.birthDateIndex == birthDateIndex }.sorted(by: Self.byID)
        }
    }

    /// Patients after `after`, by id.
    public func patients(after: String?, limit: Int) async throws(StoreError) -> [PatientRecord] {
        try readRecords { records in
            Array(
                records.patients.values.filter { after == nil || after!.utf8.lexicographicallyPrecedes($0.id.utf8) }
                    .sorted(by: Self.byID).prefix(max(limit, 0)))
        }
    }

    /// The patient's care team, by account id.
    public func careTeam(patientID: String) async throws(StoreError) -> [CareTeamMember] {
        try readRecords { records in
            records.careTeam.filter { $0.patientID == patientID }
                .sorted { $0.accountID.utf8.lexicographicallyPrecedes($1.accountID.utf8) }
        }
    }

    /// The account's care-team patients, by id.
    public func careTeamPatients(accountID: String) async throws(StoreError) -> [String] {
        try readRecords { records in
            records.careTeam.filter { $0.accountID == accountID }.map(\.patientID)
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// The patient's lists, by kind.
    public func patientLists(patientID: String) async throws(StoreError) -> [PatientListRecord] {
        try readRecords { records in
            records.lists.values.filter { $0.patientID == patientID }
                .sorted { $0.kind.rawValue.utf8.lexicographicallyPrecedes($1.kind.rawValue.utf8) }
        }
    }

    /// The entry with `id`.
    public func entry(id: String) async throws(StoreError) -> EntryRecord? {
        try readRecords { $0.entries[id] }
    }

    /// The patient's entries, newest first, after the cursor.
    public func entries(patientID: String, before: AuditCursor?, limit: Int) async throws(StoreError) -> [EntryRecord] {
        try readRecords { records in
            Array(
                records.entries.values
                    .filter { entry in
                        entry.patientID == patientID
                            && (before.map { Self.newer(($0.at, $0.id), than: (entry.createdAt, entry.id)) } ?? true)
                    }
                    .sorted { Self.newer(($0.createdAt, $0.id), than: ($1.createdAt, $1.id)) }
                    .prefix(max(limit, 0)))
        }
    }

    /// Entries in `state` for `onBehalfOf` or by `author`, newest first.
    public func entries(
        state: EntryState,
        author: String?,
        onBehalfOf: String?,
        limit: Int
    ) async throws(StoreError) -> [EntryRecord] {
        try readRecords { records in
            Array(
                records.entries.values
                    .filter { entry in
                        entry.state == state
                            && (onBehalfOf.map { entry.onBehalfOf == $0 } ?? (entry.author == author))
                    }
                    .sorted { Self.newer(($0.createdAt, $0.id), than: ($1.createdAt, $1.id)) }
                    .prefix(max(limit, 0)))
        }
    }

    /// Every version of the object, oldest first.
    public func versions(objectID: String) async throws(StoreError) -> [RecordVersion] {
        try readRecords { records in
            records.versions.filter { $0.objectID == objectID }.sorted { $0.version < $1.version }
        }
    }

    /// Patients changed at or after `since`, oldest change first, then by id.
    public func patients(updatedSince since: Int64, limit: Int) async throws(StoreError) -> [PatientRecord] {
        try readRecords { records in
            Array(
                records.patients.values.filter { $0.updatedAt >= since }
                    .sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }.prefix(max(limit, 0)))
        }
    }

    /// How many access-log events are at or after `since`.
    public func auditEventCount(since: Int64) async throws(StoreError) -> Int {
        try readRecords { records in records.auditEvents.filter { $0.at >= since }.count }
    }

    /// The access log, filtered, newest first.
    public func auditEvents(_ query: AuditQuery) async throws(StoreError) -> [AuditEvent] {
        try readRecords { records in
            Array(
                records.auditEvents
                    .filter { event in
                        (query.actor.map { event.actor == $0 } ?? true)
                            && (query.patientID.map { event.patientIDs.contains($0) } ?? true)
                            && (query.action.map { event.action == $0 } ?? true)
                            && (query.from.map { event.at >= $0 } ?? true)
                            && (query.until.map { event.at < $0 } ?? true)
                            && (!query.breakGlassOnly || event.access == "break-glass")
                            && (query.before.map { Self.newer(($0.at, $0.id), than: (event.at, event.id)) } ?? true)
                    }
                    .sorted { Self.newer(($0.at, $0.id), than: ($1.at, $1.id)) }
                    .prefix(max(query.limit, 0)))
        }
    }

    /// The attachment with `id`.
    public func attachment(id: String) async throws(StoreError) -> AttachmentRecord? {
        try readRecords { $0.attachments[id]?.record }
    }

    /// The patient's attachments, newest first.
    public func attachments(patientID: String) async throws(StoreError) -> [AttachmentRecord] {
        try readRecords { records in
            records.attachments.values.map(\.record).filter { $0.patientID == patientID }
                .sorted { Self.newer(($0.createdAt, $0.id), than: ($1.createdAt, $1.id)) }
        }
    }

    /// The attachment's chunks.
    public func attachmentChunks(id: String) async throws(StoreError) -> [[UInt8]] {
        try readRecords { $0.attachments[id]?.chunks ?? [] }
    }

    /// Runs `body` on the record tables under the lock, unless the store is closed.
    func readRecords<T: Sendable>(_ body: (InMemoryRecordState) -> T) throws(StoreError) -> T {
        try state.withLock { (state: inout State) throws(StoreError) in
            guard !state.closed else { throw .unavailable("store closed") }
            return body(state.records)
        }
    }

    /// Ascending by id in byte order.
    static func byID(_ lhs: PatientRecord, _ rhs: PatientRecord) -> Bool {
        lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }
}
