import Foundation
import GRDB
import KuraStore

extension InsertBaseline {
    /// Inserts into `ledger_leaf` and `ledger_detail` of the SQLite file at `path` (already
    /// migrated), opened with GRDB exactly as `SQLiteStore` opens it.
    func runSQLite(path: String) async throws -> Result {
        // SQLiteStore.init: the same configuration, then synchronous=FULL on the writer.
        var configuration = Configuration()
        configuration.label = "kura"
        configuration.maximumReaderCount = 4
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        defer { try? pool.close() }
        let durability = try await pool.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            return "journal_mode=\(journal), synchronous=\(synchronous == 2 ? "FULL" : "\(synchronous)")"
        }
        guard durability == "journal_mode=wal, synchronous=FULL" else {
            throw BenchError.invalid("the SQLite baseline is not durable: \(durability)")
        }
        let rows = samples.map {
            (leaf: Data($0.leaf), salt: Data($0.salt), details: Data($0.details), at: $0.appendedAt)
        }
        var transactions = 0
        let start = ContinuousClock.now
        for (first, count) in batches {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let leaf = try db.cachedStatement(sql: "INSERT INTO ledger_leaf (idx, leaf) VALUES (?, ?)")
                    let detail = try db.cachedStatement(
                        sql: "INSERT INTO ledger_detail (idx, salt, details, appended_at) VALUES (?, ?, ?, ?)"
                    )
                    for index in first..<(first + count) {
                        let row = rows[index % rows.count]
                        try leaf.execute(arguments: [index, row.leaf])
                        try detail.execute(arguments: [index, row.salt, row.details, row.at])
                    }
                    return .commit
                }
            }
            transactions += 1
        }
        return Result(total: start.duration(to: .now), transactions: transactions, durability: durability)
    }
}
