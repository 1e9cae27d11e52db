import KuraCore
import KuraStore
import Logging
import PostgresNIO

/// The baselines' store on PostgreSQL: the rows of entry writes (entry head, version, pending
/// leaf and its queue row) or of audited reads (event, its patients, pending leaf and queue
/// row) inserted in bulk — per batch `BEGIN`, one statement for the leaves, one for the rest
/// (`INSERT … SELECT FROM unnest(…)`), `COMMIT` — with no validation and no savepoints, on
/// connections that send `synchronous_commit=on` at startup as `PostgresStore` does.
///
/// It stands in for Kura's store under the same `GroupCommitWriter` (four batches in flight, as
/// the server uses on PostgreSQL), so the baseline is batched as Kura batches.
final class RawPostgresInserts: WriteBatchStore {
    let connections: ConnectionLender
    let logger: Logger
    /// The durability settings as the server reported them.
    let durability: String

    /// Opens `count` connections to `url` and checks that commits are durable.
    static func open(url: String, count: Int, logger: Logger) async throws -> RawPostgresInserts {
        var opened: [PostgresConnection] = []
        for _ in 0..<count { opened.append(try await BenchConnection.connect(url: url, logger: logger)) }
        var reported: [String] = []
        for setting in ["fsync", "synchronous_commit", "wal_sync_method", "full_page_writes"] {
            let rows = try await opened[0].query(PostgresQuery(unsafeSQL: "SHOW \(setting)"), logger: logger).collect()
            reported.append("\(setting)=\(try rows.first?.decode(String.self) ?? "?")")
        }
        let durability = reported.joined(separator: ", ")
        guard reported.contains("synchronous_commit=on") else {
            for connection in opened { try? await connection.close() }
            throw BenchError.invalid("the PostgreSQL baseline is not durable: \(durability)")
        }
        return RawPostgresInserts(connections: ConnectionLender(opened), logger: logger, durability: durability)
    }

    init(connections: ConnectionLender, logger: Logger, durability: String) {
        self.connections = connections
        self.logger = logger
        self.durability = durability
    }

