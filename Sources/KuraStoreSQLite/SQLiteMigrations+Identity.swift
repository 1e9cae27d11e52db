extension SQLiteMigrations {
    /// Version 2: accounts, sessions, devices, recovery codes, break-glass grants, the alert and
    /// review queues and one-time claims (issue 3; AUTH, SESS, INV-2, DEV-2, ACC-7, AUD-1).
    ///
    /// The tables are STRICT (SQLite 3.37+), so a value of the wrong type is refused rather than
    /// coerced. The CHECK constraints repeat `StoreWrite.validationError` as a backstop; the
    /// enumerations are spelled out because a released migration never changes (a new case is a
    /// new migration); ids are 1 to 64 printable ASCII characters. There are no foreign keys: the
    /// contract leaves references to the services (`replaceRecoveryCodes` and `endSessions` are
    /// declared unable to fail in the database), and every backend must accept and refuse the
    /// same units. Times are ms since the epoch (UTC).
    static let identity: [String] = [
        """
        CREATE TABLE account (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            login TEXT NOT NULL UNIQUE
                CHECK (length(login) BETWEEN 1 AND 64 AND login NOT GLOB '*[^a-z0-9._-]*'),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            roles TEXT NOT NULL,
            job_type TEXT NOT NULL,
            sealed_name BLOB NOT NULL CHECK (length(sealed_name) > 0),
            sealed_licence BLOB,
            status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
            disabled_reason TEXT CHECK (disabled_reason IN ('manual', 'dormant', 'ended')),
            ends_at INTEGER,
            created_at INTEGER NOT NULL,
            last_login_at INTEGER,
            password_hash TEXT NOT NULL,
            password_set_at INTEGER NOT NULL,
            password_must_change INTEGER NOT NULL CHECK (password_must_change IN (0, 1)),
            reset_notice_pending INTEGER NOT NULL CHECK (reset_notice_pending IN (0, 1)),
            failed_logins INTEGER NOT NULL CHECK (failed_logins >= 0),
            locked_until INTEGER,
            sealed_totp_secret BLOB,
            totp_enrolled_at INTEGER,
            totp_last_step INTEGER,
            language TEXT NOT NULL CHECK (language IN ('ja', 'en'))
        ) STRICT
        """,
        // One row per code; a replacement deletes the account's rows first.
        """
        CREATE TABLE account_recovery_code (
            account_id TEXT NOT NULL,
            code_hash BLOB NOT NULL CHECK (length(code_hash) = 32),
            created_at INTEGER NOT NULL,
            used_at INTEGER,
            PRIMARY KEY (account_id, code_hash)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE session (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            second_factor_at INTEGER,
            via_recovery_code INTEGER NOT NULL CHECK (via_recovery_code IN (0, 1)),
            reauthenticated_at INTEGER,
            activated_roles TEXT NOT NULL,
            ended_at INTEGER,
            end_reason TEXT CHECK (end_reason IN (
                'logout', 'idle', 'expired', 'revoked', 'switched-user', 'password-changed',
                'account-disabled', 'device-revoked'
            )),
            CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        ) STRICT
        """,
        // "My sessions" and ending an account's sessions read only the open ones.
        """
        CREATE INDEX session_open_by_account ON session (account_id, created_at DESC, id DESC)
        WHERE ended_at IS NULL
        """,
        "CREATE INDEX session_open_by_device ON session (device_id) WHERE ended_at IS NULL",
        // The user agent's length is checked in Swift only: Swift counts characters (grapheme
        // clusters), SQLite's length() code points, so a CHECK here could refuse a valid row.
        """
        CREATE TABLE device (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
            owner_account_id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            first_seen_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            user_agent TEXT NOT NULL,
            ownership TEXT NOT NULL CHECK (ownership IN ('unknown', 'clinic', 'byod')),
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
            decided_by TEXT,
            decided_at INTEGER
        ) STRICT
        """,
        "CREATE INDEX device_newest ON device (first_seen_at DESC, id DESC)",
        """
        CREATE TABLE break_glass_grant (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            account_id TEXT NOT NULL,
            patient_id TEXT NOT NULL,
            sealed_reason BLOB NOT NULL,
            granted_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            CHECK (expires_at > granted_at)
        ) STRICT
        """,
        """
        CREATE INDEX break_glass_grant_active
        ON break_glass_grant (account_id, patient_id, expires_at DESC, id DESC)
        """,
        """
        CREATE TABLE queue_item (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^!-~]*'),
            queue TEXT NOT NULL CHECK (queue IN ('alert', 'review')),
            kind TEXT NOT NULL,
            subject_account_id TEXT,
            ref_id TEXT,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            created_at INTEGER NOT NULL,
            closed_by TEXT,
            closed_at INTEGER,
            outcome TEXT,
            CHECK ((closed_at IS NULL) = (closed_by IS NULL))
        ) STRICT
        """,
        // The open items are the working set of the alert and review pages; closed ones pile up.
        "CREATE INDEX queue_item_newest ON queue_item (queue, created_at DESC, id DESC)",
        """
        CREATE INDEX queue_item_open ON queue_item (queue, created_at DESC, id DESC)
        WHERE closed_at IS NULL
        """,
        """
        CREATE TABLE once_claim (
            name TEXT PRIMARY KEY NOT NULL
                CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^!-~]*'),
            claimed_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
    ]
}
