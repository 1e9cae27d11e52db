extension SQLiteMigrations {
    /// Version 4: the compliance documents (issue 8): registries, checklist answers, log-review
    /// sign-offs, patient flags and sealed reports, each version kept forever and bound to its
    /// leaf like a record version. A clinic has hundreds of these, not millions; the one index
    /// serves "the newest version of every document of a kind".
    static let compliance: [String] = [
        """
        CREATE TABLE compliance_version (
            object_id TEXT NOT NULL
                CHECK (length(object_id) BETWEEN 1 AND 64 AND object_id NOT GLOB '*[^!-~]*'),
            version INTEGER NOT NULL CHECK (version >= 1),
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64 AND kind NOT GLOB '*[^a-z0-9.-]*'),
            state TEXT NOT NULL CHECK (length(state) BETWEEN 1 AND 64 AND state NOT GLOB '*[^a-z0-9.-]*'),
            author TEXT NOT NULL
                CHECK (length(author) BETWEEN 1 AND 64 AND author NOT GLOB '*[^!-~]*'),
            recorded_at INTEGER NOT NULL,
            sealed_body BLOB NOT NULL CHECK (length(sealed_body) > 0),
            leaf_id INTEGER NOT NULL,
            PRIMARY KEY (object_id, version)
        ) STRICT
        """,
        "CREATE INDEX compliance_version_by_kind ON compliance_version (kind, object_id, version DESC)",
    ]
}
