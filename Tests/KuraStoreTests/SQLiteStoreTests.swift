import Foundation
import GRDB
import KuraStore
import KuraStoreSQLite
import KuraTesting
import Testing

@Suite("The SQLite store")
struct SQLiteStoreTests {
    @Test("passes the store conformance suite", arguments: StoreConformance.checkNames)
    func conformance(check: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kura.sqlite"))
        _ = try await store.migrate()
        try await StoreConformance.checks[check]!(store)
        await store.close()
    }

    @Test("passes the identity store conformance suite", arguments: IdentityStoreConformance.checkNames)
    func identityConformance(check: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kura.sqlite"))
        _ = try await store.migrate()
        try await IdentityStoreConformance.checks[check]!(store)
        await store.close()
    }

    @Test("passes the record store conformance suite", arguments: RecordStoreConformance.checkNames)
    func recordConformance(check: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kura.sqlite"))
        _ = try await store.migrate()
        try await RecordStoreConformance.checks[check]!(store)
        await store.close()
    }

    @Test("writes with synchronous=FULL in WAL mode, so an answered write survives power loss")
    func durability() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kura.sqlite"))
        // 2 = FULL (https://sqlite.org/pragma.html#pragma_synchronous); GRDB's pool would set 1.
        #expect(try store.synchronousMode() == 2)
        #expect(try store.journalMode() == "wal")
    }

    @Test("refuses a database migrated by a newer Kura, with a clear message")
    func newerSchemaRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let current = store.currentVersion
        await store.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO kura_schema (version, applied_at) VALUES (?, 0)", arguments: [current + 1])
        }
        try queue.close()
        #expect(throws: StoreError.schemaTooNew(database: current + 1, binary: current)) {
            try SQLiteStore(path: path)
        }
        let message = StoreError.schemaTooNew(database: current + 1, binary: current).description
        #expect(message.contains("newer than this Kura supports"))
    }

    @Test("refuses an unmigrated database for reading, and migrates it on request")
    func olderSchema() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        await #expect(throws: StoreError.schemaTooOld(database: 0, binary: store.currentVersion)) {
            try await store.checkSchema()
        }
        #expect(try await store.migrate() == Array(1...store.currentVersion))
        #expect(try await store.schemaVersion() == store.currentVersion)
        #expect(try await store.migrate() == [])
        await store.close()
        let reopened = try SQLiteStore(path: path)
        try await reopened.checkSchema()
    }
}

@Suite("The in-memory store")
struct InMemoryStoreTests {
    @Test("passes the store conformance suite", arguments: StoreConformance.checkNames)
    func conformance(check: String) async throws {
        let store = InMemoryStore()
        try await StoreConformance.checks[check]!(store)
    }

    @Test("passes the identity store conformance suite", arguments: IdentityStoreConformance.checkNames)
    func identityConformance(check: String) async throws {
        try await IdentityStoreConformance.checks[check]!(InMemoryStore())
    }

    @Test("passes the record store conformance suite", arguments: RecordStoreConformance.checkNames)
    func recordConformance(check: String) async throws {
        try await RecordStoreConformance.checks[check]!(InMemoryStore())
    }
}
