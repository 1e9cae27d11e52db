import Logging
import PostgresNIO

extension ReadBaseline {
    /// Reads every appended row (leaf, salt and details: one row each in `ledger_pending`) of the
    /// PostgreSQL database at `url` in one query in id order, streamed by the driver, and hashes
    /// each row's bytes in the driver's buffers. The numbering (`ledger_index`) is not read: the
    /// floor is the rows themselves.
    func runPostgres(url: String, logger: Logger) async throws -> Result {
        let start = ContinuousClock.now
        let connection = try await BenchConnection.connect(url: url, logger: logger)
        do {
            var hasher = BaselineHasher()
            var count = 0
            let rows = try await connection.query(
                """
                SELECT leaf, salt, details FROM ledger_pending ORDER BY id
                """,
                logger: logger
            )
            for try await (leaf, salt, details) in rows.decode((ByteBuffer, ByteBuffer, ByteBuffer).self) {
                leaf.withUnsafeReadableBytes { leaf in
                    salt.withUnsafeReadableBytes { salt in
                        details.withUnsafeReadableBytes { details in
                            hasher.hash(leaf: leaf, salt: salt, details: details)
                        }
                    }
                }
                count += 1
            }
            try await connection.close()
            return Result(total: start.duration(to: .now), rows: count, hashes: hasher.hashes)
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
