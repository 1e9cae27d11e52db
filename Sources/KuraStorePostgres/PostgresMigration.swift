/// One step of the PostgreSQL schema: a version and the statements that reach it from the one
/// before.
///
/// Append-only (SchemaStore contract): a released migration is never edited; a change is a new
/// migration at the end of ``all``. The PostgreSQL and SQLite schemas evolve separately and share
/// no SQL (DESIGN "Architecture").
struct PostgresMigration: Sendable {
    /// The schema version after this migration.
    var version: Int
    /// The DDL and seed statements, run in order in one transaction with the version bump.
    var statements: [String]

    /// Every migration, in version order starting at 1 without gaps.
    static let all: [PostgresMigration] = [
        PostgresMigration(
            version: 1,
            statements: [
                // The pending queue: appends land here inside the business transaction,
                // unnumbered (DESIGN "Sequencing"). `id` is the LeafID handed to clients.
                """
                CREATE TABLE ledger_pending (
                    id BIGSERIAL PRIMARY KEY,
                    leaf BYTEA NOT NULL CHECK (length(leaf) BETWEEN 1 AND 65535),
                    salt BYTEA NOT NULL CHECK (length(salt) = 32),
                    details BYTEA NOT NULL,
                    appended_at BIGINT NOT NULL
                )
                """,
                // Numbered leaves: contiguous from 0, never renumbered, changed or deleted. The
                // length checks mirror StoreWrite.validationError (entries carry a 16-bit length).
                """
                CREATE TABLE ledger_leaf (
                    idx BIGINT PRIMARY KEY CHECK (idx >= 0),
                    leaf BYTEA NOT NULL CHECK (length(leaf) BETWEEN 1 AND 65535)
                )
                """,
                // The private side of each numbered leaf; `pending_id` keeps the LeafID valid
                // after integration.
                """
                CREATE TABLE ledger_detail (
                    idx BIGINT PRIMARY KEY CHECK (idx >= 0),
                    pending_id BIGINT UNIQUE NOT NULL,
                    salt BYTEA NOT NULL CHECK (length(salt) = 32),
                    details BYTEA NOT NULL,
                    appended_at BIGINT NOT NULL
                )
                """,
                // C2SP tlog-tiles hashes, full or partial, upserted as tiles grow.
                """
                CREATE TABLE ledger_tile (
                    level INT,
                    idx BIGINT,
                    hashes BYTEA NOT NULL,
                    PRIMARY KEY (level, idx)
                )
                """,
                """
                CREATE TABLE ledger_checkpoint (
                    size BIGINT PRIMARY KEY,
                    root BYTEA NOT NULL,
                    note BYTEA NOT NULL,
                    sealed_at BIGINT NOT NULL
                )
                """,
                // The integrator's compare-and-swap row: exactly one row, locked FOR UPDATE.
                """
                CREATE TABLE ledger_head (
                    id INT PRIMARY KEY CHECK (id = 1),
                    size BIGINT NOT NULL,
                    root BYTEA NOT NULL
                )
                """,
                // The empty tree's root is SHA-256 of the empty string (RFC 9162 section 2.1.1).
                """
                INSERT INTO ledger_head (id, size, root)
                VALUES (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'))
                """,
            ]
        ),
        PostgresMigration(version: 2, statements: identity),
        PostgresMigration(version: 3, statements: ledgerIndex),
        PostgresMigration(version: 4, statements: records),
        PostgresMigration(version: 5, statements: compliance),
        // Patients by their last change, for a name index catching up with other servers (issue 7).
        PostgresMigration(version: 6, statements: ["CREATE INDEX patient_by_updated ON patient (updated_at, id)"]),
    ]

    /// `Set<Role>.storedForm` as of version 2: role names joined by commas, or empty. Spelled out
    /// (not derived from `Role.allCases`) because a released migration never changes.
    private static let rolesPattern =
        "^((physician|nurse|clerk|admin|auditor|partner)(,(physician|nurse|clerk|admin|auditor|partner))*)?$"

