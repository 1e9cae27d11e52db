import KuraStore
import PostgresNIO

extension PostgresStore {
    /// Inserts `appends` into the pending queue with one statement and returns their ids, in order
    /// and ascending: each row into `ledger_pending`, where it stays for good, and its id into
    /// `ledger_queue`, which the integrator empties (schema version 3).
    ///
    /// The ids are reserved first (`nextval` once per row), sorted, and the n-th append is stored
    /// with the n-th smallest: the mapping from position to id is exact by construction and needs
    /// no assumption about the order in which PostgreSQL inserts or returns rows. A modifying
    /// CTE always runs to completion even though the outer query does not read it.
    func appendPending(_ appends: [LedgerAppend], on connection: PostgresConnection) async throws -> [LeafID] {
        let statement = AppendPendingStatement(
            leaves: appends.map { ByteBuffer(bytes: $0.leaf) },
            salts: appends.map { ByteBuffer(bytes: $0.salt) },
            details: appends.map { ByteBuffer(bytes: $0.details) },
            times: appends.map(\.appendedAt)
        )
        var ids: [Int64]?
        for try await row in try await connection.execute(statement, logger: driverLogger) {
            ids = row
        }
        guard let ids, ids.count == appends.count else {
            throw StoreError.corrupt("the pending insert returned the wrong number of ids")
        }
        return ids.map { LeafID(rawValue: $0) }
    }

    /// Up to `limit` leaves of the queue in the order they must be numbered (by id).
    ///
    /// The queue's ids first, then the leaves by ranges of ids, each packed into one value
    /// (``PostgresFramedRows``) and each a primary-key range scan whatever the planner's
    /// statistics say (as ``rows(in:)``): the integrator reads every leaf of the log once.
    public func pendingLeaves(limit: Int) async throws(StoreError) -> [PendingLeaf] {
        try await ready()
        guard limit > 0 else { return [] }
        return try await withConnection { connection in
            let queue = try await Self.arrays(
                """
                SELECT array_agg(pending_id) FROM (
                    SELECT pending_id FROM ledger_queue ORDER BY pending_id LIMIT \(limit)
                ) AS q
                """,
                columns: 1,
                on: connection,
                logger: driverLogger
            )[0]
            let ids = try queue.elements.indices.map { try queue.int64(at: $0) }.sorted()
            var leaves: [PendingLeaf] = []
            leaves.reserveCapacity(ids.count)
            var next = 0
            for range in PostgresLedgerRange.idRanges(ids) {
                let rows = try await Self.framedRows(
                    """
                    SELECT string_agg(int8send(id) || int4send(length(leaf)) || leaf, ''::bytea)
                    FROM ledger_pending WHERE id >= \(range.lowerBound) AND id <= \(range.upperBound)
                    """,
                    columns: 1,
                    on: connection,
                    logger: driverLogger
                )
                // Both sorted by id: every queued id of this range must have its appended row.
                let found = rows.ids.indices.sorted { rows.ids[$0] < rows.ids[$1] }
                for record in found where next < ids.count && rows.ids[record] == ids[next] {
                    let leaf = rows.withValue(record: record, column: 0) { Array($0) }
                    leaves.append(PendingLeaf(id: LeafID(rawValue: ids[next]), leaf: leaf))
                    next += 1
                }
                guard next == ids.count || ids[next] > range.upperBound else {
                    throw StoreError.corrupt("a queued leaf has no appended row")
                }
            }
            return leaves
        }
    }

    /// Where the leaf with this reference stands, read in one statement (one snapshot), so an
    /// integration committing between two reads cannot make a leaf look unknown.
    public func status(of id: LeafID) async throws(StoreError) -> LeafStatus {
        try await ready()
        let rows = try await rows(
            of: """
                SELECT (SELECT idx FROM ledger_index WHERE pending_id = \(id.rawValue)),
                       EXISTS (SELECT 1 FROM ledger_queue WHERE pending_id = \(id.rawValue))
                """
        )
        guard let row = rows.first else { throw .backend("the status query returned no row") }
        let (index, pending): (Int64?, Bool)
        do {
            (index, pending) = try row.decode((Int64?, Bool).self)
        } catch {
            throw StoreError(postgres: error)
        }
        if let index {
            guard index >= 0 else { throw .corrupt("a negative leaf index") }
            return .integrated(index: UInt64(index))
        }
        return pending ? .pending : .unknown
    }
}

/// The append insert of ``PostgresStore/appendPending(_:on:)`` as a prepared statement: parsed
/// once per connection instead of once per group commit, which runs it tens of thousands of
/// times a minute under load.
struct AppendPendingStatement: PostgresPreparedStatement {
    static let name = "kura_append_pending"

    static let sql = """
        WITH reserved AS MATERIALIZED (
            SELECT array_agg(id ORDER BY id) AS ids
            FROM (
                SELECT nextval('ledger_pending_id_seq') AS id
                FROM generate_series(1, cardinality($1::bytea[]))
            ) AS fresh
        ), inserted AS (
            INSERT INTO ledger_pending (id, leaf, salt, details, appended_at)
            SELECT reserved.ids[input.n], input.leaf, input.salt, input.details, input.appended_at
            FROM reserved, unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::int8[])
                WITH ORDINALITY AS input(leaf, salt, details, appended_at, n)
        ), queued AS (
            INSERT INTO ledger_queue (pending_id) SELECT unnest(reserved.ids) FROM reserved
        )
        SELECT ids FROM reserved
        """

    typealias Row = [Int64]

    var leaves: [ByteBuffer]
    var salts: [ByteBuffer]
    var details: [ByteBuffer]
    var times: [Int64]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(leaves)
        bindings.append(salts)
        bindings.append(details)
        bindings.append(times)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> [Int64] {
        try row.decode([Int64].self)
    }
}
