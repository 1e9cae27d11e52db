extension PostgresMigration {
    /// Version 3: integration numbers leaves without moving them (BENCHMARKS.md).
    ///
    /// Version 1 inserted every append into `ledger_pending`, then at integration deleted it
    /// there and inserted it again into `ledger_leaf` and `ledger_detail`: three writes of every
    /// row. From version 3 an appended row stays in `ledger_pending` for good and is never
    /// changed; `ledger_queue` lists the rows not numbered yet (a narrow row written with the
    /// append, deleted at integration), and `ledger_index` numbers them (a narrow row written at
    /// integration, never changed). The queue is a table of its own because pending ids are not
    /// numbered in id order alone: a transaction may commit a smaller id after a larger one was
    /// numbered, so "above the highest numbered id" would miss it.
    ///
    /// The rows numbered under version 1 move back into `ledger_pending` under their pending ids
    /// and the version-1 tables go. A ledger whose leaf and details tables do not match one to one
    /// was changed behind Kura's back: the migration refuses it (SQLSTATE XX001, data_corrupted)
    /// and leaves the database at version 2, so that the previous Kura's `kura verify log` can
    /// still name the damage; a migration never drops a ledger row.
    static let ledgerIndex: [String] = [
        // Numbered leaves: contiguous from 0, never renumbered, changed or deleted; `pending_id`
        // is the row in ledger_pending, numbered once.
        """
        CREATE TABLE ledger_index (
            idx BIGINT PRIMARY KEY CHECK (idx >= 0),
            pending_id BIGINT NOT NULL CONSTRAINT ledger_index_pending_unique UNIQUE
        )
        """,
        // Appended rows not numbered yet, in the order the integrator numbers them.
        "CREATE TABLE ledger_queue (pending_id BIGINT PRIMARY KEY)",
        """
        DO $$
        BEGIN
            IF EXISTS (
                SELECT 1 FROM ledger_leaf AS l FULL OUTER JOIN ledger_detail AS d ON d.idx = l.idx
                WHERE l.idx IS NULL OR d.idx IS NULL
            ) THEN
                RAISE EXCEPTION 'the ledger''s leaf and details tables do not match one to one'
                    USING ERRCODE = 'data_corrupted', CONSTRAINT = 'ledger_leaf_detail_one_to_one';
            END IF;
        END
        $$
        """,
        // Before the numbered rows come back: only the rows pending now go into the queue.
        "INSERT INTO ledger_queue (pending_id) SELECT id FROM ledger_pending",
        """
        INSERT INTO ledger_pending (id, leaf, salt, details, appended_at)
        SELECT d.pending_id, l.leaf, d.salt, d.details, d.appended_at
        FROM ledger_leaf AS l JOIN ledger_detail AS d ON d.idx = l.idx
        """,
        "INSERT INTO ledger_index (idx, pending_id) SELECT idx, pending_id FROM ledger_detail",
        "DROP TABLE ledger_leaf",
        "DROP TABLE ledger_detail",
    ]
}
