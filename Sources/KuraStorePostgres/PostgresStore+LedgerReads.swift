import KuraCore
import KuraStore
import Logging
import PostgresNIO

extension PostgresStore: LedgerStore {
    /// The newest stored checkpoint, or nil for a log with no checkpoint yet.
    public func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint? {
        try await ready()
        return try await checkpoints(
            "SELECT size, root, note, sealed_at FROM ledger_checkpoint ORDER BY size DESC LIMIT 1"
        ).first
    }

    /// Every stored checkpoint, oldest (smallest) first; for the verifier.
    public func checkpoints() async throws(StoreError) -> [StoredCheckpoint] {
        try await ready()
        return try await checkpoints("SELECT size, root, note, sealed_at FROM ledger_checkpoint ORDER BY size")
    }

    /// The stored tile at (`level`, `index`), full or partial, or nil.
    public func tile(level: Int, index: UInt64) async throws(StoreError) -> StoredTile? {
        try await ready()
        guard let level = Int32(exactly: level), let idx = Int64(exactly: index) else { return nil }
        return try await withConnection { connection in
            let rows = try await connection.query(
                "SELECT hashes FROM ledger_tile WHERE level = \(level) AND idx = \(idx)",
                logger: driverLogger
            ).collect()
            guard let hashes = try rows.first?.decode(ByteBuffer.self) else { return nil }
            return StoredTile(level: Int(level), index: index, hashes: Array(hashes.readableBytesView))
        }
    }

    /// The stored tiles of `level` with an index in `range`, in index order.
    public func tiles(level: Int, in range: Range<UInt64>) async throws(StoreError) -> [StoredTile] {
        try await ready()
        guard let level = Int32(exactly: level), let (lower, upper) = Self.bounds(range) else { return [] }
        return try await withConnection { connection in
            var tiles: [StoredTile] = []
            let rows = try await connection.query(
                """
                SELECT idx, hashes FROM ledger_tile
                WHERE level = \(level) AND idx >= \(lower) AND idx < \(upper) ORDER BY idx
                """,
                logger: driverLogger
            )
            for try await (index, hashes) in rows.decode((Int64, ByteBuffer).self) {
                guard index >= 0 else { throw StoreError.corrupt("a negative tile index") }
                tiles.append(
                    StoredTile(level: Int(level), index: UInt64(index), hashes: Array(hashes.readableBytesView)))
            }
            return tiles
        }
    }

    /// The leaf bytes of indices `range` that exist, in order.
    public func leaves(in range: Range<UInt64>) async throws(StoreError) -> [[UInt8]] {
        try await ready()
        guard let (lower, upper) = Self.bounds(range) else { return [] }
        return try await withConnection { connection in
            var leaves: [[UInt8]] = []
            let rows = try await connection.query(
                """
                SELECT p.leaf FROM ledger_index AS i JOIN ledger_pending AS p ON p.id = i.pending_id
                WHERE i.idx >= \(lower) AND i.idx < \(upper) ORDER BY i.idx
                """,
                logger: driverLogger
            )
            for try await leaf in rows.decode(ByteBuffer.self) {
                leaves.append(Array(leaf.readableBytesView))
            }
            return leaves
        }
    }

