import Foundation
import KuraCore
import KuraStore
import KuraStorePostgres
import KuraTesting
import Testing

/// What only PostgreSQL can show about the record tables: no plaintext in the stored rows or the
/// table files, racing inserts of one number index, and rows damaged behind the store's back.
extension PostgresStoreTests {
    @Test("a patient's sealed name is in no stored row and no table file, its plain id is")
    func noPlaintextStored() async throws {
        try await Self.withFreshStore { store in
            let results = try await store.commit([try SealedPatient.unit()])
            try #require((try? results.first?.get())?.count == 3)
            // Every column of the rows as stored: text as its UTF-8, bytea as its bytes.
            let rows = try await Self.hexQuery(
                store,
                """
                SELECT encode(
                    convert_to(id || created_by || updated_by || coalesce(merged_into, ''), 'UTF8')
                        || number_index || birth_date_index || sealed_demographics, 'hex')
                FROM patient
                UNION ALL
                SELECT encode(
                    convert_to(object_id || patient_id || kind || state || author, 'UTF8') || sealed_body, 'hex')
                FROM record_version
                """
            )
            // Booleans first, so that a failure does not print the rows.
            let reachesRows = SealedPatient.holdsID(rows)
            let rowsLeak = SealedPatient.holdsPlaintext(rows)
            #expect(reachesRows, "the look does not reach the rows")
            #expect(!rowsLeak)
            // The heap files themselves, once a checkpoint has written the pages out.
            _ = try await Self.hexQuery(store, "CHECKPOINT")
            let files = try await Self.hexQuery(
                store,
                """
                SELECT encode(pg_read_binary_file(pg_relation_filepath(name)), 'hex')
                FROM unnest(ARRAY['patient', 'record_version']) AS name
                """
            )
            let reachesFiles = SealedPatient.holdsID(files)
            let filesLeak = SealedPatient.holdsPlaintext(files)
            #expect(reachesFiles, "the look does not reach the table files")
            #expect(!filesLeak)
        }
    }

    /// Runs `sql` with psql on the store's database and decodes its hex output lines into bytes.
    static func hexQuery(_ store: PostgresStore, _ sql: String) async throws -> [UInt8] {
        let outcome = try await ChildProcess.run(
            try psql(), [store.configuration.description, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
        try #require(outcome.status == 0, "psql failed: \(outcome.error)")
        var bytes: [UInt8] = []
        for line in outcome.output.split(whereSeparator: \.isNewline) {
            let digits = Array(line.utf8)
            guard digits.count.isMultiple(of: 2) else { continue }
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                    continue
                }
                bytes.append(byte)
            }
        }
        return bytes
    }

    @Test("two batches racing to register one patient number leave exactly one patient")
    func numberIndexRace() async throws {
        try await Self.withFreshStore { store in
            for round in 1...10 {
                let contenders = ["a", "b"].map { word in
                    var patient = RecordStoreFixtures.patient("pat_\(word)\(round)")
                    patient.numberIndex = [UInt8](repeating: UInt8(round), count: 32)
                    return WriteUnit([
                        .appendLeaf(StoreConformance.append(round)), .putPatient(patient, expectedRevision: nil),
                    ])
                }
                async let first = store.commit([contenders[0]])
                async let second = store.commit([contenders[1]])
                let results = try await [first[0], second[0]]
                #expect(results.filter { (try? $0.get()) != nil }.count == 1)
                #expect(results.contains(.failure(.duplicate(.patient))))
                #expect(try await store.pendingLeaves(limit: 100).count == round)
            }
        }
    }

    /// A stored word Kura does not know, written past the CHECK constraint, and the read that
    /// must report it.
    enum DamagedRecord: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case entryState = "entry.state"
        case listKind = "patient_list.kind"

        var testDescription: String { rawValue }
        var table: Substring { rawValue.split(separator: ".")[0] }
        var column: Substring { rawValue.split(separator: ".")[1] }

        /// Drops the column's CHECK and stores the unknown word.
        var sql: String {
            "ALTER TABLE \(table) DROP CONSTRAINT \(table)_\(column)_check; UPDATE \(table) SET \(column) = 'wizard'"
        }

        /// Reads the damaged record through the store.
        func read(_ store: PostgresStore) async throws(StoreError) {
            switch self {
            case .entryState: _ = try await store.entry(id: "ent_1")
            case .listKind: _ = try await store.patientLists(patientID: "pat_1")
            }
        }
    }

    @Test("an unknown word in a stored record reads as corrupt, naming the column", arguments: DamagedRecord.allCases)
    func damagedRecord(_ damage: DamagedRecord) async throws {
        try await Self.withFreshStore { store in
            let results = try await store.commit([
                WriteUnit([
                    .putEntry(RecordStoreFixtures.entry("ent_1"), expectedRevision: nil),
                    .putPatientList(RecordStoreFixtures.list("lst_1"), expectedRevision: nil),
                ])
            ])
            try #require((try? results.first?.get())?.count == 2)
            try await damage.read(store)
            let outcome = try await ChildProcess.run(
                try Self.psql(), [store.configuration.description, "-v", "ON_ERROR_STOP=1", "-qAtc", damage.sql])
            try #require(outcome.status == 0, "psql failed: \(outcome.error)")
            let expected = StoreError.corrupt("\(damage.table).\(damage.column) holds a value Kura does not know")
            await #expect(throws: expected) {
                try await damage.read(store)
            }
        }
    }
}
