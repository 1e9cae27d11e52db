import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import NIOCore
import Testing

@testable import KuraServer

/// The checklist and registry pages (issue 8): an administrator keeps a registry, answers an
/// item and prints the sealed report; a refused entry keeps what was typed; a clinician sees no
/// link and is refused.
@Suite("Compliance pages")
struct CompliancePagesTests {
    @Test("registries, answers and the printed report through the pages", arguments: TestBackend.available)
    func pages(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var admin = try await PagesTests.readyAdministrator(harness)
            let overview = try await admin.get("/compliance")
            #expect(overview.status == .ok)
            let overviewHTML = PageBrowser.html(overview)
            #expect(overviewHTML.contains("href=\"/compliance/checklists/mhlw-r7-institution\""))
            #expect(overviewHTML.contains("href=\"/compliance/registries/officers\""))
            #expect(overviewHTML.contains("href=\"/compliance\""), "the menu links the checklist")

            // A refused entry keeps what was typed and says which field.
            let registry = try await admin.get("/compliance/registries/officers")
            let token = try PageBrowser.hidden("_csrf", in: registry)
            let refused = try await admin.post(
                "/compliance/registries/officers",
                [("_csrf", token), ("v[role]", "security-officer"), ("v[name]", "院長 一郎"), ("v[appointedOn]", "4月1日")])
            #expect(refused.status == .badRequest)
            #expect(PageBrowser.html(refused).contains("value=\"院長 一郎\""))
            let added = try await admin.post(
                "/compliance/registries/officers",
                [
                    ("_csrf", token), ("v[role]", "security-officer"), ("v[name]", "院長 一郎"),
                    ("v[appointedOn]", "2026-04-01"),
                ])
            #expect(added.status == .seeOther)
            let listed = PageBrowser.html(try await admin.get("/compliance/registries/officers"))
            #expect(listed.contains("院長 一郎"))
            let entry = try #require(
                PageBrowser.text(after: "id=\"entry-", until: "\"", in: listed), "the entry is listed with its id")
            let changed = try await admin.post(
                "/compliance/registries/officers",
                [
                    ("_csrf", token), ("entry", entry), ("version", "1"), ("v[role]", "security-officer"),
                    ("v[name]", "院長 一郎"), ("v[appointedOn]", "2026-04-02"), ("v[position]", "院長"),
                ])
            #expect(changed.status == .seeOther)
            let stale = try await admin.post(
                "/compliance/registries/officers",
                [
                    ("_csrf", token), ("entry", entry), ("version", "1"), ("v[role]", "security-officer"),
                    ("v[name]", "院長 一郎"), ("v[appointedOn]", "2026-04-03"),
                ])
            #expect(stale.status == .conflict)

            // A rule past its review date is marked (GOV-2).
            let rule = try await admin.post(
                "/compliance/registries/documents",
                [
                    ("_csrf", token), ("v[title]", "運用管理規程"), ("v[kind]", "operating-rules"),
                    ("v[approvedOn]", "2019-04-01"), ("v[reviewDue]", "2020-03-31"),
                ])
            #expect(rule.status == .seeOther)
            #expect(PageBrowser.html(try await admin.get("/compliance/registries/documents")).contains("見直し期限切れ"))

