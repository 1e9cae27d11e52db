import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Logging
import Testing

@testable import KuraServer

/// Bad input and faults (BAK-1, BAK-3): damage is found and named, a wrong key writes nothing,
/// an interrupted backup is never a generation, and nothing is restored over existing data.
@Suite("Backup faults")
struct BackupFaultTests {
    /// A data folder with records, a recovery key and one generation, for `body`.
    static func withGeneration(
        _ body:
            @Sendable (_ harness: IdentityHarness, _ key: RecoveryKey, _ generation: String, _ work: TemporaryDirectory)
            async throws -> Void
    ) async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            try await BackupFlowTests.populate(harness)
            let work = try TemporaryDirectory()
            defer { work.remove() }
            let key = try RecoveryKeyFile.create(inDataFolder: harness.raw.dataDirectory)
            let store = harness.services.store
            let result = try await BackupWriter.write(
                BackupWriter.Request(
                    dataDirectory: harness.raw.dataDirectory, keyFile: nil, destination: work.file("backups")),
                store: store)
            try await body(harness, key, result.folder, work)
        }
    }

    static func flipByte(in path: String, at fraction: Double) throws {
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let index = min(bytes.count - 1, Int(Double(bytes.count) * fraction))
        bytes[index] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    @Test("a flipped byte in any file is refused by verify and restore, naming the file; nothing is restored")
    func flippedByte() async throws {
        try await Self.withGeneration { _, key, generation, work in
            _ = try BackupVerifier.verify(generation, recoveryKey: key)
            for name in try BackupVerifier.allFiles(in: generation).sorted() where name != BackupLayout.authenticator {
                let copy = work.file("copy")
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: generation, toPath: copy)
                try Self.flipByte(in: "\(copy)/\(name)", at: 0.6)
                let expectedName = name == BackupLayout.manifest ? "manifest" : name
                do {
                    _ = try BackupVerifier.verify(copy, recoveryKey: key)
                    Issue.record("verify accepted a flipped byte in \(name)")
                } catch {
                    #expect("\(error)".contains(expectedName), "verify's error does not name \(name): \(error)")
                }
                let target = work.file("restored")
                do {
                    _ = try await BackupRestorer.restore(
                        from: copy, recoveryKey: key, dataDirectory: target, databaseURL: nil,
                        logger: Logger(label: "t"))
                    Issue.record("restore accepted a flipped byte in \(name)")
                } catch {
                    #expect("\(error)".contains(expectedName), "restore's error does not name \(name): \(error)")
                }
                #expect(
                    !FileManager.default.fileExists(atPath: target), "a refused restore left \(name)'s target behind")
                #expect(!FileManager.default.fileExists(atPath: target + ".restoring"))
            }
        }
    }

    @Test("a wrong recovery key is refused clearly and writes nothing")
    func wrongKey() async throws {
        try await Self.withGeneration { _, _, generation, work in
            let other = RecoveryKey.generate(using: SystemRandomBytes())
            #expect(throws: BackupCryptoError.wrongRecoveryKey) {
                _ = try BackupVerifier.verify(generation, recoveryKey: other)
            }
            await #expect(throws: BackupCryptoError.wrongRecoveryKey) {
                _ = try await BackupRestorer.restore(
                    from: generation, recoveryKey: other, dataDirectory: work.file("restored"), databaseURL: nil,
                    logger: Logger(label: "t"))
            }
            #expect(!FileManager.default.fileExists(atPath: work.file("restored")))
        }
    }

    @Test("a restore refuses a data folder or a database that holds anything")
    func nonEmptyTargets() async throws {
        try await Self.withGeneration { harness, key, generation, work in
            let occupied = work.file("occupied")
            try FileManager.default.createDirectory(atPath: occupied, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: "\(occupied)/notes.txt", contents: Data("keep".utf8)))
            await #expect(throws: BackupError.targetNotEmpty(occupied)) {
                _ = try await BackupRestorer.restore(
                    from: generation, recoveryKey: key, dataDirectory: occupied, databaseURL: nil,
                    logger: Logger(label: "t"))
            }
            #expect(FileManager.default.contents(atPath: "\(occupied)/notes.txt") == Data("keep".utf8))
        }
    }

    @Test("a file added to a generation, or a generation without its manifest, is not a backup")
    func incompleteAndForeign() async throws {
        try await Self.withGeneration { _, key, generation, work in
            #expect(
                FileManager.default.createFile(
                    atPath: "\(generation)/tables/99-extra.kseal", contents: Data([1, 2, 3])))
            #expect(throws: BackupError.unexpectedFile("tables/99-extra.kseal")) {
                _ = try BackupVerifier.verify(generation, recoveryKey: key)
            }
            try FileManager.default.removeItem(atPath: "\(generation)/tables/99-extra.kseal")
            let partial = work.file("backups/20990101T000000Z-0000.partial")
            try FileManager.default.createDirectory(atPath: "\(partial)/tables", withIntermediateDirectories: true)
            let entries = try BackupCatalog.list(work.file("backups"))
            #expect(entries.filter(\.isComplete).map(\.folder) == [generation])
            #expect(entries.contains { $0.folder == partial && !$0.isComplete })
            // The newest complete generation is chosen, never the partial one.
            #expect(try BackupCatalog.generation(at: work.file("backups")) == generation)
            #expect(throws: BackupError.incomplete(partial)) { _ = try BackupCatalog.generation(at: partial) }
            try FileManager.default.removeItem(atPath: "\(generation)/\(BackupLayout.manifest)")
            #expect(throws: BackupError.incomplete(generation)) {
                _ = try BackupVerifier.verify(generation, recoveryKey: key)
            }
        }
    }

    @Test("a drill fails, and says so in the log, when a live record no longer matches the backup")
    func drillFindsLiveChange() async throws {
        try await Self.withGeneration { harness, key, generation, work in
            let store = harness.services.store
            let verifier = harness.services.checkpointer.signer.verifier
            let passed = try await BackupDrill.run(
                backups: generation, recoveryKey: key, live: store, verifier: verifier, scratch: work.path,
                logger: Logger(label: "t"))
            #expect(passed.passed, "\(passed.failure ?? "")")
            #expect(passed.compared > 0)
            // A version's ciphertext changed behind Kura's back after the backup.
            let version = try await harness.raw.blob(
                "SELECT sealed_body FROM record_version ORDER BY object_id, version LIMIT 1")
            var changed = version
            changed[changed.count / 2] ^= 1
            try await harness.raw.execute(
                """
                UPDATE record_version SET sealed_body = ? WHERE (object_id, version) =
                    (SELECT object_id, version FROM record_version ORDER BY object_id, version LIMIT 1)
                """,
                blob: changed)
            let failed = try await BackupDrill.run(
                backups: generation, recoveryKey: key, live: store, verifier: verifier, scratch: work.path,
                logger: Logger(label: "t"))
            #expect(!failed.passed)
            #expect(failed.failure?.contains("record_version") == true, "\(failed.failure ?? "")")
            #expect(
                try await harness.ledgerDetails().contains {
                    $0.contains("\"kind\":\"backup.drill\"") && $0.contains("\"result\":\"fail\"")
                })
        }
    }

    /// The disk fills during a backup: `ulimit -f` makes every write past 200 KiB fail (EFBIG,
    /// with SIGXFSZ ignored), as a full disk does. No generation is marked complete and the data
    /// is untouched.
    @Test("a backup that runs out of space leaves no complete generation and the records intact")
    func diskFull() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (doctor, patient) = try await BackupFlowTests.populate(harness)
            let work = try TemporaryDirectory()
            defer { work.remove() }
            _ = try RecoveryKeyFile.create(inDataFolder: harness.raw.dataDirectory)
            // An attachment large enough that the sealed chunks pass the limit.
            let pdf = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: 300_000) + Array("\n%%EOF\n".utf8)
            _ = try await harness.services.records.addAttachment(
                doctor, patientID: patient,
                NewAttachment(bytes: pdf, declaredType: "application/pdf", fileName: "big.pdf"))
            let binary = try KuraBinary.path()
            let command = "trap '' XFSZ; ulimit -f 200; exec \"$0\" backup --data \"$1\" --to \"$2\""
            let result = try await ChildProcess.run(
                "/bin/sh", ["-c", command, binary, harness.raw.dataDirectory, work.file("backups")])
            #expect(result.status != 0)
            #expect(result.error.contains("cannot write backup file"), "\(result.error)")
            #expect(result.error.contains("File too large"), "\(result.error)")
            let entries = (try? BackupCatalog.list(work.file("backups"))) ?? []
            #expect(entries.filter(\.isComplete).isEmpty, "a generation was marked complete")
            // The server goes on serving.
            #expect(try await harness.services.records.chart(doctor, patientID: patient).patient.id == patient)
        }
    }
}
