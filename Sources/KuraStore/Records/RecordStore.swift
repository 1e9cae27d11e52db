import KuraCore

/// Reads of patients, care teams, structured lists, clinical entries with every version,
/// the access log and attachments (REC-1…5, AUD-1). Every change goes through
/// ``WriteBatchStore`` as ``StoreWrite`` cases, in the same transaction as its ledger leaf.
///
/// Contract:
/// - Reads MUST see every unit whose `commit` has returned.
/// - Records MUST round-trip exactly, field for field, sealed bytes included.
/// - A ``RecordVersion``, ``AuditEvent`` or ``AttachmentRecord`` MUST come back with the
///   ``LeafID`` of the leaf appended just before it in its unit.
/// - Versions, audit events and attachments MUST NOT be changed or deleted by any write.
/// - Lists MUST come back in the order each method names; strings compare in byte order;
///   "newest first" means descending by the named time, then descending by id.
public protocol RecordStore: Sendable {
    /// The patient with `id`, or nil.
    func patient(id: String) async throws(StoreError) -> PatientRecord?
    /// The patient whose number has this blind index, or nil.
    func patient(numberIndex: [UInt8]) async throws(StoreError) -> PatientRecord?
    /// The patients whose birth date has this blind index, by id.
    func patients(birthDateIndex: [UInt8]) async throws(StoreError) -> [PatientRecord]
    /// Up to `limit` patients with an id after `after` (all when nil), by id: the walk that
    /// builds the in-memory name index at start.
    func patients(after: String?, limit: Int) async throws(StoreError) -> [PatientRecord]
    /// Up to `limit` patients changed at or after `since` (`updatedAt`), oldest change first, then
    /// by id: how a server's name index catches up with changes another server made (issue 7).
    func patients(updatedSince since: Int64, limit: Int) async throws(StoreError) -> [PatientRecord]

    /// The care team of `patientID`, by account id.
    func careTeam(patientID: String) async throws(StoreError) -> [CareTeamMember]
    /// The ids of the patients whose care team holds `accountID`, by id.
    func careTeamPatients(accountID: String) async throws(StoreError) -> [String]

    /// The structured lists of `patientID` that exist, by kind (allergies, medications, problems).
    func patientLists(patientID: String) async throws(StoreError) -> [PatientListRecord]

    /// The entry with `id`, or nil.
    func entry(id: String) async throws(StoreError) -> EntryRecord?
    /// Up to `limit` entries of `patientID`, newest first by `createdAt`, strictly after the
    /// cursor position when one is given.
    func entries(patientID: String, before: AuditCursor?, limit: Int) async throws(StoreError) -> [EntryRecord]
    /// Entries in `state` by `onBehalfOf` (the approval queue) or, with `onBehalfOf` nil, by
    /// `author` — newest first, at most `limit`.
    func entries(
        state: EntryState,
        author: String?,
        onBehalfOf: String?,
        limit: Int
    ) async throws(StoreError) -> [EntryRecord]

    /// Every version of `objectID`, oldest first.
    func versions(objectID: String) async throws(StoreError) -> [RecordVersion]

    /// The access log, newest first, filtered by `query`.
    func auditEvents(_ query: AuditQuery) async throws(StoreError) -> [AuditEvent]
    /// How many access-log events are at or after `since` (the checklist's evidence, AUD-1):
    /// a count in the database, not the rows.
    func auditEventCount(since: Int64) async throws(StoreError) -> Int

    /// The attachment with `id`, or nil.
    func attachment(id: String) async throws(StoreError) -> AttachmentRecord?
    /// The attachments of `patientID`, newest first.
    func attachments(patientID: String) async throws(StoreError) -> [AttachmentRecord]
    /// The sealed chunks of attachment `id`, in order (empty when there is none).
    func attachmentChunks(id: String) async throws(StoreError) -> [[UInt8]]
}
