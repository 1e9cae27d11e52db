import KuraCore
import KuraStore
import PostgresNIO

/// The record reads. Each runs on a pooled connection outside any transaction, so it sees every
/// unit committed by any server on the database; nothing is cached. Every read is one index range
/// scan in the order it returns (PostgresMigration+Records.swift); ids compare by bytes
/// (`COLLATE "C"`), and "newest first" pages by the row value (time, id).
extension PostgresStore {
    /// The patient with `id`, or nil.
    public func patient(id: String) async throws(StoreError) -> PatientRecord? {
        try await record("\(unescaped: RecordColumns.patient) WHERE id = \(id)", PatientRecord.init(postgres:))
    }

    /// The patient whose number has this blind index, or nil.
    public func patient(numberIndex: [UInt8]) async throws(StoreError) -> PatientRecord? {
        let index = ByteBuffer(bytes: numberIndex)
        return try await record(
            "\(unescaped: RecordColumns.patient) WHERE number_index = \(index)", PatientRecord.init(postgres:)
        )
    }

    /// The patients born on the day with this blind index, by id.
    public func patients(birthDateIndex: [UInt8]) async throws(StoreError) -> [PatientRecord] {
        let index = ByteBuffer(bytes: birthDateIndex)
        return try await records(
            "\(unescaped: RecordColumns.patient) WHERE birth_date_index = \(index) ORDER BY id",
            PatientRecord.init(postgres:)
        )
    }

    /// Up to `limit` patients with an id after `after`, by id.
    public func patients(after: String?, limit: Int) async throws(StoreError) -> [PatientRecord] {
        guard limit > 0 else { return [] }
        let limit = Int64(limit)
        guard let after else {
            return try await records(
                "\(unescaped: RecordColumns.patient) ORDER BY id LIMIT \(limit)", PatientRecord.init(postgres:)
            )
        }
        return try await records(
            "\(unescaped: RecordColumns.patient) WHERE id > \(after) ORDER BY id LIMIT \(limit)",
            PatientRecord.init(postgres:)
        )
    }

    /// Patients changed at or after `since`, oldest change first.
    public func patients(updatedSince since: Int64, limit: Int) async throws(StoreError) -> [PatientRecord] {
        try await records(
            "\(unescaped: RecordColumns.patient) WHERE updated_at >= \(since) ORDER BY updated_at, id LIMIT \(max(limit, 0))",
            PatientRecord.init(postgres:))
    }

    /// The patient's care team, by account id.
    public func careTeam(patientID: String) async throws(StoreError) -> [CareTeamMember] {
        try await records(
            "\(unescaped: RecordColumns.careTeamMember) WHERE patient_id = \(patientID) ORDER BY account_id",
            CareTeamMember.init(postgres:)
        )
    }

    /// The patients whose care team holds the account, by id.
    public func careTeamPatients(accountID: String) async throws(StoreError) -> [String] {
        try await records(
            "SELECT patient_id FROM care_team_member WHERE account_id = \(accountID) ORDER BY patient_id"
        ) { row in try row.decode(String.self) }
    }

    /// The patient's structured lists, by kind.
    public func patientLists(patientID: String) async throws(StoreError) -> [PatientListRecord] {
        try await records(
            "\(unescaped: RecordColumns.patientList) WHERE patient_id = \(patientID) ORDER BY kind",
            PatientListRecord.init(postgres:)
        )
    }

    /// The entry with `id`, or nil.
    public func entry(id: String) async throws(StoreError) -> EntryRecord? {
        try await record("\(unescaped: RecordColumns.entry) WHERE id = \(id)", EntryRecord.init(postgres:))
    }

    /// The patient's entries, newest first by creation, after the cursor.
    public func entries(patientID: String, before: AuditCursor?, limit: Int) async throws(StoreError) -> [EntryRecord] {
        guard limit > 0 else { return [] }
        let limit = Int64(limit)
        guard let before else {
            return try await records(
                """
                \(unescaped: RecordColumns.entry) WHERE patient_id = \(patientID)
                ORDER BY created_at DESC, id DESC LIMIT \(limit)
                """,
                EntryRecord.init(postgres:)
            )
        }
        return try await records(
            """
            \(unescaped: RecordColumns.entry)
            WHERE patient_id = \(patientID) AND (created_at, id) < (\(before.at), \(before.id))
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """,
            EntryRecord.init(postgres:)
        )
    }

    /// The approval queue of `onBehalfOf`, or the entries of `author`, in `state`, newest first.
    public func entries(
        state: EntryState,
        author: String?,
        onBehalfOf: String?,
        limit: Int
    ) async throws(StoreError) -> [EntryRecord] {
        guard limit > 0 else { return [] }
        let limit = Int64(limit)
        if let onBehalfOf {
            return try await records(
                """
                \(unescaped: RecordColumns.entry) WHERE state = \(state.rawValue) AND on_behalf_of = \(onBehalfOf)
                ORDER BY created_at DESC, id DESC LIMIT \(limit)
                """,
                EntryRecord.init(postgres:)
            )
        }
        guard let author else { return [] }
        return try await records(
            """
            \(unescaped: RecordColumns.entry) WHERE state = \(state.rawValue) AND author = \(author)
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """,
            EntryRecord.init(postgres:)
        )
    }

    /// Every version of the object, oldest first.
    public func versions(objectID: String) async throws(StoreError) -> [RecordVersion] {
        try await records(
            "\(unescaped: RecordColumns.recordVersion) WHERE object_id = \(objectID) ORDER BY version",
            RecordVersion.init(postgres:)
        )
    }

    /// The access log, newest first, filtered by `query`.
    public func auditEvents(_ query: AuditQuery) async throws(StoreError) -> [AuditEvent] {
        guard query.limit > 0 else { return [] }
        return try await records(PostgresAuditQuery(query).statement, AuditEvent.init(postgres:))
    }

    /// How many access-log events are at or after `since`.
    public func auditEventCount(since: Int64) async throws(StoreError) -> Int {
        try await record("SELECT count(*) FROM audit_event WHERE at >= \(since)") { row in
            Int(try row.decode(Int64.self))
        } ?? 0
    }

    /// The attachment with `id`, or nil.
    public func attachment(id: String) async throws(StoreError) -> AttachmentRecord? {
        try await record("\(unescaped: RecordColumns.attachment) WHERE id = \(id)", AttachmentRecord.init(postgres:))
    }

    /// The patient's attachments, newest first.
    public func attachments(patientID: String) async throws(StoreError) -> [AttachmentRecord] {
        try await records(
            """
            \(unescaped: RecordColumns.attachment) WHERE patient_id = \(patientID)
            ORDER BY created_at DESC, id DESC
            """,
            AttachmentRecord.init(postgres:)
        )
    }

    /// The attachment's sealed chunks, in order.
    public func attachmentChunks(id: String) async throws(StoreError) -> [[UInt8]] {
        try await records(
            "SELECT sealed_bytes FROM attachment_chunk WHERE attachment_id = \(id) ORDER BY seq"
        ) { row in Array(try row.decode(ByteBuffer.self).readableBytesView) }
    }
}
