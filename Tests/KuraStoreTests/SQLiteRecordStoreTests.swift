import Foundation
import GRDB
import KuraCore
import KuraStore
import KuraStoreSQLite
import KuraTesting
import Testing

/// What only SQLite can show about the record tables: no plaintext in the file, the schema is
/// strict and upgradable from version 2, and a damaged row reads as `corrupt` rather than crashing.
@Suite("The SQLite record store")
struct SQLiteRecordStoreTests {
    /// The tables of migration 3.
    static let recordTables = [
        "patient", "care_team_member", "patient_list", "entry", "record_version", "audit_event",
        "audit_event_patient", "attachment", "attachment_chunk",
    ]

    @Test("a patient's sealed name is nowhere in the database files, its plain id is")
    func noPlaintextOnDisk() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let results = try await store.commit([try SealedPatient.unit()])
        try #require((try? results.first?.get())?.count == 3)
        // Look before closing too: then the rows are in the write-ahead log, after it in the file.
        let open = try Self.fileBytes(path)
        await store.close()
        let closed = try Self.fileBytes(path)
        // Booleans first, so that a failure does not print the file.
        let reachesRows = SealedPatient.holdsID(open) && SealedPatient.holdsID(closed)
        let leaksWhileOpen = SealedPatient.holdsPlaintext(open)
        let leaksOnceClosed = SealedPatient.holdsPlaintext(closed)
        #expect(reachesRows, "the look does not reach the rows")
        #expect(!leaksWhileOpen)
        #expect(!leaksOnceClosed)
    }

    /// The bytes of the database file and its write-ahead log, whichever exist.
    static func fileBytes(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            bytes += [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        }
        return bytes
    }

    @Test("every record table is STRICT and refuses a value of the wrong type")
    func strictTables() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        try #require((try? await store.commit([try SealedPatient.unit()]).first?.get()) != nil)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let strict = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1")
        }
        #expect(Set(Self.recordTables).isSubset(of: strict))
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in try db.execute(sql: "UPDATE patient SET revision = 'two'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in try db.execute(sql: "UPDATE record_version SET leaf_id = 'leaf'") }
        }
    }

    @Test(
        "a stored word this binary does not know reads as corrupt, naming no value",
        arguments: ["UPDATE entry SET state = 'wizard'", "UPDATE patient_list SET kind = 'wizard'"]
    )
    func unknownStoredWord(damage: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let written = try await store.commit([
            WriteUnit([
                .putEntry(RecordStoreFixtures.entry("ent_1"), expectedRevision: nil),
                .putPatientList(RecordStoreFixtures.list("lst_1"), expectedRevision: nil),
            ])
        ])
        try #require((try? written.first?.get()) != nil)
        await store.close()
        // Damage the row behind the store's back; the CHECK constraints would refuse it.
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: damage)
        }
        try queue.close()
        let reopened = try SQLiteStore(path: path)
        let read: Result<Void, StoreError>
        do throws(StoreError) {
            _ = try await reopened.entry(id: "ent_1")
            _ = try await reopened.patientLists(patientID: "pat_1")
            read = .success(())
        } catch {
            read = .failure(error)
        }
        await reopened.close()
        guard case .failure(let error) = read, case .corrupt = error else {
            Issue.record("a damaged row was not refused as corrupt")
            return
        }
        #expect(!error.description.contains("wizard"))
    }

    @Test("a version 2 database migrates to the record tables and keeps its identity rows")
    func upgradeFromIdentity() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try await SQLiteIdentityStoreTests.seeded(at: path)
        await store.close()
        // Roll the file back to version 2 as an older Kura left it.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for table in Self.recordTables + SQLiteComplianceStoreTests.tables {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DELETE FROM kura_schema WHERE version > 2")
        }
        try queue.close()
        let upgraded = try SQLiteStore(path: path)
        #expect(try await upgraded.schemaVersion() == 2)
        #expect(try await upgraded.migrate() == Array(3...upgraded.currentVersion))
        #expect(try await upgraded.account(id: "acc_1") == SQLiteIdentityStoreTests.account)
        let results = try await upgraded.commit([try SealedPatient.unit()])
        #expect((try? results.first?.get())?.count == 3)
        #expect(try await upgraded.patient(id: SealedPatient.id) != nil)
        await upgraded.close()
    }

    @Test("a record unit that committed is there after the store is closed and reopened")
    func survivesReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let unit = try SealedPatient.unit()
        let results = try await store.commit([unit])
        let leaf = try #require(
            (try? results.first?.get())?.compactMap { outcome -> LeafID? in
                if case .leafAppended(let id) = outcome { return id }
                return nil
            }.first)
        await store.close()
        let reopened = try SQLiteStore(path: path)
        try await reopened.checkSchema()
        guard case .putPatient(let patient, _) = unit.writes[0], case .insertRecordVersion(var version) = unit.writes[2]
        else {
            Issue.record("the sealed unit changed shape")
            return
        }
        version.leafID = leaf
        #expect(try await reopened.patient(id: SealedPatient.id) == patient)
        #expect(try await reopened.versions(objectID: SealedPatient.id) == [version])
        await reopened.close()
    }
}
