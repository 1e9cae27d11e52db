extension PostgresMigration {
    /// Version 4: patients, care teams, structured lists, clinical entries with every version,
    /// the access log and attachments (REC-1…5, AUD-1, ENC-1, MAL-4).
    ///
    /// As in version 2: ids `COLLATE "C"` (orders and ties by bytes, as in Swift and SQLite),
    /// sealed bytes `BYTEA`, times `BIGINT` ms since the epoch (UTC), enumerations as text with
    /// CHECK lists of their raw values, and CHECKs that restate ``StoreWrite/validationError`` and
    /// nothing more, so every backend refuses the same units. No foreign keys: the services keep
    /// the references (a version names its object, an event its patients, a chunk its attachment)
    /// and the other backends have none either.
    ///
    /// Sized for 100,000 patients and 5,000,000 entry versions per database: every read of
    /// `RecordStore` is an index range scan in the order it returns, so opening a chart does not
    /// grow with the clinic. `leaf_id` is the `ledger_pending` id of the leaf appended before the
    /// row in its unit (the LeafID, valid before and after integration).
    static let records: [String] = [
        """
        CREATE TABLE patient (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            revision BIGINT NOT NULL CHECK (revision >= 1),
            number_index BYTEA NOT NULL CONSTRAINT patient_number_index_unique UNIQUE
                CHECK (length(number_index) = 32),
            birth_date_index BYTEA NOT NULL CHECK (length(birth_date_index) = 32),
            sealed_demographics BYTEA NOT NULL CHECK (length(sealed_demographics) > 0),
            care_started_at BIGINT,
            care_ended_at BIGINT,
            merged_into TEXT COLLATE "C" CHECK (merged_into ~ '^[!-~]{1,64}$' AND merged_into <> id),
            created_at BIGINT NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL,
            updated_at BIGINT NOT NULL,
            updated_by TEXT COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX patient_by_birth_date ON patient (birth_date_index, id)",
        // The primary key serves a patient's team; the second index "my patients".
        """
        CREATE TABLE care_team_member (
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            account_id TEXT COLLATE "C" NOT NULL CHECK (account_id ~ '^[!-~]{1,64}$'),
            added_at BIGINT NOT NULL,
            added_by TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (patient_id, account_id)
        )
        """,
        "CREATE INDEX care_team_member_by_account ON care_team_member (account_id, patient_id)",
        // One list of each kind per patient; the unique index also serves a patient's lists.
        """
        CREATE TABLE patient_list (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('allergies', 'problems', 'medications')),
            revision BIGINT NOT NULL CHECK (revision >= 1),
            sealed_items BYTEA NOT NULL CHECK (length(sealed_items) > 0),
            updated_at BIGINT NOT NULL,
            updated_by TEXT COLLATE "C" NOT NULL,
            CONSTRAINT patient_list_one_per_kind UNIQUE (patient_id, kind)
        )
        """,
        """
        CREATE TABLE entry (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            kind TEXT COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z0-9.-]{1,64}$'),
            state TEXT NOT NULL CHECK (
                state IN ('draft', 'pending-approval', 'finalized', 'amended', 'entered-in-error', 'rejected')
            ),
            revision BIGINT NOT NULL CHECK (revision >= 1),
            author TEXT COLLATE "C" NOT NULL CHECK (author ~ '^[!-~]{1,64}$'),
            on_behalf_of TEXT COLLATE "C",
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            care_at BIGINT,
            finalized_by TEXT COLLATE "C",
            finalized_at BIGINT,
            sealed_body BYTEA NOT NULL CHECK (length(sealed_body) > 0),
            CONSTRAINT entry_finalized_complete CHECK ((finalized_by IS NULL) = (finalized_at IS NULL)),
            CONSTRAINT entry_final_has_finalizer CHECK (
                state NOT IN ('finalized', 'amended', 'entered-in-error') OR finalized_by IS NOT NULL
            )
        )
        """,
        // The chart: a patient's entries newest first, paged by (created_at, id).
        "CREATE INDEX entry_chart ON entry (patient_id, created_at DESC, id DESC)",
        // The approval queue (proxy entries only, a small part of all) and each author's drafts.
        """
        CREATE INDEX entry_by_state_on_behalf_of ON entry (state, on_behalf_of, created_at DESC, id DESC)
            WHERE on_behalf_of IS NOT NULL
        """,
        "CREATE INDEX entry_by_state_author ON entry (state, author, created_at DESC, id DESC)",
        // Every version ever written; no write changes or deletes one.
        """
        CREATE TABLE record_version (
            object_id TEXT COLLATE "C" NOT NULL CHECK (object_id ~ '^[!-~]{1,64}$'),
            version BIGINT NOT NULL CHECK (version >= 1),
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            kind TEXT COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z0-9.-]{1,64}$'),
            state TEXT COLLATE "C" NOT NULL CHECK (state ~ '^[a-z0-9.-]{1,64}$'),
            author TEXT COLLATE "C" NOT NULL CHECK (author ~ '^[!-~]{1,64}$'),
            on_behalf_of TEXT COLLATE "C",
            recorded_at BIGINT NOT NULL,
            care_at BIGINT,
            finalized_by TEXT COLLATE "C",
            finalized_at BIGINT,
            sealed_body BYTEA NOT NULL CHECK (length(sealed_body) > 0),
            sealed_reason BYTEA,
            leaf_id BIGINT NOT NULL,
            PRIMARY KEY (object_id, version),
            CONSTRAINT record_version_finalized_complete CHECK ((finalized_by IS NULL) = (finalized_at IS NULL))
        )
        """,
        // One row per audited request; the patients it touched are child rows, which carry the
        // time too so that "who viewed this chart" is one index range scan, newest first.
        """
        CREATE TABLE audit_event (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            at BIGINT NOT NULL,
            actor TEXT COLLATE "C" NOT NULL CHECK (actor ~ '^[!-~]{1,64}$'),
            action TEXT COLLATE "C" NOT NULL CHECK (action ~ '^[a-z0-9.-]{1,64}$'),
            access TEXT COLLATE "C" NOT NULL CHECK (access ~ '^[a-z0-9.-]{1,64}$'),
            leaf_id BIGINT NOT NULL
        )
        """,
        "CREATE INDEX audit_event_newest ON audit_event (at DESC, id DESC)",
        "CREATE INDEX audit_event_by_actor ON audit_event (actor, at DESC, id DESC)",
        // Break-glass access is rare and reviewed often (ACC-7): a small partial index.
        "CREATE INDEX audit_event_break_glass ON audit_event (at DESC, id DESC) WHERE access = 'break-glass'",
        """
        CREATE TABLE audit_event_patient (
            event_id TEXT COLLATE "C" NOT NULL,
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            at BIGINT NOT NULL,
            PRIMARY KEY (event_id, patient_id)
        )
        """,
        """
        CREATE INDEX audit_event_patient_by_patient
            ON audit_event_patient (patient_id, at DESC, event_id DESC)
        """,
        """
        CREATE TABLE attachment (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            patient_id TEXT COLLATE "C" NOT NULL CHECK (patient_id ~ '^[!-~]{1,64}$'),
            entry_id TEXT COLLATE "C",
            media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
            byte_count BIGINT NOT NULL CHECK (byte_count >= 1),
            chunk_count BIGINT NOT NULL CHECK (chunk_count >= 1),
            sealed_meta BYTEA NOT NULL CHECK (length(sealed_meta) > 0),
            received_at BIGINT,
            scanned_at BIGINT,
            created_at BIGINT NOT NULL,
            created_by TEXT COLLATE "C" NOT NULL CHECK (created_by ~ '^[!-~]{1,64}$'),
            leaf_id BIGINT NOT NULL
        )
        """,
        "CREATE INDEX attachment_by_patient ON attachment (patient_id, created_at DESC, id DESC)",
        // Chunks of up to 256 KiB (the service's choice), `seq` from 0. Ciphertext does not
        // compress: storing it EXTERNAL skips PostgreSQL's attempt to.
        """
        CREATE TABLE attachment_chunk (
            attachment_id TEXT COLLATE "C" NOT NULL,
            seq INT NOT NULL CHECK (seq >= 0),
            sealed_bytes BYTEA NOT NULL CHECK (length(sealed_bytes) > 0),
            PRIMARY KEY (attachment_id, seq)
        )
        """,
        "ALTER TABLE attachment_chunk ALTER COLUMN sealed_bytes SET STORAGE EXTERNAL",
    ]
}
