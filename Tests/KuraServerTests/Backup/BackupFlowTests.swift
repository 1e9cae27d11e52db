import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Logging
import Testing

@testable import KuraServer

/// Backups end to end through the `kura` binary while the server runs (BAK-1, BAK-3, REC-4):
/// back up, restore into a new data folder on the other backend where one is available, and
/// `kura verify log` and `kura verify records` pass on the restored copy with every record
/// equal to the live one.
@Suite("Backup and restore")
struct BackupFlowTests {
    /// Registers a patient with an amended entry and a PDF, and numbers the log.
    @discardableResult
    static func populate(_ harness: IdentityHarness) async throws -> (doctor: Authenticated, patient: String) {
        let (_, doctor, _) = try await harness.administratorAndDoctor()
        return (doctor, try await populate(harness, as: doctor))
    }

    /// Registers a patient with an amended entry and a PDF as `doctor`; numbers the log.
    static func populate(_ harness: IdentityHarness, as doctor: Authenticated) async throws -> String {
        let records = harness.services.records
        let patient = try await records.register(
            doctor,
            demographics: PatientDemographics(
                patientNumber: "B-1", name: "保存 太郎", kana: "ホゾン タロウ", birthDate: "1948-03-03", sex: "male")
        ).patient.id
        let entry = try await records.createEntry(
            doctor, patientID: patient, NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "初版"])))
        _ = try await records.changeEntry(
            doctor, id: entry.id, .edit(EntryContent(fields: ["plan": "第二版"])), expectedRevision: 1)
        _ = try await records.addAttachment(
            doctor, patientID: patient,
            NewAttachment(bytes: Array("%PDF-1.7\n%%EOF\n".utf8), declaredType: "application/pdf", fileName: "紹介状.pdf"))
        try await harness.services.checkpointer.integrateNow()
        return patient
    }

    static func database(_ url: String?) -> [String] { url.map { ["--database", $0] } ?? [] }

    @Test("a backup taken while serving restores on the other backend and verifies", arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            try await Self.populate(harness)
            let binary = try KuraBinary.path()
            let work = try TemporaryDirectory()
            defer { work.remove() }
            let data = harness.raw.dataDirectory
            let initialised = try await ChildProcess.run(
                binary, ["keys", "recovery-init", "--data", data, "--out", work.file("recovery.txt")])
            #expect(initialised.status == 0, "\(initialised.error)")
            #expect(initialised.output.contains(RecoveryKey.textPrefix))
            // Only the public half stays on the server (BAK-2).
            let key = try RecoveryKey(
                text: try #require(
                    initialised.output.split(separator: "\n").first {
                        $0.hasPrefix(RecoveryKey.textPrefix)
                    }
                ).description)
            let raw = Data(key.text.utf8)
            for name in try BackupVerifier.allFiles(in: data) {
                let bytes = try #require(FileManager.default.contents(atPath: "\(data)/\(name)"))
                #expect(bytes.range(of: raw) == nil, "\(name) holds the recovery key")
            }
            #expect(try RecoveryKeyFile.read(inDataFolder: data) == key.publicKey)

            let backup = try await ChildProcess.run(
                binary, ["backup", "--data", data, "--to", work.file("backups")] + Self.database(harness.raw.url))
            #expect(backup.status == 0, "\(backup.error)")
            let verified = try await ChildProcess.run(
                binary, ["backup", "verify", work.file("backups"), "--recovery-key-file", work.file("recovery.txt")])
            #expect(verified.status == 0, "\(verified.error)")
            #expect(verified.output.contains(": OK"))
            // The backup is in the live log, with its manifest's hash.
            #expect(try await harness.ledgerDetails().contains { $0.contains("\"kind\":\"backup.completed\"") })

            // A drill proves the generation restores to the live records, and is evidence.
            let drill = try await ChildProcess.run(
                binary,
                [
                    "drill", "--data", data, "--from", work.file("backups"), "--recovery-key-file",
                    work.file("recovery.txt"),
                ]
                    + Self.database(harness.raw.url))
            #expect(drill.status == 0, "\(drill.error)")
            #expect(drill.output.contains(": PASS"), "\(drill.output)")
            #expect(
                try await harness.ledgerDetails().contains {
                    $0.contains("\"kind\":\"backup.drill\"") && $0.contains("\"result\":\"pass\"")
                })

            // The other backend where there is one: PostgreSQL to SQLite, SQLite to PostgreSQL.
            let target =
                backend == .sqlite && TestBackend.available.contains(.postgres)
                ? try await TestBackend.postgres.makeDatabase() : (url: nil, cleanup: {})
            do {
                try await Self.restoreAndCompare(harness, work: work, url: target.url)
            } catch {
                await target.cleanup()
                throw error
            }
            await target.cleanup()
        }
    }

    /// Restores the newest generation into `work/restored` (and the database at `url`), verifies
    /// it, and compares its records with the live ones.
    static func restoreAndCompare(_ harness: IdentityHarness, work: TemporaryDirectory, url: String?) async throws {
        do {
            let binary = try KuraBinary.path()
            let restored = work.file("restored")
            let restore = try await ChildProcess.run(
                binary,
                [
                    "restore", "--from", work.file("backups"), "--data", restored, "--recovery-key-file",
                    work.file("recovery.txt"),
                ]
                    + database(url))
            #expect(restore.status == 0, "\(restore.error)")
            for check in ["log", "records"] {
                let result = try await ChildProcess.run(binary, ["verify", check, "--data", restored] + database(url))
                #expect(result.status == 0, "\(check): \(result.error)")
            }
            let records = try await ChildProcess.run(binary, ["verify", "records", "--data", restored] + database(url))
            #expect(records.output.contains("records verified: 3 versions, 1 attachments"))

            // Every record version restored is the live one, byte for byte.
            let live = try await SnapshotConformance.snapshot(harness.services.store).0
            let copy = try await StoreFactory.withStore(
                dataDirectory: restored, databaseURL: url, migrate: false, logger: .init(label: "kura-test")
            ) { store in try await SnapshotConformance.snapshot(store).0 }
            for table in ["record_version", "patient", "entry", "attachment_chunk", "account"] {
                #expect(copy.files[table] == live.files[table], "\(table) differs after the restore")
            }
        }
    }
}
