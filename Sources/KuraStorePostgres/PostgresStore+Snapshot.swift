import KuraStore
import Logging
import NIOCore
import PostgresNIO

extension PostgresStore: SnapshotStore {
    /// Streams every table from one `REPEATABLE READ READ ONLY` transaction: the snapshot is the
    /// database as of its first query, while the server goes on writing (BAK-1).
    ///
    /// Leaves are numbered in `ledger_index`; a leaf still queued for the integrator gets the
    /// position the integrator would give it (after every numbered one, in pending-id order), and
    /// a leaf reference (a pending id here) is written as its leaf's position.
    nonisolated(nonsending) public func writeSnapshot(to sink: inout some SnapshotSink) async throws -> SnapshotSummary
    {
        try await translatingDriverErrors {
            try await ready()
            return try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: driverLogger)
                do {
                    let summary = try await writeSnapshot(on: connection, to: &sink)
                    try await connection.query("COMMIT", logger: driverLogger)
                    return summary
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: driverLogger)
                    throw error
                }
            }
        }
    }

    nonisolated(nonsending) private func writeSnapshot(
        on connection: PostgresConnection, to sink: inout some SnapshotSink
    ) async throws
        -> SnapshotSummary
    {
        let version =
            try await connection.query(
                "SELECT coalesce(max(version), 0)::bigint FROM kura_schema_version",
                logger: driverLogger
            ).collect().first?.decode(Int64.self) ?? 0
        guard
            let size = try await connection.query("SELECT size FROM ledger_head WHERE id = 1", logger: driverLogger)
                .collect().first?.decode(Int64.self)
        else { throw StoreError.corrupt("ledger head missing") }
        let checkpoint = try await connection.query(
            "SELECT note FROM ledger_checkpoint ORDER BY size DESC LIMIT 1",
            logger: driverLogger
        ).collect().first?.decode(ByteBuffer.self)
        var summary = SnapshotSummary(
            schemaVersion: Int(version),
            treeSize: size,
            latestCheckpoint: checkpoint.map { Array($0.readableBytesView) },
            rowCounts: [:]
        )
        let queued = try await writeLeaves(on: connection, treeSize: size, to: &sink, summary: &summary)
        for table in PortableSchema.tables where table != PortableSchema.ledgerLeaves {
            try sink.begin(table)
            let rows = try await connection.query(Self.selectAll(table), logger: driverLogger)
            for try await row in rows {
                var values = try Self.portableRow(row, of: table)
                for column in table.leafReferenceColumns {
                    // Numbered leaves came back as their index; queued ones as minus their id.
                    guard case .integer(let reference) = values[column], reference < 0 else { continue }
                    guard let position = queued[-reference] else {
                        throw StoreError.corrupt("\(table.name) refers to a leaf that is not in the log")
                    }
                    values[column] = .integer(position)
                }
                try sink.write(values)
                summary.count(table)
            }
            try sink.end(table)
        }
        return summary
    }

    /// Writes the numbered leaves, then the queued ones; returns each queued leaf's position by
    /// its pending id.
    nonisolated(nonsending) private func writeLeaves(
        on connection: PostgresConnection,
        treeSize: Int64,
        to sink: inout some SnapshotSink,
        summary: inout SnapshotSummary
    ) async throws -> [Int64: Int64] {
        let table = PortableSchema.ledgerLeaves
        try sink.begin(table)
        var position: Int64 = 0
        let numbered = try await connection.query(
            """
            SELECT i.idx, p.leaf, p.salt, p.details, p.appended_at
            FROM ledger_index AS i JOIN ledger_pending AS p ON p.id = i.pending_id ORDER BY i.idx
            """,
            logger: driverLogger
        )
        for try await row in numbered {
            let values = try Self.portableRow(row, of: table)
            guard values[0] == .integer(position) else { throw StoreError.corrupt("a gap in the ledger's numbering") }
            try sink.write(values)
            summary.count(table)
            position += 1
        }
        guard position == treeSize else { throw StoreError.corrupt("the ledger head disagrees with its numbering") }
        var queued: [Int64: Int64] = [:]
        let pending = try await connection.query(
            """
            SELECT p.id, p.leaf, p.salt, p.details, p.appended_at
            FROM ledger_queue AS q JOIN ledger_pending AS p ON p.id = q.pending_id ORDER BY p.id
            """,
            logger: driverLogger
        )
        for try await row in pending {
            var values = try Self.portableRow(row, of: table)
            guard case .integer(let id) = values[0] else { throw StoreError.corrupt("a pending leaf without an id") }
            queued[id] = position
            values[0] = .integer(position)
            try sink.write(values)
            summary.count(table)
            position += 1
        }
        try sink.end(table)
        return queued
    }

    /// `SELECT` of a table's columns in key order, comparing text by bytes; a leaf reference is
    /// its leaf's index, or minus its pending id while the leaf waits for the integrator.
    private static func selectAll(_ table: PortableTable) -> PostgresQuery {
        let columns = table.columns.map { column in
            column.isLeafReference
                ? "coalesce((SELECT i.idx FROM ledger_index AS i WHERE i.pending_id = t.\(column.name)), "
                    + "-t.\(column.name))"
                : "t.\(column.name)"
        }
        let order = table.key.map { key in
            table.columns.first { $0.name == key }?.type == .text ? "t.\(key) COLLATE \"C\"" : "t.\(key)"
        }
        return PostgresQuery(
            unsafeSQL: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) AS t "
                + "ORDER BY \(order.joined(separator: ", "))"
        )
    }

    private static func portableRow(_ row: PostgresRow, of table: PortableTable) throws -> [PortableValue] {
        var values: [PortableValue] = []
        values.reserveCapacity(table.columns.count)
        for (column, cell) in zip(table.columns, row) {
            guard cell.bytes != nil else {
                guard column.nullable else { throw StoreError.corrupt("\(table.name).\(column.name) is NULL") }
                values.append(.null)
                continue
            }
            switch column.type {
            case .integer:
                values.append(.integer(try cell.decode(Int64.self)))
            case .text:
                values.append(.text(try cell.decode(String.self)))
            case .bytes:
                values.append(.bytes(Array(try cell.decode(ByteBuffer.self).readableBytesView)))
            case .boolean:
                values.append(.boolean(try cell.decode(Bool.self)))
            }
        }
        guard values.count == table.columns.count else {
            throw StoreError.corrupt("\(table.name) has another number of columns than expected")
        }
        return values
    }

    /// Runs `body`, turning the driver's errors into ``SnapshotError/store(_:)``; the sink's and
    /// the source's own errors (a full disk, a damaged file) pass through as they are.
    nonisolated(nonsending) func translatingDriverErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SnapshotError {
            throw error
        } catch let error as StoreError {
            throw SnapshotError.store(error)
        } catch let error as PSQLError {
            throw SnapshotError.store(StoreError(postgres: error))
        } catch let error as PostgresDecodingError {
            _ = error
            throw SnapshotError.store(.corrupt("a stored value does not decode"))
        }
    }
}
