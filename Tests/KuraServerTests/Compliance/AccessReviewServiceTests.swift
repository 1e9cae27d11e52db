import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Testing

@testable import KuraServer

/// The log reviews on a running clinic (AUD-4): a night chart opening in `off-hours`, a flagged
/// patient's chart in `staff-patients`, break-glass, the review refused to clinicians and itself
/// audited, and sign-offs stored as sealed ledgered evidence, on both backends.
@Suite("Access reviews and sign-offs (AUD-4)")
struct AccessReviewServiceTests {
    static func service(_ harness: IdentityHarness) -> ComplianceService {
        ComplianceService(records: harness.services.records, store: harness.services.store)
    }

    /// An administrator, a physician, a ready auditor (the planning manager) and one patient of
    /// the physician's, registered at the harness's start: Friday 2027-01-15 17:00 JST.
    static func clinic(
        _ harness: IdentityHarness
    ) async throws -> (admin: Authenticated, doctor: Authenticated, auditor: PageStaff, patient: String) {
        let (admin, doctor, _) = try await harness.administratorAndDoctor()
        let auditor = try await PageStaff.make(
            harness, admin: admin, login: "kansa", jobType: "other", roles: ["auditor"])
        let patient = try await register(harness, doctor, number: "V-1")
        return (admin, doctor, auditor, patient)
    }

    static func register(_ harness: IdentityHarness, _ doctor: Authenticated, number: String) async throws -> String {
        try await harness.services.records.register(
            doctor,
            demographics: PatientDemographics(
                patientNumber: number, name: "審査 花子", kana: "シンサ ハナコ", birthDate: "1950-01-01", sex: "female")
        ).patient.id
    }

    /// The harness clock's start, an hour back: the period every review here covers.
    static let periodStart: Int64 = 1_800_000_000_000 - 3_600_000

