/// The columns of one identity table and the statements built from them once: the insert, the
/// compare-and-swap update, and the select list of the reads, all naming the same columns so that
/// a record cannot lose a field between writing and reading.
struct SQLiteIdentityTable: Sendable {
    /// `INSERT` of every column from named arguments (`:column`).
    let insertSQL: String
    /// `UPDATE` of every column but the id, only where `id = :id AND revision = :expected_revision`
    /// (compare-and-swap); break-glass grants have no revision and never run it.
    let updateSQL: String
    /// `SELECT` of every column, to be followed by a `WHERE` clause.
    let selectSQL: String

    /// Builds the statements of table `name`; `blobColumns` are the columns that hold bytes.
    init(name: String, columns: [String], blobColumns: Set<String>) {
        // Bytes are bound through CAST(… AS BLOB) so that an empty array stays an empty blob
        // (see `SQLiteStore.blob(_:)`).
        let value = { (column: String) in blobColumns.contains(column) ? "CAST(:\(column) AS BLOB)" : ":\(column)" }
        let names = columns.joined(separator: ", ")
        let values = columns.map(value).joined(separator: ", ")
        let assignments = columns.filter { $0 != "id" }.map { "\($0) = \(value($0))" }.joined(separator: ", ")
        insertSQL = "INSERT INTO \(name) (\(names)) VALUES (\(values))"
        updateSQL = "UPDATE \(name) SET \(assignments) WHERE id = :id AND revision = :expected_revision"
        selectSQL = "SELECT \(names) FROM \(name)"
    }

    static let account = SQLiteIdentityTable(
        name: "account",
        columns: [
            "id", "login", "revision", "roles", "job_type", "sealed_name", "sealed_licence", "status",
            "disabled_reason", "ends_at", "created_at", "last_login_at", "password_hash", "password_set_at",
            "password_must_change", "reset_notice_pending", "failed_logins", "locked_until", "sealed_totp_secret",
            "totp_enrolled_at", "totp_last_step", "language",
        ],
        blobColumns: ["sealed_name", "sealed_licence", "sealed_totp_secret"]
    )

    static let session = SQLiteIdentityTable(
        name: "session",
        columns: [
            "id", "token_hash", "account_id", "device_id", "kind", "revision", "created_at", "last_seen_at",
            "second_factor_at", "via_recovery_code", "reauthenticated_at", "activated_roles", "ended_at",
            "end_reason",
        ],
        blobColumns: ["token_hash"]
    )

    static let device = SQLiteIdentityTable(
        name: "device",
        columns: [
            "id", "token_hash", "owner_account_id", "revision", "first_seen_at", "last_seen_at", "user_agent",
            "ownership", "status", "decided_by", "decided_at",
        ],
        blobColumns: ["token_hash"]
    )

    static let breakGlassGrant = SQLiteIdentityTable(
        name: "break_glass_grant",
        columns: ["id", "account_id", "patient_id", "sealed_reason", "granted_at", "expires_at"],
        blobColumns: ["sealed_reason"]
    )

    static let queueItem = SQLiteIdentityTable(
        name: "queue_item",
        columns: [
            "id", "queue", "kind", "subject_account_id", "ref_id", "revision", "created_at", "closed_by", "closed_at",
            "outcome",
        ],
        blobColumns: []
    )
}
