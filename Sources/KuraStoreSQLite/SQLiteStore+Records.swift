import Foundation
import GRDB
import KuraCore
import KuraStore

extension SQLiteStore {
    // Every read is one index range scan in the order it returns (SQLiteMigrations+Records.swift),
    // on the pool's readers with cached statements, and sees the last committed batch. Text
    // compares in SQLite's BINARY collation, the byte order the contract asks for; "newest first"
    // pages by the row value (time, id), which SQLite compares column by column.

    /// The patient with `id`, or nil.
    public func patient(id: String) async throws(StoreError) -> PatientRecord? {
        try await fetchOne(SQLiteTable.patient.selectSQL + " WHERE id = ?", [id], Self.patient(from:))
    }

    /// The patient whose number has this blind index, or nil.
    public func patient(numberIndex: [UInt8]) async throws(StoreError) -> PatientRecord? {
        try await fetchOne(
            SQLiteTable.patient.selectSQL + " WHERE number_index = CAST(? AS BLOB)", [Self.blob(numberIndex)],
            Self.patient(from:)
        )
    }

    /// The patients born on the day with this blind index, by id.
    public func patients(birthDateIndex: [UInt8]) async throws(StoreError) -> [PatientRecord] {
        try await fetchAll(
            SQLiteTable.patient.selectSQL + " WHERE birth_date_index = CAST(? AS BLOB) ORDER BY id",
            [Self.blob(birthDateIndex)], Self.patient(from:)
        )
    }

    /// Up to `limit` patients with an id after `after`, by id.
    public func patients(after: String?, limit: Int) async throws(StoreError) -> [PatientRecord] {
        guard let after else {
            return try await fetchAll(
                SQLiteTable.patient.selectSQL + " ORDER BY id LIMIT ?", [max(limit, 0)], Self.patient(from:)
            )
        }
        return try await fetchAll(
            SQLiteTable.patient.selectSQL + " WHERE id > ? ORDER BY id LIMIT ?", [after, max(limit, 0)],
            Self.patient(from:)
        )
    }

    /// Patients changed at or after `since`, oldest change first (a range of
    /// `patient_by_updated`).
    public func patients(updatedSince since: Int64, limit: Int) async throws(StoreError) -> [PatientRecord] {
        try await fetchAll(
            SQLiteTable.patient.selectSQL + " WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?",
            [since, max(limit, 0)], Self.patient(from:))
    }

    /// The patient's care team, by account id.
    public func careTeam(patientID: String) async throws(StoreError) -> [CareTeamMember] {
        try await fetchAll(
            SQLiteTable.careTeamMember.selectSQL + " WHERE patient_id = ? ORDER BY account_id", [patientID],
            Self.careTeamMember(from:)
        )
    }

    /// The patients whose care team holds the account, by id.
    public func careTeamPatients(accountID: String) async throws(StoreError) -> [String] {
        try await fetchAll(
            "SELECT patient_id FROM care_team_member WHERE account_id = ? ORDER BY patient_id", [accountID]
        ) { row in try row.decode(String.self, atIndex: 0) }
    }

    /// The patient's structured lists, by kind.
    public func patientLists(patientID: String) async throws(StoreError) -> [PatientListRecord] {
        try await fetchAll(
            SQLiteTable.patientList.selectSQL + " WHERE patient_id = ? ORDER BY kind", [patientID],
            Self.patientList(from:)
        )
    }

    /// The entry with `id`, or nil.
    public func entry(id: String) async throws(StoreError) -> EntryRecord? {
        try await fetchOne(SQLiteTable.entry.selectSQL + " WHERE id = ?", [id], Self.entry(from:))
    }

    /// The patient's entries, newest first by creation, after the cursor.
    public func entries(patientID: String, before: AuditCursor?, limit: Int) async throws(StoreError) -> [EntryRecord] {
        guard let before else {
            return try await fetchAll(
                SQLiteTable.entry.selectSQL
                    + " WHERE patient_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                [patientID, max(limit, 0)], Self.entry(from:)
            )
        }
        return try await fetchAll(
            SQLiteTable.entry.selectSQL
                + " WHERE patient_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
            [patientID, before.at, before.id, max(limit, 0)], Self.entry(from:)
        )
    }

    /// The approval queue of `onBehalfOf`, or the entries of `author`, in `state`, newest first.
    public func entries(
        state: EntryState,
        author: String?,
        onBehalfOf: String?,
        limit: Int
    ) async throws(StoreError) -> [EntryRecord] {
        // Named indexes: without statistics the planner could walk the chart index instead.
        if let onBehalfOf {
            return try await fetchAll(
                SQLiteTable.entry.selectSQL
                    + " INDEXED BY entry_by_state_on_behalf_of WHERE state = ? AND on_behalf_of = ?"
                    + " ORDER BY created_at DESC, id DESC LIMIT ?",
                [state.rawValue, onBehalfOf, max(limit, 0)], Self.entry(from:)
            )
        }
        guard let author else { return [] }
        return try await fetchAll(
            SQLiteTable.entry.selectSQL
                + " INDEXED BY entry_by_state_author WHERE state = ? AND author = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT ?",
            [state.rawValue, author, max(limit, 0)], Self.entry(from:)
        )
    }

    /// Every version of the object, oldest first.
    public func versions(objectID: String) async throws(StoreError) -> [RecordVersion] {
        try await fetchAll(
            SQLiteTable.recordVersion.selectSQL + " WHERE object_id = ? ORDER BY version", [objectID],
            Self.recordVersion(from:)
        )
    }

    /// The access log, newest first, filtered by `query`.
    public func auditEvents(_ query: AuditQuery) async throws(StoreError) -> [AuditEvent] {
        let (sql, arguments) = SQLiteAuditQuery(query).statement
        return try await fetchAll(sql, arguments, Self.auditEvent(from:))
    }

    /// How many access-log events are at or after `since` (a range of `audit_event_newest`).
    public func auditEventCount(since: Int64) async throws(StoreError) -> Int {
        try await fetchOne("SELECT count(*) FROM audit_event WHERE at >= ?", [since]) { row in
            try row.decode(Int.self, atIndex: 0)
        } ?? 0
    }

    /// The attachment with `id`, or nil.
    public func attachment(id: String) async throws(StoreError) -> AttachmentRecord? {
        try await fetchOne(SQLiteTable.attachment.selectSQL + " WHERE id = ?", [id], Self.attachment(from:))
    }

    /// The patient's attachments, newest first.
    public func attachments(patientID: String) async throws(StoreError) -> [AttachmentRecord] {
        try await fetchAll(
            SQLiteTable.attachment.selectSQL + " WHERE patient_id = ? ORDER BY created_at DESC, id DESC",
            [patientID], Self.attachment(from:)
        )
    }

    /// The attachment's sealed chunks, in order.
    public func attachmentChunks(id: String) async throws(StoreError) -> [[UInt8]] {
        try await fetchAll(
            "SELECT sealed_bytes FROM attachment_chunk WHERE attachment_id = ? ORDER BY seq", [id]
        ) { row in [UInt8](try row.decode(Data.self, atIndex: 0)) }
    }
}
