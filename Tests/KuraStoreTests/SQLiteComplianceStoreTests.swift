import Foundation
import GRDB
import KuraCore
import KuraStore
import KuraStoreSQLite
import KuraTesting
import Testing

/// What only SQLite can show about the compliance table (issue 8): it is strict, and a version 3
/// database, as the Kura before it left one, upgrades to it without losing a record.
@Suite("The SQLite compliance store")
struct SQLiteComplianceStoreTests {
    /// The tables of migration 4.
    static let tables = ["compliance_version"]

    @Test("a version 3 database migrates to the compliance table, keeps its records and takes documents")
    func upgradeFromRecords() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        let patient = try await store.commit([try SealedPatient.unit()])
        try #require((try? patient.first?.get()) != nil)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for table in Self.tables { try db.execute(sql: "DROP TABLE \(table)") }
            // Version 5's index on the record tables goes too.
            try db.execute(sql: "DROP INDEX patient_by_updated")
            try db.execute(sql: "DELETE FROM kura_schema WHERE version > 3")
        }
        try queue.close()
        let upgraded = try SQLiteStore(path: path)
        #expect(try await upgraded.schemaVersion() == 3)
        #expect(try await upgraded.migrate() == Array(4...upgraded.currentVersion))
        #expect(try await upgraded.patient(id: SealedPatient.id) != nil)
        let version = ComplianceVersion(
            objectID: "cmp_1", version: 1, kind: "registry.officers", state: "current", author: "acc_1",
            recordedAt: 1, sealedBody: [1]
        )
        let results = try await upgraded.commit([
            WriteUnit([.appendLeaf(StoreConformance.append(9)), .insertComplianceVersion(version)])
        ])
        #expect((try? results.first?.get())?.count == 2)
        #expect(try await upgraded.complianceHeads(kind: "registry.officers").map(\.objectID) == ["cmp_1"])
        await upgraded.close()
    }

    @Test("the compliance table is strict")
    func strict() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kura.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.migrate()
        await store.close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let strict = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1")
        }
        #expect(Set(Self.tables).isSubset(of: strict))
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO compliance_version VALUES ('cmp_1', 'one', 'answer', 'current', 'acc_1', 1, x'01', 1)
                        """
                )
            }
        }
    }
}
