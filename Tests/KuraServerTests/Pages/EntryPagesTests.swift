import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraServer
import KuraStore
import NIOCore
import Testing

/// The entry pages over real HTTP on both backends (REC-1, REC-2, ACC-6, INC-5): a physician
/// writes a home-visit record through the form, edits, finalizes, amends with a reason and
/// marks it entered in error; a clerk's proxy entry waits in the physician's queue and is
/// approved or rejected; every version and reason is on the entry page; every form refuses a
/// post without its CSRF token; typed markup is shown escaped.
@Suite("Entry pages")
struct EntryPagesTests {
    static let script = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    static let patientName = "訪問 花子"

    /// A physician, a clerk and a nurse on the care team of one patient.
    struct Clinic {
        var doctor: PageStaff
        var clerk: PageStaff
        var nurse: PageStaff
        let patientID: String
    }

    static func clinic(_ harness: IdentityHarness) async throws -> Clinic {
        let admin = try await harness.readyAdministrator().auth
        let doctor = try await PageStaff.make(
            harness, admin: admin, login: "dr.sato", jobType: "physician", roles: ["physician"])
        let clerk = try await PageStaff.make(harness, admin: admin, login: "jimu", jobType: "clerk", roles: ["clerk"])
        let nurse = try await PageStaff.make(harness, admin: admin, login: "kango", jobType: "nurse", roles: ["nurse"])
        let patientID = try await PageStaff.patient(
            harness, by: doctor, number: "P-7", name: patientName, team: [clerk.id, nurse.id])
        return Clinic(doctor: doctor, clerk: clerk, nurse: nurse, patientID: patientID)
    }

    /// The entry id a post redirected to.
    static func entryID(_ response: TestResponse) throws -> String {
        let location = try #require(response.location, "a redirect, got \(response.status)")
        #expect(location.hasSuffix("?notice=done"))
        return try #require(PageBrowser.text(after: "/entries/", until: "?", in: location))
    }

    /// The number of versions the entry page lists.
    static func versions(_ html: String) -> Int {
        html.components(separatedBy: "<section class=\"version\" id=\"version-").count - 1
    }

