extension SQLiteTable {
    // The record tables of migration 3 (SQLiteMigrations+Records.swift). Versions, audit events
    // and attachments are only ever inserted; their update statement is never run.

    static let patient = SQLiteTable(
        name: "patient",
        columns: [
            "id", "revision", "number_index", "birth_date_index", "sealed_demographics", "care_started_at",
            "care_ended_at", "merged_into", "created_at", "created_by", "updated_at", "updated_by",
        ],
        blobColumns: ["number_index", "birth_date_index", "sealed_demographics"]
    )

    static let careTeamMember = SQLiteTable(
        name: "care_team_member",
        columns: ["patient_id", "account_id", "added_at", "added_by"],
        blobColumns: []
    )

    static let patientList = SQLiteTable(
        name: "patient_list",
        columns: ["id", "patient_id", "kind", "revision", "sealed_items", "updated_at", "updated_by"],
        blobColumns: ["sealed_items"]
    )

    static let entry = SQLiteTable(
        name: "entry",
        columns: [
            "id", "patient_id", "kind", "state", "revision", "author", "on_behalf_of", "created_at", "updated_at",
            "care_at", "finalized_by", "finalized_at", "sealed_body",
        ],
        blobColumns: ["sealed_body"]
    )

    static let recordVersion = SQLiteTable(
        name: "record_version",
        columns: [
            "object_id", "version", "patient_id", "kind", "state", "author", "on_behalf_of", "recorded_at", "care_at",
            "finalized_by", "finalized_at", "sealed_body", "sealed_reason", "leaf_id",
        ],
        blobColumns: ["sealed_body", "sealed_reason"]
    )

    /// The event row alone; its patients are child rows in `audit_event_patient`.
    static let auditEvent = SQLiteTable(
        name: "audit_event",
        columns: ["id", "at", "actor", "action", "access", "leaf_id"],
        blobColumns: []
    )

    static let attachment = SQLiteTable(
        name: "attachment",
        columns: [
            "id", "patient_id", "entry_id", "media_type", "byte_count", "chunk_count", "sealed_meta", "received_at",
            "scanned_at", "created_at", "created_by", "leaf_id",
        ],
        blobColumns: ["sealed_meta"]
    )
}