            // The item's status follows the registry; a person's answer is recorded.
            let checklist = try await admin.get("/compliance/checklists/mhlw-r7-institution")
            let checklistHTML = PageBrowser.html(checklist)
            #expect(checklistHTML.contains("id=\"item-inst-1-1\" class=\"status-confirm\""))
            #expect(checklistHTML.contains("<ul class=\"evidence\"><li>責任者: 1</li></ul>"), "the evidence is listed")
            // An evidence file through the upload form (MAL-4: checked by content), cited by the answer.
            let pdf = Array("%PDF-1.7\n% USB規程\n%%EOF\n".utf8)
            let uploaded = try await admin.post(
                "/compliance/evidence", [("_csrf", token), ("checklist", "mhlw-r7-institution")],
                file: (field: "file", name: "USB規程.pdf", type: "application/pdf", bytes: pdf))
            #expect(uploaded.status == .seeOther)
            let notPDF = try await admin.post(
                "/compliance/evidence", [("_csrf", token), ("checklist", "mhlw-r7-institution")],
                file: (field: "file", name: "a.pdf", type: "application/pdf", bytes: Array("MZ".utf8)))
            #expect(notPDF.status == .badRequest)
            let noToken = try await admin.post(
                "/compliance/evidence", [("checklist", "mhlw-r7-institution")],
                file: (field: "file", name: "b.pdf", type: "application/pdf", bytes: pdf))
            #expect(noToken.status == .forbidden)
            let withFile = PageBrowser.html(try await admin.get("/compliance/checklists/mhlw-r7-institution"))
            let fileID = try #require(
                PageBrowser.text(after: "name=\"evidence[]\" value=\"", until: "\"", in: withFile))
            let answered = try await admin.post(
                "/compliance/checklists/mhlw-r7-institution",
                [
                    ("_csrf", token), ("item", "inst-2-9"), ("answer", "no"), ("confirmedOn", "2026-11-20"),
                    ("targetOn", "2027-03-31"), ("comment", "USB接続の制限を設定中"), ("evidence[]", fileID),
                ])
            #expect(answered.status == .seeOther)
            let after = PageBrowser.html(try await admin.get("/compliance/checklists/mhlw-r7-institution"))
            #expect(after.contains("id=\"item-inst-2-9\" class=\"status-no\""))
            #expect(after.contains("USB接続の制限を設定中"))
            #expect(after.contains("<a href=\"/compliance/evidence/\(fileID)\">USB規程.pdf</a><br>"))
            let download = try await admin.get("/compliance/evidence/\(fileID)")
            #expect(Array(download.body.readableBytesView) == pdf)
            let noTarget = try await admin.post(
                "/compliance/checklists/mhlw-r7-institution",
                [("_csrf", token), ("item", "inst-2-9"), ("answer", "no"), ("confirmedOn", "2026-11-20")])
            #expect(noTarget.status == .badRequest)

            let report = try await admin.post("/compliance/checklists/mhlw-r7-institution/report", [("_csrf", token)])
            #expect(report.status == .ok)
            let body = Array(report.body.readableBytesView)
            #expect(report.headers[ComplianceAPI.reportHashHeader] == ReportSeal.digest(body))
            let policy = try #require(report.headers[PageResponse.contentSecurityPolicyHeader])
            #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"))
            #expect(String(decoding: body, as: UTF8.self).contains("院長 一郎"))

            let withdrawn = try await admin.post(
                "/compliance/registries/officers/withdraw", [("_csrf", token), ("entry", entry), ("version", "2")])
            #expect(withdrawn.status == .seeOther)
            #expect(!PageBrowser.html(try await admin.get("/compliance/registries/officers")).contains("院長 一郎"))

            // A clinician has no link and is refused.
            let adminAuth = try await harness.identity.authenticate(
                token: try #require(admin.cookies["__Host-kura-session"]), kind: .browser)
            let physician = try await harness.readyPhysician(admin: adminAuth)
            var doctor = PageBrowser(harness.client)
            doctor.cookies = ["__Host-kura-session": physician.sessionToken, "__Host-kura-device": physician.device]
            let dashboard = PageBrowser.html(try await doctor.get("/dashboard"))
            #expect(!dashboard.contains("href=\"/compliance\""))
            #expect(try await doctor.get("/compliance").status == .forbidden)
            #expect(try await doctor.get("/compliance/registries/officers").status == .forbidden)
        }
    }

    @Test("an administrator flags a staff patient; the auditor finds the chart opened and signs the review off (AUD-4)")
    func reviews() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var admin = try await PagesTests.readyAdministrator(harness)
            let adminAuth = try await harness.identity.authenticate(
                token: try #require(admin.cookies["__Host-kura-session"]), kind: .browser)
            let physician = try await harness.identity.authenticate(
                token: try await harness.readyPhysician(admin: adminAuth).sessionToken, kind: .browser)
            let patient = try await BackupFlowTests.populate(harness, as: physician)
            let flagsPage = try await admin.get("/compliance/flags")
            let token = try PageBrowser.hidden("_csrf", in: flagsPage)
            let flagged = try await admin.post(
                "/compliance/flags", [("_csrf", token), ("patient", patient), ("kind", "staff"), ("note", "看護師")])
            #expect(flagged.status == .seeOther)
            let flagsHTML = PageBrowser.html(try await admin.get("/compliance/flags"))
            #expect(flagsHTML.contains(">\(patient)</a>"))
            #expect(
                try await admin.get("/compliance/reviews").status == .forbidden, "administrators do not read the log")
            _ = try await harness.services.records.chart(physician, patientID: patient)

            let (caller, _) = try await RecordFlowTests.staff(
                harness, admin: adminAuth, login: "kansa", jobType: "administrator", roles: ["auditor"])
            var auditor = PageBrowser(harness.client)
            auditor.cookies = caller.cookies
            let review = try await auditor.get("/compliance/reviews?task=staff-patients")
            #expect(review.status == .ok)
            let findings = try #require(
                PageBrowser.text(after: "id=\"findings\"", until: "</table>", in: PageBrowser.html(review)))
            #expect(findings.contains(">\(patient)</a>") && findings.contains("dr.suzuki"))
            let signToken = try PageBrowser.hidden("_csrf", in: review)
            let from = try PageBrowser.hidden("from", in: review)
            let until = try PageBrowser.hidden("until", in: review)
            let signed = try await auditor.post(
                "/compliance/reviews",
                [
                    ("_csrf", signToken), ("task", "staff-patients"), ("from", from), ("until", until),
                    ("findings", "1"), ("comment", "担当看護師の閲覧で問題なし"),
                ])
            #expect(signed.status == .seeOther)
            let list = try #require(
                PageBrowser.text(
                    after: "id=\"sign-offs\"", until: "</table>",
                    in: PageBrowser.html(try await auditor.get("/compliance/reviews"))))
            #expect(list.contains("担当看護師の閲覧で問題なし") && list.contains("kansa"))
            let empty = try await auditor.post(
                "/compliance/reviews",
                [("_csrf", signToken), ("task", "staff-patients"), ("from", from), ("until", until), ("findings", "1")])
            #expect(empty.status == .badRequest)
        }
    }
}
