import HTTPTypes
import HummingbirdCore
import KuraCore
import KuraTesting
import Testing

@testable import KuraServer

/// `kura verify records` (真正性): every stored version and attachment matches the hashes its
/// leaf committed to, so a ciphertext swapped in the database is found even when it was sealed
/// with the right key and still opens.
@Suite("Record tamper detection")
struct RecordTamperTests {
    @Test("verify records passes on untouched records and names the swapped version", arguments: TestBackend.available)
    func swappedCiphertext(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (_, doctor, _) = try await harness.administratorAndDoctor()
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

/// A proof asked for before a checkpoint covers the version answers 202 with a retry hint, and
/// the proof once it does (DESIGN "Sequencing").
@Suite("Entry proofs")
struct EntryProofTests {
    @Test("not yet in a checkpoint: 202 with Retry-After; then a proof that verifies", arguments: TestBackend.available)
    func pendingThenProven(backend: TestBackend) async throws {
        // No checkpoint on its own during the test: only integrateNow() seals one.
        try await IdentityHarness.with(backend, configure: { $0.checkpointInterval = .seconds(86_400) }) { harness in
            let (_, doctor, _) = try await harness.administratorAndDoctor()
            let records = harness.services.records
            let patient = try await records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "V-1", name: "証明 待ち", kana: "ショウメイ マチ", birthDate: "1945-08-15", sex: "male")
            ).patient.id
            let entry = try await records.createEntry(
                doctor, patientID: patient,
                NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "経過観察"]), finalize: true))
            await #expect(throws: RecordError.notYetIntegrated) {
                try await records.proof(doctor, entryID: entry.id, version: 1)
            }
            #expect(RecordError.notYetIntegrated.response(language: "ja").status == .accepted)
            #expect(RecordError.notYetIntegrated.response(language: "ja").headers[.retryAfter] == "1")
            try await harness.services.checkpointer.integrateNow()
            let proof = try await records.proof(doctor, entryID: entry.id, version: 1)
            let checked = try OfflineVerification.inclusion(
                proof: Array(proof.proof.utf8), leaf: Array(proof.leaf.utf8), key: harness.startup.verifierKey)
            #expect(checked.index == proof.index)
        }
    }
}
