/// Every table a snapshot carries, in the order a snapshot writes and a restore loads them
/// (BAK-1, REC-5).
///
/// Both backends name these tables and columns alike; the ledger's leaves are the exception
/// (SQLite numbers them at append, PostgreSQL in `ledger_index`), so they travel as one
/// section of their own, ``ledgerLeaves``, in log order. Tables only a backend needs for its
/// own bookkeeping (`kura_schema`, PostgreSQL's `ledger_queue`) are rebuilt at restore. A new
/// migration that adds a table or column adds it here too; `SnapshotConformance` fails until
/// both backends agree.
public enum PortableSchema {
    /// The version of the portable row format; a reader refuses any other.
    public static let formatVersion = 1

    /// Every leaf of the log in order: its position (the index it has, or will have once the
    /// integrator numbers it), the leaf, the commitment's salt, the private details and the
    /// time of the append.
    public static let ledgerLeaves = PortableTable(
        name: "ledger_leaves",
        columns: [
            PortableColumn("position", .integer),
            PortableColumn("leaf", .bytes),
            PortableColumn("salt", .bytes),
            PortableColumn("details", .bytes),
            PortableColumn("appended_at", .integer),
        ],
        key: ["position"]
    )

    /// The sections in load order: the ledger first, so that leaf references resolve.
    public static let tables: [PortableTable] = [ledgerLeaves] + ledger + identity + records + compliance

    static let ledger: [PortableTable] = [
        PortableTable(
            name: "ledger_head",
            columns: [
                PortableColumn("id", .integer), PortableColumn("size", .integer), PortableColumn("root", .bytes),
            ],
            key: ["id"],
            replacesSeed: true
        ),
        PortableTable(
            name: "ledger_tile",
            columns: [
                PortableColumn("level", .integer), PortableColumn("idx", .integer), PortableColumn("hashes", .bytes),
            ],
            key: ["level", "idx"]
        ),
        PortableTable(
            name: "ledger_checkpoint",
            columns: [
                PortableColumn("size", .integer), PortableColumn("root", .bytes), PortableColumn("note", .bytes),
                PortableColumn("sealed_at", .integer),
            ],
            key: ["size"]
        ),
    ]

