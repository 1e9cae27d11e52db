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
        )
    ]
}
