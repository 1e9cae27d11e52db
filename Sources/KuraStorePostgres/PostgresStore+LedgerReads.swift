import KuraCore
import KuraStore
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
                "SELECT leaf FROM ledger_leaf WHERE idx >= \(lower) AND idx < \(upper) ORDER BY idx",
                logger: driverLogger
            )
            for try await leaf in rows.decode(ByteBuffer.self) {
                leaves.append(Array(leaf.readableBytesView))
            }
            return leaves
        }
    }

    /// The numbered rows with `index` in `range`, leaf and details joined on the index with a
    /// full outer join, so that a row missing on either side shows as nil there (the verifier
    /// reports it). The bytes are copied once, from the driver's buffers into the batch.
    public func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch {
        try await ready()
        guard let (lower, upper) = Self.bounds(range) else { return LedgerRowBatch() }
        return try await withConnection { connection in
            let expected = Int(upper - lower)
            var batch = LedgerRowBatch(reservingRows: expected, bytes: expected * 320)
            let rows = try await connection.query(
                """
                SELECT COALESCE(l.idx, d.idx), l.leaf, d.salt, d.details
                FROM (SELECT idx, leaf FROM ledger_leaf WHERE idx >= \(lower) AND idx < \(upper)) AS l
                FULL OUTER JOIN (
                    SELECT idx, salt, details FROM ledger_detail WHERE idx >= \(lower) AND idx < \(upper)
                ) AS d ON l.idx = d.idx
                ORDER BY 1
                """,
                logger: driverLogger
            )
            typealias Columns = (Int64, ByteBuffer?, ByteBuffer?, ByteBuffer?)
            for try await (index, leaf, salt, details) in rows.decode(Columns.self) {
                guard index >= 0 else { throw StoreError.corrupt("a negative leaf index") }
                // Salt and details are columns of one details row: both there or both missing.
                let detailsRow = salt.flatMap { salt in details.map { (salt, $0) } }
                Self.withBytes(leaf) { leaf in
                    Self.withBytes(detailsRow?.0) { salt in
                        Self.withBytes(detailsRow?.1) { details in
                            batch.append(index: UInt64(index), leaf: leaf, salt: salt, details: details)
                        }
                    }
                }
            }
            return batch
        }
    }

    /// Calls `body` with the readable bytes of `buffer`, or nil.
    private static func withBytes<Result>(
        _ buffer: ByteBuffer?, _ body: (UnsafeRawBufferPointer?) throws -> Result
    ) rethrows -> Result {
        guard let buffer else { return try body(nil) }
        return try buffer.withUnsafeReadableBytes { try body($0) }
    }

    /// The highest index present in either the leaf or the details table, plus one (0 if none).
    public func storedExtent() async throws(StoreError) -> UInt64 {
        try await ready()
        let rows = try await rows(
            of: "SELECT GREATEST((SELECT max(idx) FROM ledger_leaf), (SELECT max(idx) FROM ledger_detail))"
        )
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
