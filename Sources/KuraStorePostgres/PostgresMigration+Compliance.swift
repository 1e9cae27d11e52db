extension PostgresMigration {
    /// Version 5: the compliance documents (issue 8), as in SQLite's version 4: every version of
    /// a registry entry, answer, sign-off, flag or report kept forever and bound to its leaf
    /// (the pending id, as for record versions).
    static let compliance: [String] = [
        """
        CREATE TABLE compliance_version (
            object_id TEXT COLLATE "C" NOT NULL CHECK (object_id ~ '^[!-~]{1,64}$'),
            version BIGINT NOT NULL CHECK (version >= 1),
            kind TEXT COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z0-9.-]{1,64}$'),
            state TEXT COLLATE "C" NOT NULL CHECK (state ~ '^[a-z0-9.-]{1,64}$'),
            author TEXT COLLATE "C" NOT NULL CHECK (author ~ '^[!-~]{1,64}$'),
            recorded_at BIGINT NOT NULL,
            sealed_body BYTEA NOT NULL CHECK (length(sealed_body) > 0),
            leaf_id BIGINT NOT NULL,
            PRIMARY KEY (object_id, version)
        )
        """,
        "CREATE INDEX compliance_version_by_kind ON compliance_version (kind, object_id, version DESC)",
    ]
}
