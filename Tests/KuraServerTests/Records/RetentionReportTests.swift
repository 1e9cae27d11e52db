import KuraCore
import KuraServer
import Testing

/// The purge dry run (RET-1, RET-2): nothing is purgeable while care continues or within the
/// legal period from the end of care; 診療録 are kept five years, other records three.
@Suite("Retention report")
struct RetentionReportTests {
    @Test("entries become purgeable only after their period, counted from the end of care")
    func periods() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (admin, doctor, _) = try await harness.administratorAndDoctor()
            let records = harness.services.records
            var demographics = PatientDemographics(
                patientNumber: "R-1", name: "保存 太郎", kana: "ホゾン タロウ", birthDate: "1930-05-05", sex: "male",
                careStartedOn: "2020-04-01", careEndedOn: "2026-12-31")
            let ended = try await records.register(doctor, demographics: demographics).patient.id
            demographics.patientNumber = "R-2"
            demographics.careEndedOn = nil
            let continuing = try await records.register(doctor, demographics: demographics).patient.id
            for patient in [ended, continuing] {
                _ = try await records.createEntry(
                    doctor, patientID: patient,
                    NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "経過観察"]), finalize: true))
                _ = try await records.createEntry(
                    doctor, patientID: patient,
                    NewEntry(
                        kind: "referral-letter", content: EntryContent(fields: ["recipient": "病院", "body": "紹介"]),
                        finalize: true))
            }
            // Recorded on 2027-01-15 (JST), after the end of care: the periods run from then.
            func report(_ day: String) async throws -> RetentionReport {
                try await records.retentionReport(admin, on: try CivilDate(parsing: day))
            }
            let now = try await report("2027-01-15")
            #expect(now.purgeable.isEmpty)
            #expect(now.retained == 2 && now.indefinite == 2)
            let lastDay = try await report("2030-01-15")
            #expect(lastDay.purgeable.isEmpty)
            let letters = try await report("2030-01-16")
            #expect(
                letters.purgeable == [
                    .init(
                        patientID: ended, kind: "referral-letter", entries: 1, decision: "purgeable", date: "2030-01-16"
                    )
                ])
            #expect(letters.retained == 1 && letters.indefinite == 2)
            let both = try await report("2032-01-16")
            #expect(Set(both.purgeable.map(\.kind)) == ["progress-note", "referral-letter"])
            #expect(both.purgeable.allSatisfy { $0.patientID == ended })
            await #expect(throws: RecordError.identity(.forbidden("role"))) {
                try await records.retentionReport(doctor)
            }
        }
    }
}