    static let identity: [PortableTable] = [
        PortableTable(
            name: "account",
            columns: [
                PortableColumn("id", .text), PortableColumn("login", .text), PortableColumn("revision", .integer),
                PortableColumn("roles", .text), PortableColumn("job_type", .text),
                PortableColumn("sealed_name", .bytes), PortableColumn("sealed_licence", .bytes, nullable: true),
                PortableColumn("status", .text), PortableColumn("disabled_reason", .text, nullable: true),
                PortableColumn("ends_at", .integer, nullable: true), PortableColumn("created_at", .integer),
                PortableColumn("last_login_at", .integer, nullable: true), PortableColumn("password_hash", .text),
                PortableColumn("password_set_at", .integer), PortableColumn("password_must_change", .boolean),
                PortableColumn("reset_notice_pending", .boolean), PortableColumn("failed_logins", .integer),
                PortableColumn("locked_until", .integer, nullable: true),
                PortableColumn("sealed_totp_secret", .bytes, nullable: true),
                PortableColumn("totp_enrolled_at", .integer, nullable: true),
                PortableColumn("totp_last_step", .integer, nullable: true), PortableColumn("language", .text),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "account_recovery_code",
            columns: [
                PortableColumn("account_id", .text), PortableColumn("code_hash", .bytes),
                PortableColumn("created_at", .integer), PortableColumn("used_at", .integer, nullable: true),
            ],
            key: ["account_id", "code_hash"]
        ),
        PortableTable(
            name: "session",
            columns: [
                PortableColumn("id", .text), PortableColumn("token_hash", .bytes), PortableColumn("account_id", .text),
                PortableColumn("device_id", .text), PortableColumn("kind", .text), PortableColumn("revision", .integer),
                PortableColumn("created_at", .integer), PortableColumn("last_seen_at", .integer),
                PortableColumn("second_factor_at", .integer, nullable: true),
                PortableColumn("via_recovery_code", .boolean),
                PortableColumn("reauthenticated_at", .integer, nullable: true),
                PortableColumn("activated_roles", .text), PortableColumn("ended_at", .integer, nullable: true),
                PortableColumn("end_reason", .text, nullable: true),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "device",
            columns: [
                PortableColumn("id", .text), PortableColumn("token_hash", .bytes),
                PortableColumn("owner_account_id", .text), PortableColumn("revision", .integer),
                PortableColumn("first_seen_at", .integer), PortableColumn("last_seen_at", .integer),
                PortableColumn("user_agent", .text), PortableColumn("ownership", .text),
                PortableColumn("status", .text),
                PortableColumn("decided_by", .text, nullable: true),
                PortableColumn("decided_at", .integer, nullable: true),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "break_glass_grant",
            columns: [
                PortableColumn("id", .text), PortableColumn("account_id", .text), PortableColumn("patient_id", .text),
                PortableColumn("sealed_reason", .bytes), PortableColumn("granted_at", .integer),
                PortableColumn("expires_at", .integer),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "queue_item",
            columns: [
                PortableColumn("id", .text), PortableColumn("queue", .text), PortableColumn("kind", .text),
                PortableColumn("subject_account_id", .text, nullable: true),
                PortableColumn("ref_id", .text, nullable: true), PortableColumn("revision", .integer),
                PortableColumn("created_at", .integer), PortableColumn("closed_by", .text, nullable: true),
                PortableColumn("closed_at", .integer, nullable: true), PortableColumn("outcome", .text, nullable: true),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "once_claim",
            columns: [PortableColumn("name", .text), PortableColumn("claimed_at", .integer)],
            key: ["name"]
        ),
    ]

    static let records: [PortableTable] = [
        PortableTable(
            name: "patient",
            columns: [
                PortableColumn("id", .text), PortableColumn("revision", .integer),
                PortableColumn("number_index", .bytes), PortableColumn("birth_date_index", .bytes),
                PortableColumn("sealed_demographics", .bytes),
                PortableColumn("care_started_at", .integer, nullable: true),
                PortableColumn("care_ended_at", .integer, nullable: true),
                PortableColumn("merged_into", .text, nullable: true), PortableColumn("created_at", .integer),
                PortableColumn("created_by", .text), PortableColumn("updated_at", .integer),
                PortableColumn("updated_by", .text),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "care_team_member",
            columns: [
                PortableColumn("patient_id", .text), PortableColumn("account_id", .text),
                PortableColumn("added_at", .integer), PortableColumn("added_by", .text),
            ],
            key: ["patient_id", "account_id"]
        ),
        PortableTable(
            name: "patient_list",
            columns: [
                PortableColumn("id", .text), PortableColumn("patient_id", .text), PortableColumn("kind", .text),
                PortableColumn("revision", .integer), PortableColumn("sealed_items", .bytes),
                PortableColumn("updated_at", .integer), PortableColumn("updated_by", .text),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "entry",
            columns: [
                PortableColumn("id", .text), PortableColumn("patient_id", .text), PortableColumn("kind", .text),
                PortableColumn("state", .text), PortableColumn("revision", .integer), PortableColumn("author", .text),
                PortableColumn("on_behalf_of", .text, nullable: true), PortableColumn("created_at", .integer),
                PortableColumn("updated_at", .integer), PortableColumn("care_at", .integer, nullable: true),
                PortableColumn("finalized_by", .text, nullable: true),
                PortableColumn("finalized_at", .integer, nullable: true), PortableColumn("sealed_body", .bytes),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "record_version",
            columns: [
                PortableColumn("object_id", .text), PortableColumn("version", .integer),
                PortableColumn("patient_id", .text), PortableColumn("kind", .text), PortableColumn("state", .text),
                PortableColumn("author", .text), PortableColumn("on_behalf_of", .text, nullable: true),
                PortableColumn("recorded_at", .integer), PortableColumn("care_at", .integer, nullable: true),
                PortableColumn("finalized_by", .text, nullable: true),
                PortableColumn("finalized_at", .integer, nullable: true), PortableColumn("sealed_body", .bytes),
                PortableColumn("sealed_reason", .bytes, nullable: true),
                PortableColumn("leaf_id", .integer, isLeafReference: true),
            ],
            key: ["object_id", "version"]
        ),
        PortableTable(
            name: "audit_event",
            columns: [
                PortableColumn("id", .text), PortableColumn("at", .integer), PortableColumn("actor", .text),
                PortableColumn("action", .text), PortableColumn("access", .text),
                PortableColumn("leaf_id", .integer, isLeafReference: true),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "audit_event_patient",
            columns: [
                PortableColumn("event_id", .text), PortableColumn("patient_id", .text), PortableColumn("at", .integer),
            ],
            key: ["event_id", "patient_id"]
        ),
        PortableTable(
            name: "attachment",
            columns: [
                PortableColumn("id", .text), PortableColumn("patient_id", .text),
                PortableColumn("entry_id", .text, nullable: true), PortableColumn("media_type", .text),
                PortableColumn("byte_count", .integer), PortableColumn("chunk_count", .integer),
                PortableColumn("sealed_meta", .bytes), PortableColumn("received_at", .integer, nullable: true),
                PortableColumn("scanned_at", .integer, nullable: true), PortableColumn("created_at", .integer),
                PortableColumn("created_by", .text), PortableColumn("leaf_id", .integer, isLeafReference: true),
            ],
            key: ["id"]
        ),
        PortableTable(
            name: "attachment_chunk",
            columns: [
                PortableColumn("attachment_id", .text), PortableColumn("seq", .integer),
                PortableColumn("sealed_bytes", .bytes),
            ],
            key: ["attachment_id", "seq"]
        ),
    ]

    static let compliance: [PortableTable] = [
        PortableTable(
            name: "compliance_version",
            columns: [
                PortableColumn("object_id", .text), PortableColumn("version", .integer), PortableColumn("kind", .text),
                PortableColumn("state", .text), PortableColumn("author", .text),
                PortableColumn("recorded_at", .integer), PortableColumn("sealed_body", .bytes),
                PortableColumn("leaf_id", .integer, isLeafReference: true),
            ],
            key: ["object_id", "version"]
        )
    ]
}