    @Test(
        "a chart opened at 22:00 JST is an off-hours finding; the review is audited and refused to others",
        arguments: TestBackend.available)
    func offHours(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, doctor, auditor, patient) = try await Self.clinic(harness)
            let compliance = Self.service(harness)
            let records = harness.services.records
            _ = try await records.chart(doctor, patientID: patient)  // 17:00 JST: open
            harness.clock.advance(minutes: 5 * 60)
            _ = try await records.chart(doctor, patientID: patient)  // 22:00 JST: closed
            let until = harness.clock.now + 1
            let review = try await compliance.review(.offHours, from: Self.periodStart, until: until, by: auditor.auth)
            #expect(review.eventsReviewed == 2 && !review.truncated)
            let finding = try #require(review.findings.first)
            #expect(review.findings.count == 1)
            #expect(finding.actor == doctor.account.id && finding.patientIDs == [patient])
            #expect(finding.first == harness.clock.now && finding.actions == ["chart.read"])
            let friday = try CivilDate(parsing: "2027-01-15")
            #expect(finding.access == ["care-team"] && finding.date == friday)
            // The review is an access-log read, with the patients its findings name (AUD-1).
            let audited = try await harness.services.store.auditEvents(
                AuditQuery(actor: auditor.auth.account.id, limit: 10))
            #expect(audited.map(\.action) == ["audit.read"] && audited.first?.patientIDs == [patient])
            for refused in [doctor, admin] {
                await #expect(throws: ComplianceError.forbidden) {
                    try await compliance.review(.offHours, from: Self.periodStart, until: until, by: refused)
                }
            }
            await #expect(throws: ComplianceError.invalid(AccessReviewError.invalidPeriod.description)) {
                try await compliance.review(.offHours, from: until, until: until, by: auditor.auth)
            }
        }
    }

    @Test(
        "a flagged patient's chart is a staff-patients finding; flags are sealed, kept by administrators only",
        arguments: TestBackend.available)
    func flaggedPatient(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, doctor, auditor, patient) = try await Self.clinic(harness)
            let other = try await Self.register(harness, doctor, number: "V-2")
            let compliance = Self.service(harness)
            let note = "事務長の母"
            let flag = try await compliance.flag(patientID: patient, as: .relative, note: note, by: admin)
            #expect(flag.kind == .relative && flag.note == note && flag.version == 1 && !flag.cleared)
            await #expect(throws: ComplianceError.forbidden) {
                try await compliance.flag(patientID: other, as: .vip, by: doctor)
            }
            await #expect(throws: ComplianceError.notFound("patient")) {
                try await compliance.flag(patientID: "pat_missing", as: .vip, by: admin)
            }
            await #expect(throws: ComplianceError.forbidden) { try await compliance.flags(by: doctor) }
            #expect(try await compliance.flags(by: auditor.auth).map(\.patientID) == [patient])
            let stored = try await harness.services.store.complianceVersions(objectID: flag.id)
            #expect(stored.count == 1 && !String(decoding: stored[0].sealedBody, as: UTF8.self).contains(note))
            #expect(!String(decoding: stored[0].sealedBody, as: UTF8.self).contains(patient))

            _ = try await harness.services.records.chart(doctor, patientID: patient)
            _ = try await harness.services.records.chart(doctor, patientID: other)
            let until = harness.clock.now + 1
            let review = try await compliance.review(
                .staffPatients, from: Self.periodStart, until: until, by: auditor.auth)
            #expect(review.findings.count == 1)
            #expect(review.findings.first?.actor == doctor.account.id && review.findings.first?.flag == .relative)
            #expect(review.findings.first?.patientIDs == [patient])

            let cleared = try await compliance.clearFlag(patientID: patient, by: admin)
            #expect(cleared.cleared && cleared.version == 2 && cleared.id == flag.id)
            #expect(try await compliance.flags(by: admin).isEmpty)
            #expect(try await compliance.flags(includingCleared: true, by: admin).count == 1)
            await #expect(throws: ComplianceError.notFound("flag")) {
                try await compliance.clearFlag(patientID: patient, by: admin)
            }
            let after = try await compliance.review(
                .staffPatients, from: Self.periodStart, until: harness.clock.now + 1, by: auditor.auth)
            #expect(after.findings.isEmpty)
        }
    }

    @Test("a sign-off is sealed, listed newest first and is a ledger leaf", arguments: TestBackend.available)
    func signOff(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, doctor, auditor, _) = try await Self.clinic(harness)
            let compliance = Self.service(harness)
            let until = harness.clock.now
            let comment = "夜間の閲覧2件: いずれも往診の記録と一致"
            let first = try await compliance.signOff(
                .offHours, from: Self.periodStart, until: until, findings: 2, comment: comment, by: auditor.auth)
            harness.clock.advance(minutes: 1)
            let second = try await compliance.signOff(
                .breakGlass, from: Self.periodStart, until: until, findings: 0, comment: "該当なし", by: admin)
            #expect(first.reviewer == auditor.auth.account.id && first.findings == 2 && first.comment == comment)
            #expect(first.leafID != nil && second.leafID != nil)
            let listed = try await compliance.signOffs()
            #expect(listed.map(\.id) == [second.id, first.id])
            #expect(listed.last == first)
            await #expect(throws: ComplianceError.forbidden) {
                try await compliance.signOff(
                    .offHours, from: Self.periodStart, until: until, findings: 0, comment: "確認", by: doctor)
            }
            await #expect(throws: ComplianceError.invalid("comment is required")) {
                try await compliance.signOff(
                    .offHours, from: Self.periodStart, until: until, findings: 0, comment: "  ", by: auditor.auth)
            }
            // The leaf names the task, period and count in the clear; the comment stays sealed.
            let leaves = try await harness.ledgerDetails().filter { $0.contains("\"documentKind\":\"review\"") }
            #expect(leaves.count == 2)
            #expect(leaves.contains { $0.contains("\"task\":\"off-hours\"") && $0.contains("\"findings\":2") })
            #expect(!leaves.contains { $0.contains("往診") })
            let stored = try await harness.services.store.complianceVersions(objectID: first.id)
            #expect(!String(decoding: stored[0].sealedBody, as: UTF8.self).contains("往診"))
        }
    }

    @Test("break-glass reads are listed; the reader pages the log and says when its cap cut the period short")
    func breakGlassAndCap() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (admin, doctor, auditor, patient) = try await Self.clinic(harness)
            let outsider = try await PageStaff.make(
                harness, admin: admin, login: "dr.ito", jobType: "physician", roles: ["physician"])
            _ = try await harness.identity.openBreakGlass(
                outsider.auth, patientID: patient, reason: "夜間の急変対応", password: PageStaff.password)
            _ = try await harness.services.records.chart(outsider.auth, patientID: patient)
            for _ in 0..<4 { _ = try await harness.services.records.chart(doctor, patientID: patient) }
            let compliance = Self.service(harness)
            let until = harness.clock.now + 1
            let (all, cut) = try await compliance.reviewEvents(
                from: Self.periodStart, until: until, breakGlassOnly: false, cap: 10)
            #expect(all.count == 5 && !cut)
            let (capped, truncated) = try await compliance.reviewEvents(
                from: Self.periodStart, until: until, breakGlassOnly: false, cap: 3, pageSize: 2)
            #expect(capped.count == 3 && truncated && Set(capped.map(\.id)).count == 3)
            let (exact, full) = try await compliance.reviewEvents(
                from: Self.periodStart, until: until, breakGlassOnly: false, cap: 5, pageSize: 2)
            #expect(exact.count == 5 && !full)
            let review = try await compliance.review(
                .breakGlass, from: Self.periodStart, until: until, by: auditor.auth)
            #expect(review.findings.map(\.actor) == [outsider.id] && review.findings.first?.access == ["break-glass"])
        }
    }
}
