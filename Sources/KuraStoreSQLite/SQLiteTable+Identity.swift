extension SQLiteTable {
    // The identity tables of migration 2 (SQLiteMigrations+Identity.swift).

    static let account = SQLiteTable(
        name: "account",
        columns: [
            "id", "login", "revision", "roles", "job_type", "sealed_name", "sealed_licence", "status",
            "disabled_reason", "ends_at", "created_at", "last_login_at", "password_hash", "password_set_at",
            "password_must_change", "reset_notice_pending", "failed_logins", "locked_until", "sealed_totp_secret",
            "totp_enrolled_at", "totp_last_step", "language",
        ],
        blobColumns: ["sealed_name", "sealed_licence", "sealed_totp_secret"]
    )

    static let session = SQLiteTable(
        name: "session",
        columns: [
            "id", "token_hash", "account_id", "device_id", "kind", "revision", "created_at", "last_seen_at",
            "second_factor_at", "via_recovery_code", "reauthenticated_at", "activated_roles", "ended_at",
            "end_reason",
        ],
        blobColumns: ["token_hash"]
    )

    static let device = SQLiteTable(
        name: "device",
        columns: [
            "id", "token_hash", "owner_account_id", "revision", "first_seen_at", "last_seen_at", "user_agent",
            "ownership", "status", "decided_by", "decided_at",
        ],
        blobColumns: ["token_hash"]
    )

    static let breakGlassGrant = SQLiteTable(
        name: "break_glass_grant",
        columns: ["id", "account_id", "patient_id", "sealed_reason", "granted_at", "expires_at"],
        blobColumns: ["sealed_reason"]
    )

    static let queueItem = SQLiteTable(
        name: "queue_item",
        columns: [
            "id", "queue", "kind", "subject_account_id", "ref_id", "revision", "created_at", "closed_by", "closed_at",
            "outcome",
        ],
        blobColumns: []
    )
}
