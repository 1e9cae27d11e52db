import KuraStore

/// Phase 3a: the same rows the append path writes, inserted straight into a fresh database of
/// the same schema in transactions of `batchSize` leaves, one transaction after the other,
/// with the same durability (SQLite WAL + `synchronous=FULL`; PostgreSQL
/// `synchronous_commit=on`). No group commit, no savepoints, no checkpointer: the ceiling the
/// append path is measured against.
struct InsertBaseline {
    /// What the phase measured.
    struct Result {
        /// Wall time for all leaves.
        var total: Duration
        /// Transactions committed.
        var transactions: Int
        /// The settings that decide durability, as the database reported them.
        var durability: String
    }

    let leaves: Int
    let batchSize: Int
    /// Rows built by ``LedgerEvents`` (the same bytes the append path writes), reused
    /// round-robin; only the index (SQLite) or sequence id (PostgreSQL) differs per row.
    let samples: [LedgerAppend]

    /// The batches as (first leaf index, count).
    var batches: [(start: Int, count: Int)] {
        stride(from: 0, to: leaves, by: batchSize).map { start in (start: start, count: min(batchSize, leaves - start))
        }
    }
}
