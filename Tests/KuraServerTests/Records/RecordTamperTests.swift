import KuraCore
import KuraServer
import KuraTesting
import Testing

/// `kura verify records` (真正性): every stored version and attachment matches the hashes its
/// leaf committed to, so a ciphertext swapped in the database is found even when it was sealed
/// with the right key and still opens.
@Suite("Record tamper detection")
struct RecordTamperTests {
    @Test("verify records passes on untouched records and names the swapped version", arguments: TestBackend.available)
    func swappedCiphertext(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let physician = try await harness.readyPhysician(admin: admin)
            let doctor = try await harness.identity.authenticate(token: physician.sessionToken, kind: .browser)
            let records = harness.services.records
            let patient = try await records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "T-1", name: "改竄 検知", kana: "カイザン ケンチ", birthDate: "1950-01-01", sex: "other")
            ).patient.id
            let entry = try await records.createEntry(
                doctor, patientID: patient,
                NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "初版"])))
            _ = try await records.changeEntry(
                doctor, id: entry.id, .edit(EntryContent(fields: ["plan": "第二版"])), expectedRevision: 1)
            _ = try await records.addAttachment(
                doctor, patientID: patient,
                NewAttachment(
                    bytes: Array("%PDF-1.7\n%%EOF\n".utf8), declaredType: "application/pdf", fileName: "a.pdf"))
            // The pass reads the numbered log, as `kura verify log` does.
            try await harness.services.checkpointer.integrateNow()
            let arguments =
                ["verify", "records", "--data", harness.raw.dataDirectory]
                + (harness.raw.url.map { ["--database", $0] } ?? [])
            let binary = try KuraBinary.path()
            let intact = try await ChildProcess.run(binary, arguments)
            #expect(intact.status == 0, "\(intact.error)")
            #expect(intact.output.contains("records verified: 3 versions, 1 attachments"))

            // Version 1's ciphertext copied over version 2's: sealed with the right key, but not
            // what the log committed to for version 2.
            let first = try await harness.raw.blob(
                "SELECT sealed_body FROM record_version WHERE object_id = '\(entry.id)' AND version = 1")
            try await harness.raw.execute(
                "UPDATE record_version SET sealed_body = ? WHERE object_id = '\(entry.id)' AND version = 2", blob: first
            )
            let swapped = try await ChildProcess.run(binary, arguments)
            #expect(swapped.status == 1)
            #expect(swapped.error.contains("the content of \(entry.id) version 2 is not the committed one"))
        }
    }
}
