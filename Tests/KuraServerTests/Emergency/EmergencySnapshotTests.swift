import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Logging
import Testing

@testable import KuraServer

/// The daily emergency snapshot on both backends (REC-3, BAK-3, AUD-1): one encrypted page per
/// active patient and an encrypted index, each with the newest signed checkpoint; no PHI in
/// clear in any file; the read audited before the day is published; completion in the ledger
/// without PHI; days beyond the kept number removed.
@Suite("Emergency snapshot")
struct EmergencySnapshotTests {
    static let logger: Logger = {
        var logger = Logger(label: "kura-test")
        logger.logLevel = .warning
        return logger
    }()

    /// A writer to `directory` with a fresh key in the harness's data folder.
    static func writer(
        _ harness: IdentityHarness, to directory: String, keepDays: Int = 7
    ) throws -> (EmergencySnapshotWriter, EmergencyKey) {
        let keys = try EmergencyFixture.keys(harness)
        let folder = harness.raw.dataDirectory
        _ = try EmergencyKeyFile.create(in: folder, keys: keys, random: SystemRandomBytes())
        let key = try EmergencyKeyFile.load(from: folder, keys: keys)
        let writer = try #require(
            EmergencySnapshotWriter(
                records: harness.services.records, key: key,
                settings: EmergencySettings(directory: directory, keepDays: keepDays), clinicName: "さくら在宅クリニック",
                logger: logger))
        return (writer, key)
    }

    @Test(
        "active patients only, their summary decrypts, nothing in clear, audited and in the ledger",
        arguments: TestBackend.available)
    func snapshot(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let patients = try await EmergencyFixture.populate(harness)
            let destination = try TemporaryDirectory(prefix: "kura-emergency")
            defer { destination.remove() }
            let (writer, key) = try Self.writer(harness, to: destination.path)
            let checkpoint = try #require(try await harness.services.store.latestCheckpoint())

            let outcome = try await writer.write()
            #expect(outcome.date == "2027-01-15" && outcome.patients == 1 && outcome.checkpointSize == checkpoint.size)
            let day = destination.file("2027-01-15")
            #expect(outcome.folder == day)
            let files = try FileManager.default.contentsOfDirectory(atPath: day).sorted()
            #expect(files == ["index.html", "\(patients.active).html"].sorted())

            // The patient's page: the summary, newest entry first, the entry in error left out.
            let page = try EmergencyFixture.open("\(day)/\(patients.active).html", key: key)
            #expect(page["type"] == "patient" && page["checkpointSize"] == .integer(Int64(checkpoint.size)))
            let patient = try #require(page["patient"])
            guard case .object(let header) = patient else { throw ConformanceFailure("no patient") }
            #expect(header["name"] == .string(EmergencyFixture.name) && header["number"] == .string("E-0001"))
            #expect(header["sex"] == "女性 Female" && header["age"] == 88)
            guard case .array(let allergies) = page["allergies"], case .array(let entries) = page["entries"] else {
                throw ConformanceFailure("no lists")
            }
            #expect(allergies.count == 1 && page["medications"] == .null)
            #expect(entries.count == 2)
            let entryText = entries.map { (try? $0.canonicalString()) ?? "" }
            #expect(
                entryText[0].contains(EmergencyFixture.latestText) && entryText[0].contains("訪問診療記録 Home-visit record"))
            #expect(entryText[1].contains("<img src=x onerror=alert(1)>") && entryText[1].contains("P（計画） P (plan)"))
            #expect(!entryText.joined().contains("別の患者の記載"))
            #expect(entryText[0].contains("dr.suzuki"))

            // The index lists the patient and names its file.
            let index = try EmergencyFixture.open("\(day)/index.html", key: key)
            #expect(index["type"] == "index")
            #expect((try index["patients"]?.canonicalString())?.contains("\(patients.active).html") == true)

            // In clear: the checkpoint, and no PHI of any patient.
            for file in files {
                let html = try String(contentsOfFile: "\(day)/\(file)", encoding: .utf8)
                #expect(html.contains(EmergencyPage.escaped(String(decoding: checkpoint.note, as: UTF8.self))))
                for secret in ["花子", "キンキュウ", "E-0001", "終了 太郎", "E-0002", "ペニシリン", "在宅酸素", "千代田"] {
                    #expect(!html.contains(secret), "\(file) shows \(secret)")
                }
                let mode = try FileManager.default.attributesOfItem(atPath: "\(day)/\(file)")[.posixPermissions] as? Int
                #expect(mode == 0o644)
            }

            // Audited (actor system, every patient read) and recorded, neither with PHI.
            let details = try await harness.ledgerDetails()
            let audit = try #require(details.first { $0.contains(#""action":"emergency.snapshot""#) })
            #expect(audit.contains(#""actor":"system""#) && audit.contains(patients.active))
            #expect(!audit.contains(patients.ended) && !audit.contains(patients.merged))
            let completed = try #require(details.first { $0.contains(#""kind":"emergency-snapshot.completed""#) })
            #expect(completed.contains(#""patients":1"#) && completed.contains(#""date":"2027-01-15""#))
            #expect(completed.contains(#""checkpointSize":\#(checkpoint.size)"#))
            for text in [audit, completed] { #expect(!text.contains("花子") && !text.contains("E-0001")) }
        }
    }

    @Test("a second run the same day replaces the day; days beyond keepDays and stale staging go")
    func retention() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            _ = try await EmergencyFixture.populate(harness)
            let destination = try TemporaryDirectory(prefix: "kura-emergency")
            defer { destination.remove() }
            let (writer, _) = try Self.writer(harness, to: destination.path, keepDays: 2)
            let stale = destination.file(".kura-emergency-run_stale")
            let unrelated = destination.file("notes")
            for folder in [stale, unrelated] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            }
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)], ofItemAtPath: stale)

            _ = try await writer.write()
            #expect(try writer.hasTodaysSnapshot())
            let again = try await writer.write()
            #expect(again.pruned.isEmpty)
            harness.clock.advance(milliseconds: 86_400_000)
            #expect(try !writer.hasTodaysSnapshot())
            _ = try await writer.write()
            harness.clock.advance(milliseconds: 86_400_000)
            let third = try await writer.write()
            #expect(third.pruned == ["2027-01-15"])
            let names = try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted()
            #expect(names == ["2027-01-16", "2027-01-17", "notes"])
        }
    }

    @Test("a missing folder is refused before anything is read or audited")
    func missingDestination() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            _ = try await EmergencyFixture.populate(harness)
            let (writer, _) = try Self.writer(harness, to: "/nonexistent/kura-emergency")
            await #expect(throws: EmergencySnapshotError.self) { try await writer.write() }
            #expect(try await !harness.ledgerDetails().contains { $0.contains("emergency.snapshot") })
        }
    }

    @Test("a page's file name is the patient id, or a hash for an id a path or a link would not take")
    func fileNames() {
        #expect(EmergencySnapshotFolder.fileName(for: "pat_abc234") == "pat_abc234.html")
        let odd = EmergencySnapshotFolder.fileName(for: "../etc/passwd")
        #expect(odd.hasPrefix("pat-") && odd.hasSuffix(".html") && odd.count == 4 + 64 + 5 && !odd.contains("/"))
    }

    @Test("the key is made once, 0600, holds no key bytes in clear, and refuses a readable-by-others copy")
    func keyFile() async throws {
        let folder = try TemporaryDirectory(prefix: "kura-emergency-key")
        defer { folder.remove() }
        let keys = ClinicKeyMaterial.generate(clinicID: "clinic-1", using: SystemRandomBytes())
        let passphrase = try EmergencyKeyFile.create(in: folder.path, keys: keys, random: SystemRandomBytes())
        let path = EmergencyKeyFile.path(in: folder.path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(throws: EmergencySnapshotError.self) {
            try EmergencyKeyFile.create(in: folder.path, keys: keys, random: SystemRandomBytes())
        }
        let key = try EmergencyKeyFile.load(from: folder.path, keys: keys)
        #expect(try EmergencyKey.derive(from: passphrase, salt: key.salt, iterations: key.iterations) == key)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(passphrase.canonical) && !text.contains(passphrase.grouped))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: EmergencySnapshotError.self) { try EmergencyKeyFile.load(from: folder.path, keys: keys) }
        let other = ClinicKeyMaterial.generate(clinicID: "clinic-1", using: SystemRandomBytes())
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(throws: EmergencySnapshotError.self) { try EmergencyKeyFile.load(from: folder.path, keys: other) }
    }
}
