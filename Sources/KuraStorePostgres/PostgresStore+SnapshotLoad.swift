import KuraStore
import Logging
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Loads a snapshot into this empty database in one transaction, each table with `COPY …
    /// FROM STDIN`: an interrupted restore leaves the database as empty as it was (BAK-3).
    ///
    /// Leaves become `ledger_pending` rows with id position + 1; the first tree-size of them are
    /// numbered in `ledger_index` and the rest queued for the integrator, and every leaf
    /// reference is translated to its leaf's pending id.
    nonisolated(nonsending) public func loadSnapshot(from source: inout some SnapshotSource) async throws {
        try await translatingDriverErrors {
            try await ready()
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: driverLogger)
                do {
                    try await refuseNonEmpty(connection)
                    for table in PortableSchema.tables {
                        try await load(table, from: &source, on: connection)
                        if table.name == "ledger_head" { try await numberLeaves(on: connection) }
                    }
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: driverLogger)
                    throw error
                }
                try await connection.query("COMMIT", logger: driverLogger)
            }
        }
    }

    private func refuseNonEmpty(_ connection: PostgresConnection) async throws {
        let size = try await connection.query("SELECT size FROM ledger_head WHERE id = 1", logger: driverLogger)
            .collect().first?.decode(Int64.self)
        guard size == 0 else { throw SnapshotError.targetNotEmpty("ledger_head") }
        let tables =
            ["ledger_pending"]
            + PortableSchema.tables.filter { $0 != PortableSchema.ledgerLeaves && !$0.replacesSeed }.map(\.name)
        for name in tables {
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(name))"),
                logger: driverLogger
            ).collect()
            if try rows.first?.decode(Bool.self) == true { throw SnapshotError.targetNotEmpty(name) }
        }
    }

    nonisolated(nonsending) private func load(
        _ table: PortableTable, from source: inout some SnapshotSource, on connection: PostgresConnection
    )
        async throws
    {
        let isLeaves = table == PortableSchema.ledgerLeaves
        if table.replacesSeed {
            try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table.name)"), logger: driverLogger)
        }
        let target = isLeaves ? "ledger_pending" : table.name
        let columns = isLeaves ? ["id", "leaf", "salt", "details", "appended_at"] : table.columns.map(\.name)
        let references = Set(table.leafReferenceColumns)
        var nextPosition: Int64 = 0
        try await connection.copyFrom(table: target, columns: columns, logger: driverLogger) { writer in
            var buffer = ByteBuffer()
            while let rows = try await source.nextRows(of: table) {
                for row in rows {
                    try table.validate(row)
                    if isLeaves {
                        guard row[0] == .integer(nextPosition) else {
                            throw SnapshotError.malformed("the ledger's leaves are not numbered in order from 0")
                        }
                        nextPosition += 1
                    }
                    for (index, value) in row.enumerated() {
                        if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                        // A leaf's position, and a reference to it, become its pending id.
                        if (isLeaves && index == 0) || references.contains(index), case .integer(let position) = value {
                            PostgresCopyText.append(.integer(position + 1), to: &buffer)
                        } else {
                            PostgresCopyText.append(value, to: &buffer)
                        }
                    }
                    buffer.writeInteger(UInt8(ascii: "\n"))
                }
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// After the head: the leaves inside the tree are numbered, the rest queued, and the id
    /// sequence moves past the highest id so that the next append does not collide.
    private func numberLeaves(on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            """
            SELECT h.size, (SELECT count(*) FROM ledger_pending)::bigint FROM ledger_head AS h WHERE h.id = 1
            """,
            logger: driverLogger
        ).collect()
        guard let (size, leaves) = try rows.first?.decode((Int64, Int64).self), size <= leaves else {
            throw SnapshotError.malformed("the ledger head counts more leaves than the snapshot holds")
        }
        try await connection.query(
            "INSERT INTO ledger_index (idx, pending_id) SELECT id - 1, id FROM ledger_pending WHERE id <= \(size)",
            logger: driverLogger
        )
        try await connection.query(
            "INSERT INTO ledger_queue (pending_id) SELECT id FROM ledger_pending WHERE id > \(size)",
            logger: driverLogger
        )
        if leaves > 0 {
            try await connection.query(
                "SELECT setval(pg_get_serial_sequence('ledger_pending', 'id'), \(leaves))",
                logger: driverLogger
            )
        }
    }
}

/// Values in PostgreSQL's `COPY` text format: `\N` for NULL, backslash escapes in text, `\\x`
/// and hex digits for bytes, `t` or `f`.
enum PostgresCopyText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(_ value: PortableValue, to buffer: inout ByteBuffer) {
        switch value {
        case .null:
            buffer.writeStaticString("\\N")
        case .integer(let integer):
            buffer.writeString(String(integer))
        case .boolean(let flag):
            buffer.writeInteger(UInt8(ascii: flag ? "t" : "f"))
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        case .bytes(let bytes):
            buffer.writeStaticString("\\\\x")
            buffer.reserveCapacity(minimumWritableBytes: bytes.count * 2)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bytes.count * 2) { target in
                var offset = 0
                for byte in bytes {
                    target[offset] = hexDigits[Int(byte >> 4)]
                    target[offset + 1] = hexDigits[Int(byte & 0x0F)]
                    offset += 2
                }
                return offset
            }
        }
    }
}
