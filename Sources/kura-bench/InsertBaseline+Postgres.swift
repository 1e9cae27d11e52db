import KuraStore
import KuraStorePostgres
import Logging
import PostgresNIO

extension InsertBaseline {
    /// Inserts into `ledger_pending` of the (migrated) PostgreSQL database at `url` on one
    /// connection, each batch one `INSERT … SELECT FROM unnest(…)` between `BEGIN` and `COMMIT`,
    /// with `synchronous_commit=on` sent at startup as `PostgresStore` sends it.
    func runPostgres(url: String, logger: Logger) async throws -> Result {
        let connection = try await BenchConnection.connect(url: url, logger: logger)
        do {
            let result = try await insert(on: connection, logger: logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func insert(on connection: PostgresConnection, logger: Logger) async throws -> Result {
        var reported: [String] = []
        for setting in ["fsync", "synchronous_commit", "wal_sync_method", "full_page_writes"] {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: "SHOW \(setting)"), logger: logger).collect()
            reported.append("\(setting)=\(try rows.first?.decode(String.self) ?? "?")")
        }
        let durability = reported.joined(separator: ", ")
        guard reported.contains("synchronous_commit=on") else {
            throw BenchError.invalid("the PostgreSQL baseline is not durable: \(durability)")
        }
        let leafColumn = samples.map { ByteBuffer(bytes: $0.leaf) }
        let saltColumn = samples.map { ByteBuffer(bytes: $0.salt) }
        let detailColumn = samples.map { ByteBuffer(bytes: $0.details) }
        let timeColumn = samples.map(\.appendedAt)
        var transactions = 0
        let start = ContinuousClock.now
        for (first, count) in batches {
            let picks = (first..<(first + count)).map { $0 % samples.count }
            let leaves = picks.map { leafColumn[$0] }
            let salts = picks.map { saltColumn[$0] }
            let details = picks.map { detailColumn[$0] }
            let times = picks.map { timeColumn[$0] }
            try await connection.query("BEGIN", logger: logger)
            try await connection.query(
                """
                INSERT INTO ledger_pending (leaf, salt, details, appended_at)
                SELECT * FROM unnest(\(leaves)::bytea[], \(salts)::bytea[], \(details)::bytea[], \(times)::int8[])
                """,
                logger: logger
            )
            try await connection.query("COMMIT", logger: logger)
            transactions += 1
        }
        return Result(total: start.duration(to: .now), transactions: transactions, durability: durability)
    }
}