    /// Version 2: accounts, sessions, devices, recovery codes, break-glass grants, the alert and
    /// review queues and one-time claims (issue 3).
    ///
    /// Ids and login names are `COLLATE "C"`, so that orders and ties sort by bytes as they do
    /// in Swift and SQLite. Enumerations are text with CHECK lists of their raw values; times are
    /// BIGINT milliseconds since the epoch (UTC). The CHECKs restate ``StoreWrite/validationError``
    /// as a backstop and add nothing it does not check, so every backend refuses the same units;
    /// the one exception is the user agent's length, counted in characters in Swift and in code
    /// points here, which is therefore not checked twice. No foreign keys: the other backends
    /// have none either, and the server keeps the references.
    private static let identity: [String] = [
        """
        CREATE TABLE account (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            login TEXT COLLATE "C" NOT NULL CONSTRAINT account_login_unique UNIQUE
                CHECK (login ~ '^[a-z0-9._-]{1,64}$'),
            revision BIGINT NOT NULL CHECK (revision >= 1),
            roles TEXT NOT NULL
                CHECK (roles ~ '\(rolesPattern)'),
            job_type TEXT NOT NULL,
            sealed_name BYTEA NOT NULL CHECK (length(sealed_name) > 0),
            sealed_licence BYTEA,
            status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
            disabled_reason TEXT CHECK (disabled_reason IN ('manual', 'dormant', 'ended')),
            ends_at BIGINT,
            created_at BIGINT NOT NULL,
            last_login_at BIGINT,
            password_hash TEXT NOT NULL,
            password_set_at BIGINT NOT NULL,
            password_must_change BOOLEAN NOT NULL,
            reset_notice_pending BOOLEAN NOT NULL,
            failed_logins BIGINT NOT NULL CHECK (failed_logins >= 0),
            locked_until BIGINT,
            sealed_totp_secret BYTEA,
            totp_enrolled_at BIGINT,
            totp_last_step BIGINT,
            language TEXT NOT NULL CHECK (language IN ('ja', 'en'))
        )
        """,
        // Recovery codes are stored hashed (MFA-3); `used_at` marks a code spent.
        """
        CREATE TABLE account_recovery_code (
            account_id TEXT COLLATE "C" NOT NULL,
            code_hash BYTEA NOT NULL CHECK (length(code_hash) = 32),
            created_at BIGINT NOT NULL,
            used_at BIGINT,
            PRIMARY KEY (account_id, code_hash)
        )
        """,
        """
        CREATE TABLE session (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            token_hash BYTEA NOT NULL CONSTRAINT session_token_hash_unique UNIQUE
                CHECK (length(token_hash) = 32),
            account_id TEXT COLLATE "C" NOT NULL,
            device_id TEXT COLLATE "C" NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
            revision BIGINT NOT NULL CHECK (revision >= 1),
            created_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            second_factor_at BIGINT,
            via_recovery_code BOOLEAN NOT NULL,
            reauthenticated_at BIGINT,
            activated_roles TEXT NOT NULL
                CHECK (activated_roles ~ '\(rolesPattern)'),
            ended_at BIGINT,
            end_reason TEXT CHECK (
                end_reason IN (
                    'logout', 'idle', 'expired', 'revoked', 'switched-user', 'password-changed',
                    'account-disabled', 'device-revoked'
                )
            ),
            CONSTRAINT session_end_complete CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        )
        """,
        // Open sessions by account (the "my sessions" list, ending all of an account's) and by
        // device (a revoked device); ended sessions stay for the record but leave these indexes.
        """
        CREATE INDEX session_open_by_account ON session (account_id, created_at DESC, id DESC)
            WHERE ended_at IS NULL
        """,
        "CREATE INDEX session_open_by_device ON session (device_id) WHERE ended_at IS NULL",
        """
        CREATE TABLE device (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            token_hash BYTEA NOT NULL CONSTRAINT device_token_hash_unique UNIQUE
                CHECK (length(token_hash) = 32),
            owner_account_id TEXT COLLATE "C" NOT NULL,
            revision BIGINT NOT NULL CHECK (revision >= 1),
            first_seen_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            user_agent TEXT NOT NULL,
            ownership TEXT NOT NULL CHECK (ownership IN ('unknown', 'clinic', 'byod')),
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
            decided_by TEXT COLLATE "C",
            decided_at BIGINT
        )
        """,
        "CREATE INDEX device_newest ON device (first_seen_at DESC, id DESC)",
        """
        CREATE TABLE break_glass_grant (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            account_id TEXT COLLATE "C" NOT NULL,
            patient_id TEXT COLLATE "C" NOT NULL,
            sealed_reason BYTEA NOT NULL,
            granted_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            CONSTRAINT break_glass_grant_expires_after_start CHECK (expires_at > granted_at)
        )
        """,
        """
        CREATE INDEX break_glass_grant_active
            ON break_glass_grant (account_id, patient_id, expires_at DESC, id DESC)
        """,
        """
        CREATE TABLE queue_item (
            id TEXT COLLATE "C" PRIMARY KEY CHECK (id ~ '^[!-~]{1,64}$'),
            queue TEXT NOT NULL CHECK (queue IN ('alert', 'review')),
            kind TEXT NOT NULL,
            subject_account_id TEXT COLLATE "C",
            ref_id TEXT COLLATE "C",
            revision BIGINT NOT NULL CHECK (revision >= 1),
            created_at BIGINT NOT NULL,
            closed_by TEXT COLLATE "C",
            closed_at BIGINT,
            outcome TEXT,
            CONSTRAINT queue_item_close_complete CHECK ((closed_at IS NULL) = (closed_by IS NULL))
        )
        """,
        "CREATE INDEX queue_item_newest ON queue_item (queue, created_at DESC, id DESC)",
        """
        CREATE INDEX queue_item_open_newest ON queue_item (queue, created_at DESC, id DESC)
            WHERE closed_at IS NULL
        """,
        // One-time steps (the first administrator's setup code): the primary key is the claim.
        """
        CREATE TABLE once_claim (
            name TEXT COLLATE "C" PRIMARY KEY CHECK (name ~ '^[!-~]{1,64}$'),
            claimed_at BIGINT NOT NULL
        )
        """,
    ]
}
