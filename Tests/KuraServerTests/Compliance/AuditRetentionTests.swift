import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// AUD-6: the access log outlives the records it concerns. The purge plan names clinical entry
/// kinds only, no write removes an audit event, and a patient's events are all still there on a
/// day when the patient's entries may be purged.
@Suite("Audit retention (AUD-6)")
struct AuditRetentionTests {
    @Test("the purge plan never names audit events, and they stay when the entries may go")
    func purgeKeepsAuditEvents() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (admin, doctor, _) = try await harness.administratorAndDoctor()
            let records = harness.services.records
            let patient = try await records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "K-1", name: "保存 次郎", kana: "ホゾン ジロウ", birthDate: "1935-06-06", sex: "male",
                    careStartedOn: "2020-04-01", careEndedOn: "2026-12-31")
            ).patient.id
            _ = try await records.createEntry(
                doctor, patientID: patient,
                NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "経過観察"]), finalize: true))
            for _ in 0..<3 { _ = try await records.chart(doctor, patientID: patient) }
            let query = AuditQuery(patientID: patient, limit: 100)
            let before = try await harness.services.store.auditEvents(query)
            #expect(before.count == 3)
            // Long after the 診療録's five years: the entry may go, its access log may not.
            let report = try await records.retentionReport(admin, on: try CivilDate(parsing: "2040-01-01"))
            #expect(report.purgeable.map(\.kind) == ["progress-note"])
            #expect(AuditRetention.violation(in: report) == nil)
            #expect(try await harness.services.store.auditEvents(query) == before)

            var forged = report
            forged.purgeable.append(
                .init(patientID: patient, kind: "audit-event", entries: 3, decision: "purgeable", date: "2040-01-01"))
            #expect(AuditRetention.violation(in: forged) != nil)
            let writes: [StoreWrite] = [
                .insertAuditEvent(before[0]), .claimOnce(name: "aud-6", at: 0),
                .removeCareTeamMember(patientID: patient, accountID: doctor.account.id),
                .endSessions(accountID: doctor.account.id, reason: .logout, at: 0, keeping: nil),
            ]
            #expect(!writes.contains(where: AuditRetention.removesAuditEvents))
        }
    }
}