    /// The numbered rows with `index` in `range`: each `ledger_index` row with the appended row
    /// it numbers. A numbered row whose appended row is gone is left out, so the verifier
    /// reports "no leaf and no details row" at its index; leaf and details are one row here and
    /// cannot go missing apart.
    ///
    /// Read as one result row per query and joined here: first the numbering of the range (two
    /// arrays), then the appended rows by ranges of their ids (``PostgresFramedRows``), each a
    /// primary-key range scan whatever the planner's statistics say. The integrator numbers rows
    /// in id order, so a batch is one id range unless a late commit was numbered among later ids
    /// (``PostgresLedgerRange``). Each byte is copied once, from the driver's buffer into the
    /// batch: the driver's work per result row would cost more than the verifier's checks.
    public func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch {
        try await ready()
        guard let (lower, upper) = Self.bounds(range) else { return LedgerRowBatch() }
        return try await withConnection { connection in
            let numbering = try await Self.arrays(
                """
                SELECT array_agg(idx), array_agg(pending_id) FROM ledger_index
                WHERE idx >= \(lower) AND idx < \(upper)
                """,
                columns: 2,
                on: connection,
                logger: driverLogger
            )
            var join = try PostgresLedgerRange(indices: numbering[0], pendingIDs: numbering[1])
            for ids in join.idRanges {
                let rows = try await Self.framedRows(
                    """
                    SELECT string_agg(
                        int8send(id) || int4send(length(leaf)) || leaf || int4send(length(salt)) || salt
                            || int4send(length(details)) || details,
                        ''::bytea
                    )
                    FROM ledger_pending WHERE id >= \(ids.lowerBound) AND id <= \(ids.upperBound)
                    """,
                    columns: 3,
                    on: connection,
                    logger: driverLogger
                )
                join.add(rows)
            }
            return join.batch()
        }
    }

    /// Runs a query answering packed values (``PostgresFramedRows``) and locates their rows.
    static func framedRows(
        _ query: PostgresQuery, columns: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> PostgresFramedRows {
        var packed: [ByteBuffer?] = []
        for try await value in try await connection.query(query, logger: logger).decode(ByteBuffer?.self) {
            packed.append(value)
        }
        return try PostgresFramedRows(packed, columns: columns)
    }

    /// Runs a query answering one row of `columns` arrays and locates their elements.
    static func arrays(
        _ query: PostgresQuery, columns: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [PostgresBinaryArray] {
        let rows = try await connection.query(query, logger: logger).collect()
        guard let row = rows.first else { return Array(repeating: try PostgresBinaryArray(nil), count: columns) }
        var arrays: [PostgresBinaryArray] = []
        for cell in row {
            arrays.append(try PostgresBinaryArray(cell.bytes))
        }
        guard arrays.count == columns, arrays.allSatisfy({ $0.elements.count == arrays[0].elements.count }) else {
            throw StoreError.corrupt("the row arrays differ in length")
        }
        return arrays
    }

    /// The highest numbered index plus one (0 if none).
    public func storedExtent() async throws(StoreError) -> UInt64 {
        try await ready()
        let rows = try await rows(of: "SELECT max(idx) FROM ledger_index")
        let highest: Int64?
        do {
            highest = try rows.first?.decode(Int64?.self) ?? nil
        } catch {
            throw StoreError(postgres: error)
        }
        guard let highest else { return 0 }
        guard highest >= 0 else { throw .corrupt("a negative leaf index") }
        return UInt64(highest) + 1
    }

    /// Reads checkpoints with `query` (columns size, root, note, sealed_at).
    private func checkpoints(_ query: PostgresQuery) async throws(StoreError) -> [StoredCheckpoint] {
        try await withConnection { connection in
            var result: [StoredCheckpoint] = []
            let rows = try await connection.query(query, logger: driverLogger)
            for try await (size, root, note, sealedAt) in rows.decode((Int64, ByteBuffer, ByteBuffer, Int64).self) {
                guard size >= 0, let hash = LogHash(bytes: root.readableBytesView) else {
                    throw StoreError.corrupt("a checkpoint row has a malformed size or root")
                }
                let note = Array(note.readableBytesView)
                result.append(StoredCheckpoint(size: UInt64(size), root: hash, note: note, sealedAt: sealedAt))
            }
            return result
        }
    }

    /// A range of indices as BIGINT bounds, clamped to the column's range; nil when empty.
    private static func bounds(_ range: Range<UInt64>) -> (Int64, Int64)? {
        let limit = UInt64(Int64.max)
        guard range.lowerBound < limit, !range.isEmpty else { return nil }
        return (Int64(range.lowerBound), Int64(min(range.upperBound, limit)))
    }
}
