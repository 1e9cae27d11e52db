import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// The start page and what every signed-in page shares: the worklist (today's visits,
/// approvals, drafts) audited as a read (AUD-1), the queues for administrators (ACC-7), the idle
/// lock (SESS-2) and the script the CSP allows (no inline script).
@Suite("Dashboard and the page frame")
struct DashboardPagesTests {
    static func patient(_ number: String, name: String, kana: String) -> PatientDemographics {
        PatientDemographics(patientNumber: number, name: name, kana: kana, birthDate: "1938-04-02", sex: "female")
    }

    @Test(
        "a physician's worklist: today's visits, proxy entries to approve, drafts; audited",
        arguments: TestBackend.available)
    func physicianWorklist(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, doctor, physician) = try await harness.administratorAndDoctor()
            let clerk = try await PageStaff.make(
                harness, admin: admin, login: "uketsuke", jobType: "clerk", roles: ["clerk"])
            let records = harness.services.records
            let visited = try await records.register(
                doctor, demographics: Self.patient("P-101", name: "訪問 花子", kana: "ホウモン ハナコ"),
                careTeam: [clerk.id])
            let other = try await records.register(
                doctor, demographics: Self.patient("P-102", name: "下書 次郎", kana: "シタガキ ジロウ"),
                careTeam: [clerk.id])
            let unseen = try await records.register(
                clerk.auth, demographics: Self.patient("P-103", name: "他院 三郎", kana: "タイン サブロウ"))
            let visit = try await records.createEntry(
                doctor, patientID: visited.patient.id,
                NewEntry(
                    kind: RecordKind.homeVisit.rawValue,
                    content: EntryContent(fields: ["place": "自宅", "subjective": "変わりなし"]),
                    careAt: harness.clock.now - 3_600_000, finalize: true))
            let draft = try await records.createEntry(
                doctor, patientID: other.patient.id,
                NewEntry(kind: RecordKind.progressNote.rawValue, content: EntryContent(fields: ["subjective": "咳"])))
            let proxy = try await records.createEntry(
                clerk.auth, patientID: other.patient.id,
                NewEntry(
                    kind: RecordKind.prescriptionNote.rawValue, content: EntryContent(fields: ["prescription": "継続"]),
                    onBehalfOf: doctor.account.id))
            // A visit yesterday is not today's, and a patient outside the team is never listed.
            _ = try await records.createEntry(
                doctor, patientID: visited.patient.id,
                NewEntry(
                    kind: RecordKind.homeVisit.rawValue, content: EntryContent(fields: ["place": "自宅"]),
                    careAt: harness.clock.now - 86_400_000, finalize: true))
            #expect(unseen.patient.id != visited.patient.id)

            var browser = PageBrowser(harness.client)
            browser.cookies = ["__Host-kura-session": physician.sessionToken, "__Host-kura-device": physician.device]
            #expect(PagesTests.location(try await browser.get("/")) == "/dashboard")
            let page = try await browser.get("/dashboard")
            #expect(page.status == .ok)
            let html = PageBrowser.html(page)
            let visits = try #require(PageBrowser.text(after: "id=\"visits\"", until: "</table>", in: html))
            #expect(visits.contains("訪問 花子") && visits.contains("/entries/\(visit.id)"))
            #expect(visits.components(separatedBy: "<tr>").count == 3, "a header and one visit: \(visits)")
            let approvals = try #require(PageBrowser.text(after: "id=\"approvals\"", until: "</table>", in: html))
            #expect(approvals.contains("/entries/\(proxy.id)") && approvals.contains("uketsuke"))
            let drafts = try #require(PageBrowser.text(after: "id=\"drafts\"", until: "</table>", in: html))
            #expect(drafts.contains("/entries/\(draft.id)") && drafts.contains("下書 次郎"))
            #expect(!html.contains("他院 三郎"))
            // 2027-01-15 in JST is a Friday of Reiwa 9.
            #expect(html.contains("令和9年1月15日（金）"))

            // The worklist named patients: that read is in the access log (AUD-1).
            let events = try await harness.services.store.auditEvents(
                AuditQuery(actor: doctor.account.id, action: "worklist.read", limit: 10))
            #expect(Set(events.first?.patientIDs ?? []) == [visited.patient.id, other.patient.id])

            // The clerk has nothing to approve and sees no approval list, only their own draft.
            var clerkBrowser = clerk.browser
            let clerkPage = PageBrowser.html(try await clerkBrowser.get("/dashboard"))
            #expect(!clerkPage.contains("id=\"approvals\"") && !clerkPage.contains("/approvals"))
            #expect(clerkPage.contains("未確定の下書き"))
        }
    }

    @Test("an administrator sees open reviews, alerts and devices waiting, and no clinical list")
    func administratorQueues() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = try await PagesTests.readyAdministrator(harness)
            let html = PageBrowser.html(try await browser.get("/dashboard"))
            #expect(html.contains("id=\"reviews\""))
            #expect(html.contains("未確認のアラート"))
            #expect(html.contains("承認待ちの端末"))
            #expect(!html.contains("本日の訪問診療"))
            #expect(html.contains("href=\"/admin/policies\""))
        }
    }

    @Test(
        "every signed-in page carries the idle lock; the script is Kura's own file and the CSP allows no inline script")
    func idleLockAndScript() async throws {
        try await IdentityHarness.with(.sqlite, configure: { $0.identity.sessions.idleMilliseconds = 120_000 }) {
            harness in
            var browser = try await PagesTests.readyAdministrator(harness)
            let page = try await browser.get("/dashboard")
            let html = PageBrowser.html(page)
            #expect(html.contains("data-idle-ms=\"120000\""))
            #expect(
                html.contains("id=\"idle-lock\"") && html.contains("<script src=\"/assets/kura.js\" defer></script>"))
            let csp = try #require(page.headers[PagesTests.csp])
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
            #expect(!html.contains("<script>") && !html.contains(" on"), "no inline script or handler")

            let script = try await browser.get("/assets/kura.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(PageBrowser.html(script).contains("data-idle-ms"))

            // Before sign-in there is no lock: nothing to hide.
            var anonymous = PageBrowser(harness.client)
            let login = PageBrowser.html(try await anonymous.get("/login"))
            #expect(!login.contains("idle-lock") && !login.contains("data-idle-ms"))

            // The server's side of the lock: past the idle limit, the next request needs sign-in.
            harness.clock.advance(milliseconds: 120_001)
            #expect(PagesTests.location(try await browser.get("/dashboard")) == "/login")
        }
    }
}
