extension SQLiteMigrations {
    /// Version 3: patients, care teams, structured lists, clinical entries with every version,
    /// the access log and attachments (REC-1…5, AUD-1, ENC-1, MAL-4).
    ///
    /// STRICT tables as in version 2; the CHECKs restate `StoreWrite.validationError` as a
    /// backstop and add nothing it does not check, so every backend refuses the same units. What a
    /// person wrote is sealed (BLOB); ids, times, states, kinds and versions stay plain (DESIGN
    /// "What stays plain"). No foreign keys: the services keep the references (a version names its
    /// object, an event its patients, a chunk its attachment), as in version 2, and every backend
    /// must accept and refuse the same units.
    ///
    /// Sized for 100,000 patients and 5,000,000 entry versions: every read of `RecordStore` is an
    /// index range scan in the order it returns, so a chart opens in time independent of the
    /// clinic's size. `leaf_id` is the index of the ledger leaf appended before the row in its
    /// unit (SQLite numbers leaves at append time). Times are ms since the epoch (UTC).
    static let records: [String] = [
        """
        CREATE TABLE patient (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            number_index BLOB NOT NULL UNIQUE CHECK (length(number_index) = 32),
            birth_date_index BLOB NOT NULL CHECK (length(birth_date_index) = 32),
            sealed_demographics BLOB NOT NULL CHECK (length(sealed_demographics) > 0),
            care_started_at INTEGER,
            care_ended_at INTEGER,
            merged_into TEXT CHECK (
                length(merged_into) BETWEEN 1 AND 64 AND merged_into NOT GLOB '*[^!-~]*' AND merged_into <> id
            ),
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX patient_by_birth_date ON patient (birth_date_index, id)",
        // The primary key serves a patient's team; the second index "my patients".
        """
        CREATE TABLE care_team_member (
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            account_id TEXT NOT NULL
                CHECK (length(account_id) BETWEEN 1 AND 64 AND account_id NOT GLOB '*[^!-~]*'),
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL,
            PRIMARY KEY (patient_id, account_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX care_team_member_by_account ON care_team_member (account_id, patient_id)",
        // One list of each kind per patient; the unique index also serves a patient's lists by kind.
        """
        CREATE TABLE patient_list (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            kind TEXT NOT NULL CHECK (kind IN ('allergies', 'problems', 'medications')),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            sealed_items BLOB NOT NULL CHECK (length(sealed_items) > 0),
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL,
            UNIQUE (patient_id, kind)
        ) STRICT
        """,
        """
        CREATE TABLE entry (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64 AND kind NOT GLOB '*[^a-z0-9.-]*'),
            state TEXT NOT NULL CHECK (state IN (
                'draft', 'pending-approval', 'finalized', 'amended', 'entered-in-error', 'rejected'
            )),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            author TEXT NOT NULL
                CHECK (length(author) BETWEEN 1 AND 64 AND author NOT GLOB '*[^!-~]*'),
            on_behalf_of TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            care_at INTEGER,
            finalized_by TEXT,
            finalized_at INTEGER,
            sealed_body BLOB NOT NULL CHECK (length(sealed_body) > 0),
            CHECK ((finalized_by IS NULL) = (finalized_at IS NULL)),
            CHECK (state NOT IN ('finalized', 'amended', 'entered-in-error') OR finalized_by IS NOT NULL)
        ) STRICT
        """,
        // The chart: a patient's entries newest first, paged by (created_at, id).
        "CREATE INDEX entry_chart ON entry (patient_id, created_at DESC, id DESC)",
        // The approval queue (proxy entries only, a small part of all) and each author's drafts.
        """
        CREATE INDEX entry_by_state_on_behalf_of ON entry (state, on_behalf_of, created_at DESC, id DESC)
        WHERE on_behalf_of IS NOT NULL
        """,
        "CREATE INDEX entry_by_state_author ON entry (state, author, created_at DESC, id DESC)",
        // Every version ever written; no write changes or deletes one. A rowid table (the sealed
        // bodies are large), so the primary key is a separate index that serves a history.
        """
        CREATE TABLE record_version (
            object_id TEXT NOT NULL
                CHECK (length(object_id) BETWEEN 1 AND 64 AND object_id NOT GLOB '*[^!-~]*'),
            version INTEGER NOT NULL CHECK (version >= 1),
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64 AND kind NOT GLOB '*[^a-z0-9.-]*'),
            state TEXT NOT NULL CHECK (length(state) BETWEEN 1 AND 64 AND state NOT GLOB '*[^a-z0-9.-]*'),
            author TEXT NOT NULL
                CHECK (length(author) BETWEEN 1 AND 64 AND author NOT GLOB '*[^!-~]*'),
            on_behalf_of TEXT,
            recorded_at INTEGER NOT NULL,
            care_at INTEGER,
            finalized_by TEXT,
            finalized_at INTEGER,
            sealed_body BLOB NOT NULL CHECK (length(sealed_body) > 0),
            sealed_reason BLOB,
            leaf_id INTEGER NOT NULL,
            PRIMARY KEY (object_id, version),
            CHECK ((finalized_by IS NULL) = (finalized_at IS NULL))
        ) STRICT
        """,
        // One row per audited request; the patients it touched are child rows, which carry the
        // time too so that "who viewed this chart" is one index range scan, newest first.
        """
        CREATE TABLE audit_event (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL
                CHECK (length(actor) BETWEEN 1 AND 64 AND actor NOT GLOB '*[^!-~]*'),
            action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64 AND action NOT GLOB '*[^a-z0-9.-]*'),
            access TEXT NOT NULL CHECK (length(access) BETWEEN 1 AND 64 AND access NOT GLOB '*[^a-z0-9.-]*'),
            leaf_id INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX audit_event_newest ON audit_event (at DESC, id DESC)",
        "CREATE INDEX audit_event_by_actor ON audit_event (actor, at DESC, id DESC)",
        // Break-glass access is rare and reviewed often (ACC-7): a small partial index.
        """
        CREATE INDEX audit_event_break_glass ON audit_event (at DESC, id DESC)
        WHERE access = 'break-glass'
        """,
        """
        CREATE TABLE audit_event_patient (
            event_id TEXT NOT NULL,
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            at INTEGER NOT NULL,
            PRIMARY KEY (event_id, patient_id)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE INDEX audit_event_patient_by_patient
        ON audit_event_patient (patient_id, at DESC, event_id DESC)
        """,
        """
        CREATE TABLE attachment (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            patient_id TEXT NOT NULL
                CHECK (length(patient_id) BETWEEN 1 AND 64 AND patient_id NOT GLOB '*[^!-~]*'),
            entry_id TEXT,
            media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
            byte_count INTEGER NOT NULL CHECK (byte_count >= 1),
            chunk_count INTEGER NOT NULL CHECK (chunk_count >= 1),
            sealed_meta BLOB NOT NULL CHECK (length(sealed_meta) > 0),
            received_at INTEGER,
            scanned_at INTEGER,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL
                CHECK (length(created_by) BETWEEN 1 AND 64 AND created_by NOT GLOB '*[^!-~]*'),
            leaf_id INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX attachment_by_patient ON attachment (patient_id, created_at DESC, id DESC)",
        // Chunks of up to 256 KiB (the service's choice): a rowid table, as rows this large
        // belong out of a WITHOUT ROWID b-tree; `seq` counts from 0.
        """
        CREATE TABLE attachment_chunk (
            attachment_id TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            sealed_bytes BLOB NOT NULL CHECK (length(sealed_bytes) > 0),
            PRIMARY KEY (attachment_id, seq)
        ) STRICT
        """,
    ]
}
