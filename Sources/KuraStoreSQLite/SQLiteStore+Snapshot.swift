import Foundation
import GRDB
import GRDBSQLite
import KuraStore

extension SQLiteStore: SnapshotStore {
    /// Streams every table from one WAL read snapshot: writers go on while it runs, and the
    /// snapshot is the database as of the read's start (BAK-1).
    ///
    /// The read holds one reader connection (of four) for the whole snapshot, on a thread of its
    /// own: a backup of a large database takes minutes, and must not hold one of the few threads
    /// that serve requests.
    nonisolated(nonsending) public func writeSnapshot(to sink: inout some SnapshotSink) async throws -> SnapshotSummary
    {
        // The sink moves to the reading thread and back; this task waits meanwhile, so the two
        // never touch it at once.
        nonisolated(unsafe) var moved = sink
        let pool = self.pool
        let summary: SnapshotSummary = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try Self.translatingDatabaseErrors { try pool.read { db in try Self.snapshot(db, to: &moved) } }
                    })
            }
        }
        sink = moved
        return summary
    }

    private static func snapshot(_ db: Database, to sink: inout some SnapshotSink) throws -> SnapshotSummary {
        let version = try Int.fetchOne(db, sql: "SELECT coalesce(max(version), 0) FROM kura_schema") ?? 0
        let head = try Self.head(db)
        let checkpoint = try Data.fetchOne(db, sql: "SELECT note FROM ledger_checkpoint ORDER BY size DESC LIMIT 1")
        var summary = SnapshotSummary(
            schemaVersion: version, treeSize: Int64(head.size), latestCheckpoint: checkpoint.map { Array($0) },
            rowCounts: [:])
        try Self.writeLeaves(db, to: &sink, summary: &summary)
        for table in PortableSchema.tables where table != PortableSchema.ledgerLeaves {
            try sink.begin(table)
            let cursor = try Row.fetchCursor(db, sql: Self.selectAll(table))
            while let row = try cursor.next() {
                try sink.write(try Self.portableRow(row, of: table))
                summary.count(table)
            }
            try sink.end(table)
        }
        return summary
    }

    /// Leaves in index order; SQLite numbers leaves at append, so a leaf's position is its index
    /// and its ``LeafID`` too.
    private static func writeLeaves(
        _ db: Database,
        to sink: inout some SnapshotSink,
        summary: inout SnapshotSummary
    ) throws {
        let table = PortableSchema.ledgerLeaves
        let details = try Int64.fetchOne(db, sql: "SELECT count(*) FROM ledger_detail") ?? 0
        try sink.begin(table)
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.idx, l.leaf, d.salt, d.details, d.appended_at
                FROM ledger_leaf AS l JOIN ledger_detail AS d ON d.idx = l.idx ORDER BY l.idx
                """
        )
        var expected: Int64 = 0
        while let row = try cursor.next() {
            let values = try portableRow(row, of: table)
            guard values[0] == .integer(expected) else { throw StoreError.corrupt("a gap in the ledger's numbering") }
            try sink.write(values)
            summary.count(table)
            expected += 1
        }
        guard expected == details, try Int64.fetchOne(db, sql: "SELECT count(*) FROM ledger_leaf") == expected else {
            throw StoreError.corrupt("the ledger's leaf and details tables do not match one to one")
        }
        try sink.end(table)
    }

    /// Loads a snapshot into this empty database in batches of up to 8192 rows or 32 MiB: the
    /// caller builds the database under a temporary name and renames it into place only after
    /// this returns, so an interrupted restore never leaves a half-filled database where Kura
    /// would open it.
    nonisolated(nonsending) public func loadSnapshot(from source: inout some SnapshotSource) async throws {
        try await Self.translatingDatabaseErrors {
            try await pool.read { db in
                guard try Self.head(db).size == 0 else { throw SnapshotError.targetNotEmpty("ledger_head") }
                for table in PortableSchema.tables where !table.replacesSeed {
                    let name = table == PortableSchema.ledgerLeaves ? "ledger_leaf" : table.name
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(name))") == true {
                        throw SnapshotError.targetNotEmpty(name)
                    }
                }
            }
        }
        // A restore builds a new database under a temporary name (the caller renames it into
        // place when complete), so a crash loses nothing that matters: commits skip the fsync,
        // and one checkpoint with FULL syncing makes the whole file durable at the end.
        try await Self.translatingDatabaseErrors {
            try await pool.barrierWriteWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        }
        let writer = pool
        try await Self.load(from: &source) { rows, table in
            try await Self.translatingDatabaseErrors {
                try await writer.write { db in try Self.insert(rows, of: table, into: db) }
            }
        }
        try await Self.translatingDatabaseErrors {
            try await pool.barrierWriteWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// Creates a new database at `path` and loads a snapshot into it as fast as the disk allows
    /// (BAK-3, the restore benchmark): no journal and no fsync while loading — the file is new
    /// and the caller renames its folder into place only when this returns — then WAL mode and
    /// one full sync. `loadSnapshot(from:)` on an open store writes the same rows.
    public static func bulkLoad(path: String, from source: inout some SnapshotSource) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SnapshotError.targetNotEmpty("the database file exists")
        }
        var configuration = Configuration()
        configuration.label = "kura-restore"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try await translatingDatabaseErrors {
            try await queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                _ = try Self.applyMigrations(db, binary: SQLiteMigrations.all.count)
            }
        }
        try await load(from: &source) { rows, table in
            try await translatingDatabaseErrors {
                try await queue.write { db in try Self.insert(rows, of: table, into: db) }
            }
        }
        try await translatingDatabaseErrors {
            try await queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        try queue.close()
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw SnapshotError.store(.unavailable("restore"))
        }
        try handle.synchronize()
        try handle.close()
    }

    /// Every table's rows from `source`, checked, in batches of up to 8192 rows or 32 MiB.
    nonisolated(nonsending) private static func load(
        from source: inout some SnapshotSource,
        write: @escaping @Sendable (_ rows: [[PortableValue]], _ table: PortableTable) async throws -> Void
    ) async throws {
        // One batch is inserted (on GRDB's writer queue) while the next is read, opened and
        // decoded here: the two stages use both cores. Batches are written in order.
        var inFlight: Task<Void, any Error>?
        func submit(_ rows: [[PortableValue]], _ table: PortableTable) async throws {
            try await inFlight?.value
            inFlight = Task { try await write(rows, table) }
        }
        do {
            for table in PortableSchema.tables {
                if table.replacesSeed { try await submit([], table) }
                var nextPosition: Int64 = 0
                var pending: [[PortableValue]] = []
                var pendingBytes = 0
                while let rows = try await source.nextRows(of: table) {
                    for row in rows {
                        try table.validate(row)
                        if table == PortableSchema.ledgerLeaves {
                            guard row[0] == .integer(nextPosition) else {
                                throw SnapshotError.malformed("the ledger's leaves are not numbered in order from 0")
                            }
                            nextPosition += 1
                        }
                        pendingBytes += Self.size(of: row)
                    }
                    pending += rows
                    if pending.count >= 8192 || pendingBytes >= 32 << 20 {
                        try await submit(pending, table)
                        pending.removeAll(keepingCapacity: true)
                        pendingBytes = 0
                    }
                }
                if !pending.isEmpty { try await submit(pending, table) }
            }
            try await inFlight?.value
        } catch {
            // Never leave a write running past a failure: the caller discards the target.
            _ = try? await inFlight?.value
            throw error
        }
    }

    /// Roughly how many bytes a row holds, to bound a batch's memory.
    private static func size(of row: [PortableValue]) -> Int {
        row.reduce(0) { total, value in
            switch value {
            case .text(let text): total + text.utf8.count
            case .bytes(let bytes): total + bytes.count
            default: total + 8
            }
        }
    }

    /// Inserts `rows`; an empty batch of a table whose migration seeds rows deletes the seed.
    private static func insert(_ rows: [[PortableValue]], of table: PortableTable, into db: Database) throws {
        if rows.isEmpty {
            if table.replacesSeed { try db.execute(sql: "DELETE FROM \(table.name)") }
            return
        }
        if table == PortableSchema.ledgerLeaves {
            let leaf = try db.cachedStatement(sql: "INSERT INTO ledger_leaf (idx, leaf) VALUES (?, ?)")
            let detail = try db.cachedStatement(
                sql: "INSERT INTO ledger_detail (idx, salt, details, appended_at) VALUES (?, ?, ?, ?)"
            )
            for row in rows {
                let values = row.map(databaseValue)
                try leaf.execute(arguments: StatementArguments([values[0], values[1]]))
                try detail.execute(arguments: StatementArguments([values[0], values[2], values[3], values[4]]))
            }
            return
        }
        let columns = table.columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table.name) (\(columns)) VALUES (\(marks))")
        for row in rows {
            try execute(statement, binding: row, in: db)
        }
    }

    /// Binds `row` straight from its arrays and steps `statement`: blobs and text are bound
    /// without a copy (SQLITE_STATIC; the arrays outlive the step), which matters for the
    /// restore's attachment chunks.
    private static func execute(_ statement: Statement, binding row: [PortableValue], in db: Database) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        // Keeps the text's UTF-8 alive until the step.
        var texts: [ContiguousArray<UInt8>] = []
        texts.reserveCapacity(row.count)
        for (offset, value) in row.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let integer): code = sqlite3_bind_int64(handle, index, integer)
            case .boolean(let flag): code = sqlite3_bind_int64(handle, index, flag ? 1 : 0)
            case .text(let text) where text.isEmpty:
                code = sqlite3_bind_text(handle, index, "", 0, nil)
            case .text(let text):
                texts.append(ContiguousArray(text.utf8))
                code = texts[texts.count - 1].withUnsafeBufferPointer { buffer in
                    sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count), nil)
                }
            case .bytes(let bytes) where bytes.isEmpty:
                // An empty blob, not NULL (a nil pointer would bind NULL).
                code = sqlite3_bind_zeroblob(handle, index, 0)
            case .bytes(let bytes):
                code = bytes.withUnsafeBufferPointer { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), nil)
                }
            }
            guard code == SQLITE_OK else {
                throw StoreError.backend("binding a restored value failed (SQLite \(code))")
            }
        }
        let stepped = withExtendedLifetime((row, texts)) { sqlite3_step(handle) }
        // The bound pointers die with this call: nothing may reach them through the cached
        // statement afterwards.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard stepped == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: stepped), message: String(cString: sqlite3_errmsg(db.sqliteConnection))
            )
        }
    }

    /// `SELECT` of a table's columns in key order; SQLite's default BINARY collation compares
    /// text by bytes, as PostgreSQL's `COLLATE "C"` does.
    private static func selectAll(_ table: PortableTable) -> String {
        "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.name) "
            + "ORDER BY \(table.key.joined(separator: ", "))"
    }

    private static func portableRow(_ row: Row, of table: PortableTable) throws -> [PortableValue] {
        var values: [PortableValue] = []
        values.reserveCapacity(table.columns.count)
        for (index, column) in table.columns.enumerated() {
            let stored: DatabaseValue = row[index]
            let value: PortableValue? =
                switch (column.type, stored.storage) {
                case (_, .null): column.nullable ? .null : nil
                case (.integer, .int64(let integer)): .integer(integer)
                case (.boolean, .int64(let integer)) where integer == 0 || integer == 1: .boolean(integer == 1)
                case (.text, .string(let text)): .text(text)
                case (.bytes, .blob(let data)): .bytes(Array(data))
                default: nil
                }
            guard let value else {
                throw StoreError.corrupt("\(table.name).\(column.name) holds a value of the wrong type")
            }
            values.append(value)
        }
        return values
    }

    private static func databaseValue(_ value: PortableValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .text(let text): text.databaseValue
        case .bytes(let bytes): Data(bytes).databaseValue
        case .boolean(let flag): (flag ? Int64(1) : Int64(0)).databaseValue
        }
    }

    /// Runs `body`, turning GRDB's errors into ``SnapshotError/store(_:)``; the sink's and the
    /// source's own errors (a full disk, a damaged file) pass through as they are.
    nonisolated(nonsending) private static func translatingDatabaseErrors<T>(
        _ body: () async throws -> T
    )
        async throws -> T
    {
        do { return try await body() } catch { throw translated(error) }
    }

    /// The synchronous form, for the snapshot's reading thread.
    private static func translatingDatabaseErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translated(error) }
    }

    private static func translated(_ error: any Error) -> any Error {
        switch error {
        case is DatabaseError, is RowDecodingError: SnapshotError.store(map(error))
        case let error as StoreError: SnapshotError.store(error)
        default: error
        }
    }
}
