import KuraCore
import KuraStore
import PostgresNIO

extension PostgresStore {
    /// Numbers leaves, stores tiles and the checkpoint in one transaction (compare-and-swap).
    ///
    /// Under `pg_advisory_xact_lock` and the head row's `FOR UPDATE` (DESIGN "Sequencing"): the
    /// head must still be (`previousSize`, `previousRoot`) and every listed id must still be
    /// queued, else ``StoreError/conflict(_:)`` and nothing is written. In one statement the ids
    /// leave `ledger_queue` and are numbered `previousSize + position` in `ledger_index`; the
    /// rows themselves stay where the append put them (schema version 3: two narrow rows per
    /// leaf instead of moving the whole row). Tiles are upserted, the checkpoint inserted and
    /// the head advanced to it.
    ///
    /// - Throws: ``StoreError/constraintViolation(_:)`` when the checkpoint's size is not
    ///   `previousSize + leaves.count` (the head would stop counting the leaves) or a value does
    ///   not fit a column.
    public func integrate(_ integration: LedgerIntegration) async throws(StoreError) {
        try await ready()
        let previousSize = try Self.int64(integration.previousSize, "previous size")
        if let error = integration.validationError { throw error }
        let newSize = try Self.int64(integration.checkpoint.size, "checkpoint size")
        let pendingIDs = integration.leaves.map(\.rawValue)
        var levels: [Int32] = []
        var indices: [Int64] = []
        var hashes: [ByteBuffer] = []
        for tile in integration.tiles {
            guard let level = Int32(exactly: tile.level) else { throw .constraintViolation("tile level out of range") }
            levels.append(level)
            indices.append(try Self.int64(tile.index, "tile index"))
            hashes.append(ByteBuffer(bytes: tile.hashes))
        }
        let previousRoot = integration.previousRoot.bytes
        let checkpoint = integration.checkpoint
        let newRoot = ByteBuffer(bytes: checkpoint.root.bytes)
        let note = ByteBuffer(bytes: checkpoint.note)

        try await withTransaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresAdvisoryLock.integration))",
                logger: driverLogger
            )
            let heads = try await connection.query(
                "SELECT size, root FROM ledger_head WHERE id = 1 FOR UPDATE",
                logger: driverLogger
            ).collect()
            guard let head = heads.first else { throw StoreError.corrupt("the ledger head row is missing") }
            let (size, root) = try head.decode((Int64, ByteBuffer).self)
            guard size == previousSize, Array(root.readableBytesView) == previousRoot else {
                throw StoreError.conflict("the ledger head is no longer at the integrator's previous size and root")
            }

            if !pendingIDs.isEmpty {
                let numbered = try await connection.query(
                    """
                    WITH input AS (
                        SELECT pending_id, n FROM unnest(\(pendingIDs)::int8[]) WITH ORDINALITY AS u(pending_id, n)
                    ), dequeued AS (
                        DELETE FROM ledger_queue AS q USING input
                        WHERE q.pending_id = input.pending_id
                        RETURNING q.pending_id, input.n
                    ), numbered AS (
                        INSERT INTO ledger_index (idx, pending_id)
                        SELECT \(previousSize)::int8 + dequeued.n - 1, dequeued.pending_id FROM dequeued
                    )
                    SELECT count(*) FROM dequeued
                    """,
                    logger: driverLogger
                ).collect()
                // A listed id that is gone (integrated by someone else) or listed twice.
                guard try numbered.first?.decode(Int64.self) == Int64(pendingIDs.count) else {
                    throw StoreError.conflict("a listed leaf is not pending")
                }
            }

            if !levels.isEmpty {
                try await connection.query(
                    """
                    INSERT INTO ledger_tile (level, idx, hashes)
                    SELECT * FROM unnest(\(levels)::int4[], \(indices)::int8[], \(hashes)::bytea[])
                    ON CONFLICT (level, idx) DO UPDATE SET hashes = EXCLUDED.hashes
                    """,
                    logger: driverLogger
                )
            }

            try await connection.query(
                """
                INSERT INTO ledger_checkpoint (size, root, note, sealed_at)
                VALUES (\(newSize), \(newRoot), \(note), \(checkpoint.sealedAt))
                """,
                logger: driverLogger
            )
            try await connection.query(
                "UPDATE ledger_head SET size = \(newSize), root = \(newRoot) WHERE id = 1",
                logger: driverLogger
            )
        }
    }

    /// Converts an index or size to a BIGINT column value.
    static func int64(_ value: UInt64, _ what: String) throws(StoreError) -> Int64 {
        guard let converted = Int64(exactly: value) else { throw .constraintViolation("\(what) out of range") }
        return converted
    }
}
