import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Logging
import Testing

@testable import KuraServer

/// Vendor exit (REC-5, EXT-5): an export in the open format, made by an administrator who signs
/// in again, re-imports into an empty Kura with equal record hashes and a consistent log.
@Suite("Export and import")
struct ExportTests {
    @Test("an export re-imports with equal hashes and log, on either backend", arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (adminSession, secret, _, _) = try await harness.readyAdministrator()
            let physician = try await harness.readyPhysician(admin: adminSession)
            let doctor = try await harness.identity.authenticate(token: physician.sessionToken, kind: .browser)
            let patient = try await BackupFlowTests.populate(harness, as: doctor)
            _ = try await harness.services.records.putList(
                doctor, patientID: patient, kind: .allergies,
                items: PatientListItems(items: [.init(text: "ペニシリン <script>alert(1)</script>")]),
                expectedRevision: nil)
            try await harness.services.checkpointer.integrateNow()
            let work = try TemporaryDirectory()
            defer { work.remove() }
            let key = try RecoveryKeyFile.create(inDataFolder: harness.raw.dataDirectory)
            try key.text.write(toFile: work.file("recovery.txt"), atomically: true, encoding: .utf8)
            var configuration = ServerConfiguration(
                dataDirectory: harness.raw.dataDirectory, databaseURL: harness.raw.url, port: 0, insecureHTTP: true)
            configuration.passwordHashing = .passwordTesting
            harness.clock.advance(milliseconds: 60_000)
            let credentials = ExportConsole.Credentials(
                login: "admin", password: IdentityHarness.adminPassword, code: try harness.code(secret))

            // A wrong code is refused and writes nothing.
            await #expect(throws: IdentityError.self) {
                _ = try await ExportConsole.export(
                    configuration: configuration,
                    credentials: ExportConsole.Credentials(
                        login: "admin", password: IdentityHarness.adminPassword, code: "000000"),
                    destination: work.file("refused"), clock: { harness.clock.now }, logger: Logger(label: "t"))
            }
            #expect(!FileManager.default.fileExists(atPath: work.file("refused")))

            let summary = try await ExportConsole.export(
                configuration: configuration, credentials: credentials, destination: work.file("export"),
                clock: { harness.clock.now }, logger: Logger(label: "t"))
            #expect(summary.patients == 1)
            #expect(try await harness.ledgerDetails().contains { $0.contains("\"kind\":\"export.completed\"") })

            // The open part reads without Kura: plain JSON with the opened content.
            let exported = try JSONDecoder().decode(
                ExportedPatient.self,
                from: try #require(FileManager.default.contents(atPath: work.file("export/patients/\(patient).json"))))
            #expect(exported.demographics.name == "保存 太郎")
            #expect(exported.entries.first?.versions.map(\.content.fields["plan"]) == ["初版", "第二版"])
            #expect(exported.lists.first?.items.items.first?.text == "ペニシリン <script>alert(1)</script>")
            let pdf = try #require(exported.attachments.first)
            #expect(
                FileManager.default.contents(atPath: work.file("export/\(pdf.file)")) == Data("%PDF-1.7\n%%EOF\n".utf8))
            let leaves = try String(contentsOfFile: work.file("export/ledger/leaves.jsonl"), encoding: .utf8)
            #expect(leaves.split(separator: "\n").count == Int(summary.leaves))
            #expect(FileManager.default.fileExists(atPath: work.file("export/README.md")))

            // Import into a new Kura through the command line.
            let binary = try KuraBinary.path()
            let imported = try await ChildProcess.run(
                binary,
                [
                    "import", "--from", work.file("export"), "--data", work.file("imported"), "--recovery-key-file",
                    work.file("recovery.txt"),
                ])
            #expect(imported.status == 0, "\(imported.error)")
            #expect(imported.output.contains("record hashes match"), "\(imported.output)")
            let verify = try await ChildProcess.run(binary, ["verify", "records", "--data", work.file("imported")])
            #expect(verify.status == 0, "\(verify.error)")

            // An export whose open part was edited does not import.
            let path = work.file("export/patients/\(patient).json")
            var bytes = try #require(FileManager.default.contents(atPath: path))
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: path))
            let tampered = try await ChildProcess.run(
                binary,
                [
                    "import", "--from", work.file("export"), "--data", work.file("imported2"), "--recovery-key-file",
                    work.file("recovery.txt"),
                ])
            #expect(tampered.status != 0)
            #expect(tampered.error.contains("patients/\(patient).json"), "\(tampered.error)")
        }
    }
}
