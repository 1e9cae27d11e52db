import Foundation
import GRDB
import KuraCore
import KuraStore

extension SQLiteStore {
    /// The newest stored checkpoint, or nil.
    public func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint? {
        try await mapped {
            try await pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: "SELECT size, root, note, sealed_at FROM ledger_checkpoint ORDER BY size DESC LIMIT 1"
                ).map(Self.checkpoint(from:))
            }
        }
    }

    /// Leaves numbered at or beyond the head's size, in index order.
    public func pendingLeaves(limit: Int) async throws(StoreError) -> [PendingLeaf] {
        try await mapped {
            try await pool.read { db in
                let size = try Self.head(db).size
                return try Row.fetchAll(
                    db,
                    sql: "SELECT idx, leaf FROM ledger_leaf WHERE idx >= ? ORDER BY idx LIMIT ?",
                    arguments: [Int64(size), limit]
                ).map { row in
                    PendingLeaf(id: LeafID(rawValue: row["idx"]), leaf: [UInt8](row["leaf"] as Data))
                }
            }
        }
    }

    /// Stores tiles, the checkpoint and the new head in one transaction after checking that
    /// the head is still `previousSize`/`previousRoot` and that the leaves are the next ones.
    public func integrate(_ integration: LedgerIntegration) async throws(StoreError) {
        if let error = integration.validationError { throw error }
        try await mapped {
            try await pool.write { db in
                let head = try Self.head(db)
                guard head.size == integration.previousSize, head.root == integration.previousRoot else {
                    throw StoreError.conflict("ledger head moved")
                }
                for (offset, id) in integration.leaves.enumerated() {
                    guard id.rawValue == Int64(integration.previousSize) + Int64(offset) else {
                        throw StoreError.conflict("leaves out of order")
                    }
                }
                let newSize = integration.checkpoint.size
                if let last = integration.leaves.last {
                    let present = try Int64.fetchOne(
                        db,
                        sql: "SELECT count(*) FROM ledger_leaf WHERE idx BETWEEN ? AND ?",
                        arguments: [Int64(integration.previousSize), last.rawValue]
                    )
                    guard present == Int64(integration.leaves.count) else {
                        throw StoreError.conflict("pending leaves missing")
                    }
                }
                let upsert = try db.cachedStatement(
                    sql: """
                        INSERT INTO ledger_tile (level, idx, hashes) VALUES (?, ?, ?)
                        ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes
                        """
                )
                for tile in integration.tiles {
                    try upsert.execute(arguments: [tile.level, Int64(tile.index), Data(tile.hashes)])
                }
                try db.execute(
                    sql: "INSERT INTO ledger_checkpoint (size, root, note, sealed_at) VALUES (?, ?, ?, ?)",
                    arguments: [
                        Int64(newSize), Data(integration.checkpoint.root.bytes), Data(integration.checkpoint.note),
                        integration.checkpoint.sealedAt,
                    ]
                )
                try db.execute(
                    sql: "UPDATE ledger_head SET size = ?, root = ? WHERE id = 1",
                    arguments: [Int64(newSize), Data(integration.checkpoint.root.bytes)]
                )
            }
        }
    }

    /// The stored tile, full or partial.
    public func tile(level: Int, index: UInt64) async throws(StoreError) -> StoredTile? {
        try await mapped {
            try await pool.read { db in
                try Data.fetchOne(
                    db,
                    sql: "SELECT hashes FROM ledger_tile WHERE level = ? AND idx = ?",
                    arguments: [level, Int64(index)]
                ).map { StoredTile(level: level, index: index, hashes: [UInt8]($0)) }
            }
        }
    }

    /// The stored tiles of `level` in `range`, in index order.
    public func tiles(level: Int, in range: Range<UInt64>) async throws(StoreError) -> [StoredTile] {
        try await mapped {
            try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT idx, hashes FROM ledger_tile WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx",
                    arguments: [level, Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)]
                ).map { row in
                    StoredTile(level: level, index: UInt64(row[0] as Int64), hashes: [UInt8](row[1] as Data))
                }
            }
        }
    }

    /// The leaf bytes in `range`, in index order.
    public func leaves(in range: Range<UInt64>) async throws(StoreError) -> [[UInt8]] {
        try await mapped {
            try await pool.read { db in
                try Data.fetchAll(
                    db,
                    sql: "SELECT leaf FROM ledger_leaf WHERE idx >= ? AND idx < ? ORDER BY idx",
                    arguments: [Int64(range.lowerBound), Int64(range.upperBound)]
                ).map { [UInt8]($0) }
            }
        }
    }

    /// Integrated when below the head's size, pending when stored beyond it, else unknown.
    public func status(of id: LeafID) async throws(StoreError) -> LeafStatus {
        try await mapped {
            try await pool.read { db in
                guard id.rawValue >= 0 else { return .unknown }
                let size = try Self.head(db).size
                if UInt64(id.rawValue) < size {
                    return .integrated(index: UInt64(id.rawValue))
                }
                let exists =
                    try Bool.fetchOne(
                        db,
                        sql: "SELECT EXISTS (SELECT 1 FROM ledger_leaf WHERE idx = ?)",
                        arguments: [id.rawValue]
                    ) ?? false
                return exists ? .pending : .unknown
            }
        }
    }

    /// Leaf and details rows joined on the index; a missing side is nil.
    public func rows(in range: Range<UInt64>) async throws(StoreError) -> LedgerRowBatch {
        try await mapped {
            try await pool.read { db in try SQLiteLedgerRowReader.rows(in: range, db: db) }
        }
    }

    /// One past the highest index in either table.
    public func storedExtent() async throws(StoreError) -> UInt64 {
        try await mapped {
            try await pool.read { db in
                UInt64(try Self.nextLeafIndex(db))
            }
        }
    }

    /// Every stored checkpoint, oldest first.
    public func checkpoints() async throws(StoreError) -> [StoredCheckpoint] {
        try await mapped {
            try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT size, root, note, sealed_at FROM ledger_checkpoint ORDER BY size"
                ).map(Self.checkpoint(from:))
            }
        }
    }

    static func head(_ db: Database) throws -> (size: UInt64, root: LogHash) {
        guard let row = try Row.fetchOne(db, sql: "SELECT size, root FROM ledger_head WHERE id = 1"),
            let root = LogHash(bytes: row["root"] as Data)
        else {
            throw StoreError.corrupt("ledger head missing")
        }
        return (UInt64(row["size"] as Int64), root)
    }

    static func checkpoint(from row: Row) throws -> StoredCheckpoint {
        guard let root = LogHash(bytes: row["root"] as Data) else {
            throw StoreError.corrupt("checkpoint root is not 32 bytes")
        }
        return StoredCheckpoint(
            size: UInt64(row["size"] as Int64),
            root: root,
            note: [UInt8](row["note"] as Data),
            sealedAt: row["sealed_at"]
        )
    }
}