    @Test("a physician writes a home visit, edits, finalizes, amends with a reason and marks it in error")
    func physicianFlow() async throws {
        for backend in TestBackend.available {
            try await IdentityHarness.with(backend) { harness in
                var clinic = try await Self.clinic(harness)
                let newPath = "/patients/\(clinic.patientID)/entries/new"

                // The kind is chosen by a GET parameter; the fields, labels and times follow it.
                let form = try await clinic.doctor.page(newPath + "?kind=home-visit")
                #expect(form.html.contains(Self.patientName) && form.html.contains("P-7"))
                #expect(form.html.contains("<h2>訪問診療記録</h2>"))
                for field in ["place", "participants", "subjective", "objective", "assessment", "plan"] {
                    #expect(form.html.contains("<label for=\"field-\(field)\">"), "\(field)")
                }
                #expect(form.html.contains("<textarea id=\"field-subjective\""))
                #expect(form.html.contains("id=\"careAt\" name=\"careAt\" type=\"datetime-local\""))
                #expect(form.html.contains("id=\"visitEnd\""))
                #expect(form.html.contains("value=\"finalize\""))
                #expect(!form.html.contains("name=\"onBehalfOf\""), "physicians make no proxy entries")
                let progress = try await clinic.doctor.page(newPath)
                #expect(progress.html.contains("<h2>経過記録</h2>") && !progress.html.contains("field-place"))

                // A home visit needs its start: refused with the typed text kept.
                let csrf = try PageBrowser.hidden("_csrf", in: form)
                let visit: [(String, String)] = [
                    ("_csrf", csrf), ("kind", "home-visit"), ("visitEnd", "2027-01-15T16:10"), ("place", "自宅"),
                    ("participants", "長女"), ("subjective", "息切れは改善"), ("submit", "save"),
                ]
                let noStart = try await clinic.doctor.browser.post(newPath, visit)
                #expect(noStart.status == .badRequest)
                #expect(noStart.html.contains("息切れは改善") && noStart.html.contains("長女"))

                let saved = try await clinic.doctor.browser.post(
                    newPath, visit + [("careAt", "2027-01-15T15:30")])
                let id = try Self.entryID(saved)
                let draft = try await clinic.doctor.page("/entries/\(id)?notice=done")
                #expect(draft.html.contains("完了しました"))
                #expect(draft.html.contains("訪問診療記録 — 下書き"))
                #expect(draft.html.contains("2027-01-15 15:30") && draft.html.contains("2027-01-15 16:10"))
                #expect(draft.html.contains("href=\"/entries/\(id)/edit\""))
                #expect(draft.html.contains("href=\"/patients/\(clinic.patientID)/chart\""))
                #expect(draft.html.contains("action=\"/entries/\(id)/finalize\""))
                #expect(!draft.html.contains("/amend"), "a draft is edited, not amended")

                // The editor starts from the current content; a save is a new version.
                let editor = try await clinic.doctor.page("/entries/\(id)/edit")
                #expect(editor.html.contains(">息切れは改善</textarea>"))
                #expect(try PageBrowser.hidden("revision", in: editor) == "1")
                let edit: [(String, String)] = [
                    ("_csrf", csrf), ("kind", "home-visit"), ("revision", "1"), ("visitEnd", "2027-01-15T16:10"),
                    ("place", "自宅"), ("participants", "長女"), ("subjective", "息切れは改善"), ("plan", "利尿薬継続"),
                ]
                #expect(
                    try await clinic.doctor.browser.post("/entries/\(id)/edit", edit + [("submit", "save")]).location
                        == "/entries/\(id)?notice=done")
                // A stale revision is refused (409) and what was typed stays.
                let stale = try await clinic.doctor.browser.post(
                    "/entries/\(id)/edit", edit.map { $0.0 == "plan" ? ("plan", "古い版から") : $0 })
                #expect(stale.status == .conflict && stale.html.contains("古い版から"))
                // 確定 on an unchanged draft adds one version, not an empty edit too.
                let finalized = try await clinic.doctor.browser.post(
                    "/entries/\(id)/edit",
                    edit.map { $0.0 == "revision" ? ("revision", "2") : $0 } + [("submit", "finalize")])
                #expect(finalized.location == "/entries/\(id)?notice=done")
                let final = try await clinic.doctor.page("/entries/\(id)")
                #expect(final.html.contains("訪問診療記録 — 確定"))
                #expect(final.html.contains("<dt>確定</dt><dd>dr.sato 2027-01-15"))
                #expect(Self.versions(final.html) == 3)
                #expect(!final.html.contains("/edit\""), "a final entry is not edited")

                // Amendment (REC-2): the form starts from the content; no reason is a 400 that keeps the text.
                let amendForm = try await clinic.doctor.page("/entries/\(id)/amend")
                #expect(amendForm.html.contains(">利尿薬継続</textarea>"))
                #expect(amendForm.html.contains("<label for=\"reason\">修正の理由（必須）</label>"))
                let amend: [(String, String)] = [
                    ("_csrf", csrf), ("kind", "home-visit"), ("revision", "3"), ("place", "自宅"),
                    ("subjective", "息切れは改善"), ("plan", "利尿薬減量"),
                ]
                let noReason = try await clinic.doctor.browser.post("/entries/\(id)/amend", amend + [("reason", " ")])
                #expect(noReason.status == .badRequest)
                #expect(noReason.html.contains("未入力の項目があります"))
                #expect(noReason.html.contains(">利尿薬減量</textarea>"))
                let amended = try await clinic.doctor.browser.post(
                    "/entries/\(id)/amend", amend + [("reason", "用量の記載誤りを訂正")])
                #expect(amended.location == "/entries/\(id)?notice=done")

                // Entered in error needs a reason too; the typed one stays on a refusal.
                let errorPage = try await clinic.doctor.page("/entries/\(id)")
                #expect(errorPage.html.contains("訪問診療記録 — 修正済み"))
                let noErrorReason = try await clinic.doctor.browser.post(
                    "/entries/\(id)/entered-in-error", [("_csrf", csrf), ("revision", "4"), ("reason", "")])
                #expect(noErrorReason.status == .badRequest)
                let marked = try await clinic.doctor.browser.post(
                    "/entries/\(id)/entered-in-error", [("_csrf", csrf), ("revision", "4"), ("reason", "患者違い")])
                #expect(marked.location == "/entries/\(id)?notice=done")

                // Every version with its state, author and reason.
                let history = try await clinic.doctor.page("/entries/\(id)")
                #expect(Self.versions(history.html) == 5)
                #expect(history.html.contains("<h2 class=\"struck\">訪問診療記録 — 誤記載</h2>"))
                #expect(history.html.contains("版 4 — 修正済み"))
                #expect(history.html.contains("<strong>理由:</strong> 用量の記載誤りを訂正"))
                #expect(history.html.contains("<strong>理由:</strong> 患者違い"))
                #expect(history.html.contains("<dd>利尿薬継続</dd>") && history.html.contains("<dd>利尿薬減量</dd>"))
                #expect(!history.html.contains("/entered-in-error\""), "nothing more to withdraw")

                // The store agrees: five versions, the last two with reasons.
                let stored = try await harness.services.store.versions(objectID: id)
                #expect(stored.map(\.state) == ["draft", "draft", "finalized", "amended", "entered-in-error"])
            }
        }
    }

    @Test("a clerk's proxy entry waits for the physician, who approves one and rejects another with a reason")
    func proxyAndApprovals() async throws {
        for backend in TestBackend.available {
            try await IdentityHarness.with(backend) { harness in
                var clinic = try await Self.clinic(harness)
                let newPath = "/patients/\(clinic.patientID)/entries/new"
                let form = try await clinic.clerk.page(newPath)
                #expect(form.html.contains("<select id=\"onBehalfOf\" name=\"onBehalfOf\" required>"))
                #expect(form.html.contains("<option value=\"\(clinic.doctor.id)\">dr.sato</option>"))
                #expect(!form.html.contains("value=\"finalize\""), "a clerk does not finalize")
                #expect(form.html.contains("承認を依頼して保存"))
                let clerkCSRF = try PageBrowser.hidden("_csrf", in: form)
                let note: [(String, String)] = [
                    ("_csrf", clerkCSRF), ("kind", "progress-note"), ("subjective", "電話で体調確認"), ("submit", "save"),
                ]
                // Without the physician the clerk is refused, and the text stays.
                let unnamed = try await clinic.clerk.browser.post(newPath, note)
                #expect(unnamed.status == .badRequest && unnamed.html.contains("電話で体調確認"))
                let first = try Self.entryID(
                    try await clinic.clerk.browser.post(newPath, note + [("onBehalfOf", clinic.doctor.id)]))
                let second = try Self.entryID(
                    try await clinic.clerk.browser.post(
                        newPath,
                        [
                            ("_csrf", clerkCSRF), ("kind", "prescription-note"), ("prescription", "フロセミド 20mg 1錠"),
                            ("onBehalfOf", clinic.doctor.id), ("submit", "save"),
                        ]))
                let waiting = try await clinic.clerk.page("/entries/\(first)")
                #expect(waiting.html.contains("経過記録 — 承認待ち"))
                #expect(waiting.html.contains("<dt>代行元の医師</dt><dd>dr.sato</dd>"))
                #expect(!waiting.html.contains("/approve\""), "only the named physician approves")

                // A nurse may enter for a physician, or write her own entry.
                let nurseForm = try await clinic.nurse.page(newPath)
                #expect(nurseForm.html.contains("代行入力しない（自分の記録）"))
                #expect(nurseForm.html.contains("value=\"finalize\""))

                // The physician's queue: patient, kind, author, content.
                let queue = try await clinic.doctor.page("/approvals")
                #expect(queue.html.contains(Self.patientName) && queue.html.contains("P-7"))
                #expect(queue.html.contains("<h2>経過記録</h2>") && queue.html.contains("<h2>処方記録</h2>"))
                #expect(queue.html.contains("記載者: jimu"))
                #expect(queue.html.contains("<dd>電話で体調確認</dd>") && queue.html.contains("<dd>フロセミド 20mg 1錠</dd>"))
                #expect(queue.html.contains("<label for=\"reject-reason-\(second)\">"))
                let csrf = try PageBrowser.hidden("_csrf", in: queue)
                let approved = try await clinic.doctor.browser.post(
                    "/entries/\(first)/approve", [("_csrf", csrf), ("revision", "1")])
                #expect(approved.location == "/approvals?notice=done")
                let noReason = try await clinic.doctor.browser.post(
                    "/entries/\(second)/reject", [("_csrf", csrf), ("revision", "1"), ("reason", "")])
                #expect(noReason.status == .badRequest && noReason.html.contains("承認待ち"))
                let rejected = try await clinic.doctor.browser.post(
                    "/entries/\(second)/reject", [("_csrf", csrf), ("revision", "1"), ("reason", "用量の確認が必要")])
                #expect(rejected.location == "/approvals?notice=done")
                let empty = try await clinic.doctor.page("/approvals?notice=done")
                #expect(empty.html.contains("承認待ちの記録はありません") && empty.html.contains("完了しました"))

                let done = try await clinic.doctor.page("/entries/\(first)")
                #expect(done.html.contains("経過記録 — 確定"))
                #expect(done.html.contains("<dt>記載者</dt><dd>jimu</dd>"))
                #expect(done.html.contains("<dt>確定</dt><dd>dr.sato "))
                let back = try await clinic.doctor.page("/entries/\(second)")
                #expect(back.html.contains("処方記録 — 差戻し"))
                #expect(back.html.contains("<strong>理由:</strong> 用量の確認が必要"))

                // A clerk cannot finalize a proxy entry (ACC-6), nor read the approval queue.
                let finalize = try await clinic.clerk.browser.post(
                    newPath, note + [("onBehalfOf", clinic.doctor.id), ("submit", "finalize")])
                #expect(finalize.status == .badRequest)
                #expect(try await clinic.clerk.browser.get("/approvals").status == .forbidden)
            }
        }
    }

    @Test("every entry form refuses a post without or with a wrong CSRF token, and changes nothing")
    func csrf() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var clinic = try await Self.clinic(harness)
            let records = harness.services.records
            let draft = try await records.createEntry(
                clinic.doctor.auth, patientID: clinic.patientID,
                NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "経過観察"])))
            let proxy = try await records.createEntry(
                clinic.clerk.auth, patientID: clinic.patientID,
                NewEntry(
                    kind: "progress-note", content: EntryContent(fields: ["plan": "代行"]),
                    onBehalfOf: clinic.doctor.id))
            let good = try await clinic.doctor.csrf()
            let fields: [(String, String)] = [
                ("kind", "progress-note"), ("plan", "書き換え"), ("revision", "1"), ("reason", "理由"),
                ("submit", "finalize"),
            ]
            let posts = [
                "/patients/\(clinic.patientID)/entries/new", "/entries/\(draft.id)/edit",
                "/entries/\(draft.id)/finalize", "/entries/\(draft.id)/amend", "/entries/\(draft.id)/entered-in-error",
                "/entries/\(proxy.id)/approve", "/entries/\(proxy.id)/reject",
            ]
            for path in posts {
                let none = try await clinic.doctor.browser.post(path, fields)
                #expect(none.status == .forbidden, "\(path) without a token")
                #expect(none.html.contains("フォームの有効期限が切れたか"), "\(path)")
                let wrong = try await clinic.doctor.browser.post(path, [("_csrf", String(good.reversed()))] + fields)
                #expect(wrong.status == .forbidden, "\(path) with a wrong token")
            }
            #expect(try await harness.services.store.entry(id: draft.id)?.revision == 1)
            #expect(try await harness.services.store.entry(id: proxy.id)?.state == .pendingApproval)
            #expect(
                try await harness.services.store.entries(patientID: clinic.patientID, before: nil, limit: 10).count == 2
            )
        }
    }

    @Test("markup typed into every free-text field and reason is shown escaped")
    func escaping() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var clinic = try await Self.clinic(harness)
            let csrf = try await clinic.doctor.csrf()
            let newPath = "/patients/\(clinic.patientID)/entries/new"
            let kinds: [(String, [String])] = [
                ("home-visit", ["place", "participants", "subjective", "objective", "assessment", "plan"]),
                ("prescription-note", ["prescription", "note"]),
                ("referral-letter", ["recipient", "purpose", "body"]),
            ]
            var ids: [String] = []
            for (kind, names) in kinds {
                let fields = names.map { ($0, "\($0) \(Self.script)") }
                let base = [("_csrf", csrf), ("kind", kind), ("careAt", "2027-01-15T10:00"), ("submit", "finalize")]
                // A refused post draws the typed markup back into the form, escaped.
                let refused = try await clinic.doctor.browser.post(
                    newPath, base.map { $0.0 == "careAt" ? ("careAt", "not a time") : $0 } + fields)
                #expect(refused.status == .badRequest)
                #expect(!refused.html.contains(Self.script) && refused.html.contains(Self.escaped))
                let id = try Self.entryID(try await clinic.doctor.browser.post(newPath, base + fields))
                let page = try await clinic.doctor.page("/entries/\(id)")
                #expect(!page.html.contains("<script>"), "\(kind)")
                for name in names { #expect(page.html.contains("\(name) \(Self.escaped)"), "\(kind).\(name)") }
                ids.append(id)
            }
            // Reasons: amendment, entered in error, rejection.
            let amended = try await clinic.doctor.browser.post(
                "/entries/\(ids[1])/amend",
                [
                    ("_csrf", csrf), ("kind", "prescription-note"), ("revision", "1"), ("prescription", "x"),
                    ("reason", Self.script),
                ])
            #expect(amended.location != nil)
            let marked = try await clinic.doctor.browser.post(
                "/entries/\(ids[2])/entered-in-error", [("_csrf", csrf), ("revision", "1"), ("reason", Self.script)])
            #expect(marked.location != nil)
            let clerkCSRF = try await clinic.clerk.csrf()
            let proxy = try Self.entryID(
                try await clinic.clerk.browser.post(
                    newPath,
                    [
                        ("_csrf", clerkCSRF), ("kind", "progress-note"), ("plan", Self.script),
                        ("onBehalfOf", clinic.doctor.id),
                    ]))
            let queue = try await clinic.doctor.page("/approvals")
            #expect(!queue.html.contains("<script>") && queue.html.contains(Self.escaped))
            // A refused rejection (a stale revision) keeps the typed reason, escaped.
            let stale = try await clinic.doctor.browser.post(
                "/entries/\(proxy)/reject", [("_csrf", csrf), ("revision", "9"), ("reason", Self.script)])
            #expect(stale.status == .conflict && !stale.html.contains("<script>"))
            #expect(stale.html.contains(">\(Self.escaped)</textarea>"))
            #expect(
                try await clinic.doctor.browser.post(
                    "/entries/\(proxy)/reject", [("_csrf", csrf), ("revision", "1"), ("reason", Self.script)]
                ).location != nil)
            for id in [ids[1], ids[2], proxy] {
                let page = try await clinic.doctor.page("/entries/\(id)")
                #expect(!page.html.contains("<script>"))
                #expect(page.html.contains("<strong>理由:</strong> \(Self.escaped)"), "\(id)")
            }
        }
    }
}