    func close() async {
        await connections.closeAll()
    }

    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        let connection = await connections.take()
        do {
            try await connection.query("BEGIN", logger: logger)
            try await insert(units.flatMap(\.writes), on: connection)
            try await connection.query("COMMIT", logger: logger)
            await connections.giveBack(connection)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            await connections.giveBack(connection)
            throw StoreError.backend("raw PostgreSQL insert failed: \(String(reflecting: error))")
        }
        return units.map { _ in .success([]) }
    }

    /// Inserts the writes' rows: the leaves first (their ids reserved in order), then entries,
    /// versions and audit events, each bound to the leaf just before it.
    func insert(_ writes: [StoreWrite], on connection: PostgresConnection) async throws {
        var leaves: [LedgerAppend] = []
        var entries: [EntryRecord] = []
        var versions: [(RecordVersion, leaf: Int)] = []
        var events: [(AuditEvent, leaf: Int)] = []
        for write in writes {
            switch write {
            case .appendLeaf(let append): leaves.append(append)
            case .putEntry(let entry, _):
                guard entry.onBehalfOf == nil, entry.careAt == nil, entry.finalizedBy != nil else {
                    throw BenchError.invalid("the raw store inserts finalized entries without proxy or care time")
                }
                entries.append(entry)
            case .insertRecordVersion(let version):
                guard version.onBehalfOf == nil, version.careAt == nil, version.sealedReason == nil,
                    version.finalizedBy != nil
                else { throw BenchError.invalid("the raw store inserts first versions of finalized entries") }
                versions.append((version, leaves.count - 1))
            case .insertAuditEvent(let event): events.append((event, leaves.count - 1))
            default: throw BenchError.invalid("the raw store inserts entries and audit events only")
            }
        }
        var leafIDs: [Int64] = []
        if !leaves.isEmpty {
            let leafColumn = leaves.map { ByteBuffer(bytes: $0.leaf) }
            let salts = leaves.map { ByteBuffer(bytes: $0.salt) }
            let details = leaves.map { ByteBuffer(bytes: $0.details) }
            let times = leaves.map(\.appendedAt)
            let rows = try await connection.query(
                """
                WITH reserved AS MATERIALIZED (
                    SELECT array_agg(id ORDER BY id) AS ids
                    FROM (SELECT nextval('ledger_pending_id_seq') AS id
                          FROM generate_series(1, cardinality(\(leafColumn)::bytea[]))) AS fresh
                ), inserted AS (
                    INSERT INTO ledger_pending (id, leaf, salt, details, appended_at)
                    SELECT reserved.ids[input.n], input.leaf, input.salt, input.details, input.appended_at
                    FROM reserved, unnest(\(leafColumn)::bytea[], \(salts)::bytea[], \(details)::bytea[],
                        \(times)::int8[]) WITH ORDINALITY AS input(leaf, salt, details, appended_at, n)
                ), queued AS (
                    INSERT INTO ledger_queue (pending_id) SELECT unnest(reserved.ids) FROM reserved
                )
                SELECT ids FROM reserved
                """,
                logger: logger
            )
            for try await ids in rows.decode([Int64].self) { leafIDs = ids }
        }
        if !entries.isEmpty || !versions.isEmpty {
            try await insertEntries(entries, versions: versions.map { ($0.0, leafIDs[$0.leaf]) }, on: connection)
        }
        if !events.isEmpty {
            try await insertEvents(events.map { ($0.0, leafIDs[$0.leaf]) }, on: connection)
        }
    }

    func insertEntries(
        _ entries: [EntryRecord], versions: [(RecordVersion, Int64)], on connection: PostgresConnection
    ) async throws {
        let (ids, patients, kinds) = (entries.map(\.id), entries.map(\.patientID), entries.map(\.kind))
        let (states, revisions, authors) = (
            entries.map(\.state.rawValue), entries.map(\.revision), entries.map(\.author)
        )
        let (created, updated) = (entries.map(\.createdAt), entries.map(\.updatedAt))
        let (finalizers, finalized) = (entries.map { $0.finalizedBy ?? "" }, entries.map { $0.finalizedAt ?? 0 })
        let bodies = entries.map { ByteBuffer(bytes: $0.sealedBody) }
        let objects = versions.map(\.0.objectID)
        let numbers = versions.map(\.0.version)
        let versionPatients = versions.map(\.0.patientID)
        let versionKinds = versions.map(\.0.kind)
        let versionStates = versions.map(\.0.state)
        let versionAuthors = versions.map(\.0.author)
        let recorded = versions.map(\.0.recordedAt)
        let versionFinalizers = versions.map { $0.0.finalizedBy ?? "" }
        let versionFinalized = versions.map { $0.0.finalizedAt ?? 0 }
        let versionBodies = versions.map { ByteBuffer(bytes: $0.0.sealedBody) }
        let leafIDs = versions.map(\.1)
        try await connection.query(
            """
            WITH entries AS (
                INSERT INTO entry (id, patient_id, kind, state, revision, author, on_behalf_of, created_at, updated_at,
                    care_at, finalized_by, finalized_at, sealed_body)
                SELECT e.id, e.patient_id, e.kind, e.state, e.revision, e.author, NULL, e.created_at, e.updated_at,
                    NULL, e.finalized_by, e.finalized_at, e.sealed_body
                FROM unnest(\(ids)::text[], \(patients)::text[], \(kinds)::text[], \(states)::text[],
                    \(revisions)::int8[], \(authors)::text[], \(created)::int8[], \(updated)::int8[],
                    \(finalizers)::text[], \(finalized)::int8[], \(bodies)::bytea[])
                    AS e(id, patient_id, kind, state, revision, author, created_at, updated_at, finalized_by,
                         finalized_at, sealed_body)
            )
            INSERT INTO record_version (object_id, version, patient_id, kind, state, author, on_behalf_of,
                recorded_at, care_at, finalized_by, finalized_at, sealed_body, sealed_reason, leaf_id)
            SELECT v.object_id, v.version, v.patient_id, v.kind, v.state, v.author, NULL, v.recorded_at, NULL,
                v.finalized_by, v.finalized_at, v.sealed_body, NULL, v.leaf_id
            FROM unnest(\(objects)::text[], \(numbers)::int8[], \(versionPatients)::text[], \(versionKinds)::text[],
                \(versionStates)::text[], \(versionAuthors)::text[], \(recorded)::int8[],
                \(versionFinalizers)::text[], \(versionFinalized)::int8[], \(versionBodies)::bytea[],
                \(leafIDs)::int8[])
                AS v(object_id, version, patient_id, kind, state, author, recorded_at, finalized_by, finalized_at,
                     sealed_body, leaf_id)
            """,
            logger: logger
        )
    }

    func insertEvents(_ events: [(AuditEvent, Int64)], on connection: PostgresConnection) async throws {
        let ids = events.map(\.0.id)
        let times = events.map(\.0.at)
        let actors = events.map(\.0.actor)
        let actions = events.map(\.0.action)
        let access = events.map(\.0.access)
        let leafIDs = events.map(\.1)
        let pairs = events.flatMap { event in event.0.patientIDs.map { (event.0.id, $0, event.0.at) } }
        let (eventIDs, patientIDs, pairTimes) = (pairs.map(\.0), pairs.map(\.1), pairs.map(\.2))
        try await connection.query(
            """
            WITH events AS (
                INSERT INTO audit_event (id, at, actor, action, access, leaf_id)
                SELECT * FROM unnest(\(ids)::text[], \(times)::int8[], \(actors)::text[], \(actions)::text[],
                    \(access)::text[], \(leafIDs)::int8[])
            )
            INSERT INTO audit_event_patient (event_id, patient_id, at)
            SELECT * FROM unnest(\(eventIDs)::text[], \(patientIDs)::text[], \(pairTimes)::int8[])
            """,
            logger: logger
        )
    }
}

/// Lends a fixed set of PostgreSQL connections, one borrower each; borrowers wait in turn.
actor ConnectionLender {
    var idle: [PostgresConnection]
    var waiting: [CheckedContinuation<PostgresConnection, Never>] = []
    let all: [PostgresConnection]

    init(_ connections: [PostgresConnection]) {
        idle = connections
        all = connections
    }

    /// An idle connection, waiting for one when all are lent.
    func take() async -> PostgresConnection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// Returns a connection to the next borrower or to the idle set.
    func giveBack(_ connection: PostgresConnection) {
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }

    func closeAll() async {
        for connection in all { try? await connection.close() }
    }
}
