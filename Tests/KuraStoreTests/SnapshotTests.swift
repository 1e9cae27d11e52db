import Foundation
import KuraStore
import KuraStorePostgres
import KuraStoreSQLite
import KuraTesting
import Logging
import Testing

/// Opens a fresh, migrated SQLite store in a temporary folder for `body`.
private func withSQLiteStore(_ body: (SQLiteStore) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.file("kura.sqlite"))
    _ = try await store.migrate()
    do {
        try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

@Suite("Snapshots between SQLite stores")
struct SQLiteSnapshotTests {
    @Test("pass the snapshot conformance suite from SQLite to SQLite", arguments: SnapshotConformance.checkNames)
    func conformance(check: String) async throws {
        try await withSQLiteStore { source in
            try await withSQLiteStore { target in
                try await SnapshotConformance.checks[check]!(source, target)
            }
        }
    }
}

/// The restore's fast path: a new SQLite file loaded without a journal, then switched to WAL.
@Suite("SQLite bulk load")
struct SQLiteBulkLoadTests {
    @Test("a bulk-loaded database snapshots to the same bytes, is in WAL mode, and refuses an existing file")
    func sameBytes() async throws {
        try await withSQLiteStore { source in
            try await SnapshotConformance.populate(source)
            var (taken, _) = try await SnapshotConformance.snapshot(source)
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.file("restored.sqlite")
            try await SQLiteStore.bulkLoad(path: path, from: &taken)
            let restored = try SQLiteStore(path: path)
            try await restored.checkSchema()
            #expect(try restored.journalMode() == "wal")
            let (again, _) = try await SnapshotConformance.snapshot(restored)
            for name in PortableSchema.tables.map(\.name) {
                #expect(again.files[name] == taken.files[name], "\(name) differs after the bulk load")
            }
            await restored.close()
            taken.rewind()
            await #expect(throws: SnapshotError.self) { try await SQLiteStore.bulkLoad(path: path, from: &taken) }
        }
    }
}

/// Backups restore across backends (BAK-1): every pair with PostgreSQL, on the throwaway server
/// of `scripts/test`.
@Suite(
    "Snapshots across SQLite and PostgreSQL",
    .enabled(
        if: ProcessInfo.processInfo.environment["KURA_TEST_POSTGRES_URL"] != nil
            || ProcessInfo.processInfo.environment["KURA_REQUIRE_POSTGRES"] != nil
    )
)
struct CrossBackendSnapshotTests {
    enum Pair: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqliteToPostgres = "SQLite to PostgreSQL"
        case postgresToSQLite = "PostgreSQL to SQLite"
        case postgresToPostgres = "PostgreSQL to PostgreSQL"
        var testDescription: String { rawValue }
    }

    @Test("pass the snapshot conformance suite", arguments: Pair.allCases, SnapshotConformance.checkNames)
    func conformance(pair: Pair, check: String) async throws {
        let run = SnapshotConformance.checks[check]!
        switch pair {
        case .sqliteToPostgres:
            try await withSQLiteStore { source in
                try await PostgresStoreTests.withFreshStore { target in try await run(source, target) }
            }
        case .postgresToSQLite:
            try await PostgresStoreTests.withFreshStore { source in
                try await withSQLiteStore { target in try await run(source, target) }
            }
        case .postgresToPostgres:
            try await PostgresStoreTests.withFreshStore { source in
                try await PostgresStoreTests.withFreshStore { target in try await run(source, target) }
            }
        }
    }
}

/// The portable row format on its own: what the snapshot files carry (REC-5).
@Suite("The portable row format")
struct PortableRowFormatTests {
    let table = PortableTable(
        name: "sample",
        columns: [
            PortableColumn("id", .text), PortableColumn("n", .integer, nullable: true),
            PortableColumn("raw", .bytes), PortableColumn("flag", .boolean),
        ],
        key: ["id"]
    )

    var rows: [[PortableValue]] {
        [
            [.text("a\tb\\c\n日本"), .integer(Int64.min), .bytes([0, 0xFF, 0x80]), .boolean(true)],
            [.text(""), .null, .bytes([]), .boolean(false)],
            [.text("z"), .integer(Int64.max), .bytes(Array(repeating: 7, count: 70_000)), .boolean(true)],
        ]
    }

    func encoded() -> [UInt8] {
        let encoder = PortableRowEncoder(table: table)
        var bytes = encoder.header()
        for row in rows { encoder.encode(row, into: &bytes) }
        return bytes
    }

    @Test("round-trips rows fed one byte at a time and all at once")
    func roundTrip() throws {
        let bytes = encoded()
        for step in [1, 3, bytes.count] {
            var decoder = PortableRowDecoder(table: table)
            var decoded: [[PortableValue]] = []
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + step, bytes.count)
                decoded += try decoder.feed(bytes[offset..<end])
                offset = end
            }
            try decoder.finish()
            #expect(decoded == rows)
            #expect(decoder.rowCount == 3)
        }
    }

    @Test("refuses a file cut inside a row, another table's header, and an unknown tag")
    func refusals() throws {
        var cut = PortableRowDecoder(table: table)
        _ = try cut.feed(encoded().dropLast(1))
        #expect(throws: SnapshotError.self) { try cut.finish() }

        var other = table
        other.columns[1].nullable = false
        var wrongTable = PortableRowDecoder(table: other)
        #expect(throws: SnapshotError.self) { _ = try wrongTable.feed(encoded()) }

        var bytes = PortableRowEncoder(table: table).header()
        bytes.append(9)
        var unknown = PortableRowDecoder(table: table)
        #expect(throws: SnapshotError.self) { _ = try unknown.feed(bytes) }
    }

    @Test("a row of the wrong shape is refused before it is written")
    func validation() {
        #expect(throws: SnapshotError.self) { try table.validate([.text("a")]) }
        #expect(throws: SnapshotError.self) { try table.validate([.null, .null, .bytes([]), .boolean(true)]) }
        #expect(throws: SnapshotError.self) {
            try table.validate([.text("a"), .text("1"), .bytes([]), .boolean(true)])
        }
    }
}
