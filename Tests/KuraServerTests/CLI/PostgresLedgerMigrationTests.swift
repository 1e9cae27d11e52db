import KuraTesting
import Testing

/// PostgreSQL schema version 3 (integration numbers rows without moving them): a log written
/// under version 2 keeps every leaf at its index, and a damaged one is refused untouched.
@Suite(
    "PostgreSQL ledger migration to version 3",
    .enabled(if: KuraBinary.isAvailable && TestBackend.available.contains(.postgres))
)
struct PostgresLedgerMigrationTests {
    /// Turns a current log back into the tables version 2 left (`ledger_leaf`, `ledger_detail`,
    /// the pending queue holding only unnumbered rows, no record tables of version 4, no compliance table of version 5) plus one
    /// row still pending, as an older Kura would hand it over.
    static let downgrade = """
        CREATE TABLE ledger_leaf (
            idx BIGINT PRIMARY KEY CHECK (idx >= 0),
            leaf BYTEA NOT NULL CHECK (length(leaf) BETWEEN 1 AND 65535)
        );
        CREATE TABLE ledger_detail (
            idx BIGINT PRIMARY KEY CHECK (idx >= 0),
            pending_id BIGINT UNIQUE NOT NULL,
            salt BYTEA NOT NULL CHECK (length(salt) = 32),
            details BYTEA NOT NULL,
            appended_at BIGINT NOT NULL
        );
        INSERT INTO ledger_leaf (idx, leaf)
            SELECT i.idx, p.leaf FROM ledger_index AS i JOIN ledger_pending AS p ON p.id = i.pending_id;
        INSERT INTO ledger_detail (idx, pending_id, salt, details, appended_at)
            SELECT i.idx, p.id, p.salt, p.details, p.appended_at
            FROM ledger_index AS i JOIN ledger_pending AS p ON p.id = i.pending_id;
        DELETE FROM ledger_pending WHERE id IN (SELECT pending_id FROM ledger_index);
        DROP TABLE ledger_index;
        DROP TABLE ledger_queue;
        DROP TABLE patient, care_team_member, patient_list, entry, record_version, audit_event,
            audit_event_patient, attachment, attachment_chunk;
        DROP TABLE compliance_version;
        DELETE FROM kura_schema_version WHERE version >= 3;
        INSERT INTO ledger_pending (leaf, salt, details, appended_at)
            VALUES ('\\x7b7d', decode(repeat('00', 32), 'hex'), '\\x7b7d', 1);
        """

    @Test("a version 2 log migrates with every leaf at its index and its pending row still queued")
    func migrates() async throws {
        try await PopulatedLog.with(.postgres) { log in
            let before = try await log.raw.integers("SELECT count(*) FROM ledger_index")
            try await log.raw.execute(Self.downgrade)
            #expect(try await log.raw.integers("SELECT max(version) FROM kura_schema_version") == [2])

            let migrate = try await log.kura(["migrate"] + log.databaseArguments)
            #expect(migrate.status == 0, "\(migrate.error)")
            // Version 3 and every later one (4: the record tables; 5: the compliance documents;
            // 6: patients by their last change).
            #expect(try await log.raw.integers("SELECT max(version) FROM kura_schema_version") == [6])
            #expect(try await log.raw.integers("SELECT count(*) FROM ledger_index") == before)
            #expect(try await log.raw.integers("SELECT count(*) FROM ledger_queue") == [1])
            let verify = try await log.kura(["verify", "log"] + log.databaseArguments)
            #expect(verify.status == 0, "\(verify.error)")
            #expect(verify.output.contains("log verified"))
        }
    }

    @Test("a version 2 log whose leaf and details tables differ is refused and left at version 2")
    func refusesDamage() async throws {
        try await PopulatedLog.with(.postgres) { log in
            try await log.raw.execute(Self.downgrade)
            try await log.raw.execute("DELETE FROM ledger_detail WHERE idx = 7")

            let migrate = try await log.kura(["migrate"] + log.databaseArguments)
            #expect(migrate.status != 0)
            #expect(migrate.error.contains("ledger_leaf_detail_one_to_one"), "\(migrate.error)")
            #expect(try await log.raw.integers("SELECT max(version) FROM kura_schema_version") == [2])
            #expect(try await log.raw.integers("SELECT count(*) FROM ledger_leaf WHERE idx = 7") == [1])
        }
    }
}
