import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import NIOCore
import Testing

@testable import KuraServer

/// The patient pages and the chart over real HTTP on both backends: registration with the
/// likely-duplicate check (REC-1), demographics and the care team, the versioned lists, the
/// search as a POST showing only visible patients, the chart timeline and its badges (REC-2,
/// ACC-6, INC-5, SIG-1), break-glass with a reason and the time left (ACC-7), the print view
/// (REC-3), attachments inline and audited (AUD-1), who viewed the chart under the clinic's
/// policy, CSRF on every form (ASVS 4.2.2) and escaping of every free-text field.
@Suite("Patient pages and the chart")
struct PatientPagesTests {
    static let password = "Tooi-yama-no-kawabe-9%"

    /// A signed-in member of staff: a browser with the session cookies, the account id and the
    /// session for service calls.
    struct Staff {
        var browser: PageBrowser
        let id: String
        let auth: Authenticated
    }

    /// A clinic: an administrator and staff ready to sign in through pages.
    struct Clinic {
        let harness: IdentityHarness
        let admin: Authenticated
        var doctor: Staff
        var nurse: Staff
        var clerk: Staff
        var other: Staff

        init(_ harness: IdentityHarness) async throws {
            self.harness = harness
            admin = try await harness.readyAdministrator().auth
            doctor = try await PatientPagesTests.staff(harness, admin, "dr.sato", "physician")
            nurse = try await PatientPagesTests.staff(harness, admin, "kango", "nurse")
            clerk = try await PatientPagesTests.staff(harness, admin, "jimu", "clerk")
            other = try await PatientPagesTests.staff(harness, admin, "dr.other", "physician")
        }
    }

    /// A new account with `role`, taken through first sign-in, its device approved.
    static func staff(
        _ harness: IdentityHarness, _ admin: Authenticated, _ login: String, _ role: String, jobType: String? = nil
    ) async throws -> Staff {
        let (account, initial) = try await harness.identity.addAccount(
            NewAccount(
                login: login, name: "職員 \(login)", jobType: jobType ?? role,
                licence: ["physician", "nurse"].contains(role) ? "123456" : nil, roles: [role]), by: admin.actor)
        let first = try await harness.identity.signIn(harness.attempt(login, initial))
        let changed = try await harness.identity.changePassword(first.authenticated, current: initial, new: password)
        let (enrolled, _, _) = try await harness.enrol(changed)
        _ = try await harness.identity.approveDevice(enrolled.device.id, ownership: .clinic, by: admin.actor)
        let auth = try await harness.identity.authenticate(token: first.sessionToken, kind: .browser)
        var browser = PageBrowser(harness.client)
        browser.cookies = [SessionCookies.session: first.sessionToken, SessionCookies.device: first.deviceToken]
        return Staff(browser: browser, id: account.id, auth: auth)
    }

    static func location(_ response: TestResponse) -> String? {
        response.status == .seeOther ? response.headers[.location] : nil
    }

    static func html(_ response: TestResponse) -> String {
        PageBrowser.html(response)
    }

    /// The form fields of a patient.
    static func patientFields(
        number: String, name: String = "山田 花子", kana: String = "ヤマダ ハナコ", birthDate: String = "1940-02-29",
        extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("patientNumber", number), ("name", name), ("kana", kana), ("birthDate", birthDate), ("sex", "female"),
            ("address", "東京都千代田区1-1"), ("phone", "03-1234-5678"), ("insurerNumber", "06130012"),
            ("insuranceSymbol", "12"), ("insuranceNumber", "3456"), ("careStartedOn", "2026-04-01"),
        ] + extra
    }

    /// Registers a patient through the form (confirming any duplicate) and returns its id.
    static func register(_ staff: inout Staff, _ fields: [(String, String)]) async throws -> String {
        let form = try await staff.browser.get("/patients/new")
        let csrf = try PageBrowser.hidden("_csrf", in: form)
        let posted = try await staff.browser.post(
            "/patients/new", [("_csrf", csrf)] + fields + [("confirmDuplicate", "yes")])
        let path = try #require(location(posted), "registered: \(posted.status)")
        return try #require(path.split(separator: "/").dropFirst().first.map(String.init))
    }

    /// The CSRF token of `staff`'s session.
    static func csrf(_ staff: inout Staff) async throws -> String {
        try PageBrowser.hidden("_csrf", in: try await staff.browser.get("/patients"))
    }

    @Test(
        "registration through the form, the duplicate warning, the edit form and the care team",
        arguments: TestBackend.available)
    func registrationAndCareTeam(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let form = try await clinic.doctor.browser.get("/patients/new")
            #expect(form.status == .ok)
            let csrf = try PageBrowser.hidden("_csrf", in: form)
            // Every field is labelled; the nurse may be put on the care team.
            for field in ["patientNumber", "name", "kana", "birthDate", "sex", "address", "phone", "insurerNumber"] {
                #expect(Self.html(form).contains("<label for=\"\(field)\">"), "\(field) is labelled")
            }
            #expect(Self.html(form).contains("value=\"\(clinic.nurse.id)\""))
            #expect(!Self.html(form).contains("value=\"\(clinic.doctor.id)\""), "the registrant joins anyway")

            // A required field left blank: 400, and what was typed stays in the form.
            let blank = try await clinic.doctor.browser.post(
                "/patients/new", [("_csrf", csrf)] + Self.patientFields(number: "P-1", name: " "))
            #expect(blank.status == .badRequest)
            #expect(Self.html(blank).contains("value=\"P-1\""))

            let created = try await clinic.doctor.browser.post(
                "/patients/new",
                [("_csrf", csrf)] + Self.patientFields(number: "P-1", extra: [("careTeam[]", clinic.nurse.id)]))
            let chartPath = try #require(Self.location(created))
            #expect(chartPath.hasSuffix("/chart?notice=done"))
            let patientID = String(chartPath.split(separator: "/")[1])
            let chart = Self.html(try await clinic.doctor.browser.get(chartPath))
            for text in ["山田 花子", "ヤマダ ハナコ", "昭和15年2月29日（1940年）", "06130012 / 12 / 3456", "令和8年4月1日", "完了しました"] {
                #expect(chart.contains(text), "the chart shows \(text)")
            }
            #expect(try await clinic.nurse.browser.get("/patients/\(patientID)/chart").status == .ok)

            // Same kana and birth date (REC-1): a warning first, nothing registered yet.
            let second = Self.patientFields(number: "P-2", name: "山田 華子", kana: "やまだ はなこ")
            let warned = try await clinic.doctor.browser.post("/patients/new", [("_csrf", csrf)] + second)
            #expect(warned.status == .ok)
            #expect(try PageBrowser.element("duplicate-count", in: warned) == "1")
            #expect(Self.html(warned).contains("href=\"/patients/\(patientID)/chart\""))
            #expect(Self.html(warned).contains("name=\"confirmDuplicate\" value=\"yes\""))
            #expect(Self.html(warned).contains("value=\"P-2\""))
            #expect(
                try await harness.services.records.search(clinic.doctor.auth, PatientQuery(patientNumber: "P-2"))
                    .isEmpty)
            // Another physician sees the count, not the patient outside their care teams.
            let otherCSRF = try await Self.csrf(&clinic.other)
            let hidden = try await clinic.other.browser.post(
                "/patients/new", [("_csrf", otherCSRF)] + Self.patientFields(number: "P-3"))
            #expect(try PageBrowser.element("duplicate-count", in: hidden) == "1")
            #expect(!Self.html(hidden).contains("/patients/\(patientID)/chart"))
            #expect(Self.html(hidden).contains("ケアチーム外のため表示できません"))
            let confirmed = try await clinic.doctor.browser.post(
                "/patients/new", [("_csrf", csrf)] + second + [("confirmDuplicate", "yes")])
            #expect(Self.location(confirmed)?.hasSuffix("/chart?notice=done") == true)
            let taken = try await clinic.doctor.browser.post(
                "/patients/new", [("_csrf", csrf)] + Self.patientFields(number: "P-1", kana: "ベツジン"))
            #expect(taken.status == .conflict)

            // The edit form: a new version with the revision it was drawn from.
            let edit = try await clinic.doctor.browser.get("/patients/\(patientID)/edit")
            #expect(edit.status == .ok)
            let revision = try PageBrowser.hidden("revision", in: edit)
            #expect(revision == "1")
            let changed = Self.patientFields(number: "P-1", extra: [("careEndedOn", "2026-12-31")]).map {
                $0.0 == "address" ? ("address", "東京都港区2-2") : $0
            }
            let saved = try await clinic.doctor.browser.post(
                "/patients/\(patientID)/edit", [("_csrf", csrf), ("revision", revision)] + changed)
            #expect(Self.location(saved) == "/patients/\(patientID)/chart?notice=done")
            let after = Self.html(try await clinic.doctor.browser.get("/patients/\(patientID)/chart"))
            #expect(after.contains("東京都港区2-2") && after.contains("令和8年12月31日"))
            let stale = try await clinic.doctor.browser.post(
                "/patients/\(patientID)/edit", [("_csrf", csrf), ("revision", revision)] + changed)
            #expect(stale.status == .conflict)
            #expect(Self.html(stale).contains("value=\"東京都港区2-2\""))
            // A physician outside the care team is sent to break-glass instead.
            #expect(
                Self.location(try await clinic.other.browser.get("/patients/\(patientID)/edit"))
                    == "/patients/\(patientID)/break-glass")

            // The care team: the edit page lists it and offers the others.
            let team = try await clinic.doctor.browser.get("/patients/\(patientID)/edit")
            let members = try #require(
                PageBrowser.text(after: "<ul id=\"care-team\">", until: "</ul>", in: Self.html(team)))
            #expect(members.contains("dr.sato") && members.contains("kango") && !members.contains("dr.other"))
            #expect(Self.html(team).contains("<option value=\"\(clinic.other.id)\">"))
            #expect(!Self.html(team).contains("<option value=\"\(clinic.admin.account.id)\">"), "no administrator")
            let careTeam = "/patients/\(patientID)/care-team"
            let added = try await clinic.doctor.browser.post(
                careTeam, [("_csrf", csrf), ("account", clinic.other.id), ("change", "add")])
            #expect(Self.location(added) == "/patients/\(patientID)/edit?notice=done")
            #expect(try await clinic.other.browser.get("/patients/\(patientID)/chart").status == .ok)
            let again = try await clinic.doctor.browser.post(
                careTeam, [("_csrf", csrf), ("account", clinic.other.id), ("change", "add")])
            #expect(again.status == .conflict)
            let removed = try await clinic.doctor.browser.post(
                careTeam, [("_csrf", csrf), ("account", clinic.nurse.id), ("change", "remove")])
            #expect(Self.location(removed) == "/patients/\(patientID)/edit?notice=done")
            #expect(
                Self.location(try await clinic.nurse.browser.get("/patients/\(patientID)/chart"))
                    == "/patients/\(patientID)/break-glass")
            let bad = try await clinic.doctor.browser.post(
                careTeam, [("_csrf", csrf), ("account", clinic.nurse.id), ("change", "promote")])
            #expect(bad.status == .badRequest)
            // Leaving the team oneself goes back to the patient list.
            let left = try await clinic.doctor.browser.post(
                careTeam, [("_csrf", csrf), ("account", clinic.doctor.id), ("change", "remove")])
            #expect(Self.location(left) == "/patients?notice=done")
        }
    }

    @Test(
        "the lists are versioned forms; the search is a POST showing only patients the caller may see",
        arguments: TestBackend.available)
    func listsAndSearch(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let first = try await Self.register(&clinic.doctor, Self.patientFields(number: "K-1", kana: "カトウ イチロウ"))
            _ = try await Self.register(
                &clinic.doctor,
                Self.patientFields(number: "K-2", name: "加藤 次郎", kana: "カトウ ジロウ", birthDate: "1950-05-05"))
            let hiddenID = try await Self.register(
                &clinic.other, Self.patientFields(number: "K-3", name: "加藤 三郎", kana: "カトウ サブロウ"))
            let csrf = try await Self.csrf(&clinic.doctor)

            // Lists: a new list, a stale save refused, an item removed by blanking its row.
            let lists = try await clinic.doctor.browser.get("/patients/\(first)/lists")
            #expect(lists.status == .ok)
            #expect(Self.html(lists).contains("aria-labelledby=\"allergies-h-text allergies-r-0\""))
            let path = "/patients/\(first)/lists"
            let saved = try await clinic.doctor.browser.post(
                path,
                [
                    ("_csrf", csrf), ("kind", "allergies"), ("revision", ""), ("text-0", "ペニシリン"),
                    ("note-0", "発疹"), ("since-0", "2001-04-01"), ("text-1", "卵"), ("note-1", ""), ("since-1", ""),
                    ("text-2", ""), ("note-2", ""),
                ])
            #expect(Self.location(saved) == "\(path)?notice=done")
            var chart = Self.html(try await clinic.doctor.browser.get("/patients/\(first)/chart"))
            let allergies = try #require(
                PageBrowser.text(after: "<div class=\"allergies\">", until: "</div>", in: chart))
            #expect(allergies.contains("ペニシリン（発疹）") && allergies.contains("卵"))
            let stale = try await clinic.doctor.browser.post(
                path, [("_csrf", csrf), ("kind", "allergies"), ("revision", ""), ("text-0", "そば")])
            #expect(stale.status == .conflict)
            #expect(Self.html(stale).contains("value=\"そば\""), "the rows typed stay")
            let reloaded = try await clinic.doctor.browser.get(path)
            #expect(Self.html(reloaded).contains("name=\"revision\" value=\"1\""))
            let removed = try await clinic.doctor.browser.post(
                path,
                [("_csrf", csrf), ("kind", "allergies"), ("revision", "1"), ("text-0", "ペニシリン"), ("text-1", "")])
            #expect(Self.location(removed) == "\(path)?notice=done")
            let problems = try await clinic.doctor.browser.post(
                path, [("_csrf", csrf), ("kind", "problems"), ("revision", ""), ("text-0", "慢性心不全")])
            #expect(Self.location(problems) == "\(path)?notice=done")
            chart = Self.html(try await clinic.doctor.browser.get("/patients/\(first)/chart"))
            #expect(chart.contains("慢性心不全") && !chart.contains("<li>卵"))
            let unknownKind = try await clinic.doctor.browser.post(
                path, [("_csrf", csrf), ("kind", "diet"), ("text-0", "x")])
            #expect(unknownKind.status == .badRequest)
            // Clerks write no lists: no link on the chart, and the page refuses them.
            #expect(try await clinic.clerk.browser.get(path).status == .forbidden)

            // My patients: only the care teams I am on, audited as a list read.
            let mine = Self.html(try await clinic.doctor.browser.get("/patients"))
            #expect(mine.contains("加藤 次郎") && mine.contains("山田 花子") && !mine.contains("加藤 三郎"))
            #expect(mine.contains("method=\"post\" action=\"/patients/search\""))
            let listed = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.doctor.id, action: "patient.list", limit: 5))
            #expect(listed.first?.patientIDs.contains(first) == true)

            // The search, by kana prefix, number and date of birth: never the invisible patient.
            func search(_ by: String, _ query: String) async throws -> String {
                let response = try await clinic.doctor.browser.post(
                    "/patients/search", [("_csrf", csrf), ("by", by), ("query", query)])
                #expect(response.status == .ok)
                return Self.html(response)
            }
            let byKana = try await search("kanaPrefix", "かとう")
            #expect(byKana.contains("加藤 次郎") && byKana.contains("href=\"/patients/\(first)/chart\""))
            #expect(!byKana.contains("加藤 三郎") && !byKana.contains(hiddenID))
            #expect(byKana.contains("value=\"かとう\""), "the query stays in the form, not in a URL")
            let byNumber = try await search("patientNumber", "K-2")
            #expect(byNumber.contains("加藤 次郎") && !byNumber.contains("山田 花子"))
            let invisible = try await search("patientNumber", "K-3")
            #expect(invisible.contains("id=\"no-results\"") && !invisible.contains("加藤 三郎"))
            let byDate = try await search("birthDate", "1940/2/29")
            #expect(byDate.contains("山田 花子") && !byDate.contains("加藤 次郎") && !byDate.contains("加藤 三郎"))
            let badDate = try await clinic.doctor.browser.post(
                "/patients/search", [("_csrf", csrf), ("by", "birthDate"), ("query", "昭和15年")])
            #expect(badDate.status == .badRequest)
            let searched = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.doctor.id, action: "patient.search", limit: 10))
            #expect(!searched.contains { $0.patientIDs.contains(hiddenID) })
        }
    }

    @Test(
        "every form of these pages refuses a post without or with a wrong _csrf, and changes nothing",
        arguments: TestBackend.available)
    func csrf(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let patientID = try await Self.register(&clinic.doctor, Self.patientFields(number: "C-1"))
            let good = try await Self.csrf(&clinic.doctor)
            let bad = String(good.reversed())
            let posts: [(String, [(String, String)])] = [
                ("/patients/search", [("by", "patientNumber"), ("query", "C-1")]),
                ("/patients/new", Self.patientFields(number: "C-2") + [("confirmDuplicate", "yes")]),
                ("/patients/\(patientID)/edit", [("revision", "1")] + Self.patientFields(number: "C-9")),
                ("/patients/\(patientID)/care-team", [("account", clinic.nurse.id), ("change", "add")]),
                ("/patients/\(patientID)/lists", [("kind", "allergies"), ("revision", ""), ("text-0", "卵")]),
                ("/patients/\(patientID)/break-glass", [("reason", "夜間の急変で往診"), ("password", Self.password)]),
            ]
            for (path, fields) in posts {
                let without = try await clinic.doctor.browser.post(path, fields)
                #expect(without.status == .forbidden, "\(path) without a token")
                #expect(Self.html(without).contains("フォームの有効期限が切れたか"))
                #expect(
                    try await clinic.doctor.browser.post(path, [("_csrf", bad)] + fields).status == .forbidden,
                    "\(path)")
            }
            let records = harness.services.records
            #expect(try await records.search(clinic.doctor.auth, PatientQuery(patientNumber: "C-2")).isEmpty)
            let chart = try await records.chart(clinic.doctor.auth, patientID: patientID)
            #expect(chart.patient.revision == 1 && chart.lists.isEmpty)
            #expect(chart.careTeam == [clinic.doctor.id])
        }
    }

    @Test("a <script> in every free-text field comes back escaped on every page", arguments: TestBackend.available)
    func escaping(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let script = "<script>alert(1)</script>"
            let fields = Self.patientFields(number: "X-1", name: script).map { field in
                ["address", "insuranceSymbol", "insuranceNumber"].contains(field.0) ? (field.0, script) : field
            }
            let patientID = try await Self.register(&clinic.doctor, fields)
            let csrf = try await Self.csrf(&clinic.doctor)
            let listed = try await clinic.doctor.browser.post(
                "/patients/\(patientID)/lists",
                [("_csrf", csrf), ("kind", "medications"), ("revision", ""), ("text-0", script), ("note-0", script)])
            #expect(Self.location(listed) != nil)
            let records = harness.services.records
            let entry = try await records.createEntry(
                clinic.doctor.auth, patientID: patientID,
                NewEntry(
                    kind: "progress-note", content: EntryContent(fields: ["subjective": script, "plan": script]),
                    finalize: true))
            _ = try await records.changeEntry(
                clinic.doctor.auth, id: entry.id, .amend(EntryContent(fields: ["subjective": "訂正"]), reason: script),
                expectedRevision: 1)
            _ = try await records.addAttachment(
                clinic.doctor.auth, patientID: patientID,
                NewAttachment(bytes: Self.png(width: 1, height: 1), declaredType: "image/png", fileName: script))
            let staleList = try await clinic.doctor.browser.post(
                "/patients/\(patientID)/lists",
                [("_csrf", csrf), ("kind", "medications"), ("revision", ""), ("text-0", script)])
            let search = try await clinic.doctor.browser.post(
                "/patients/search", [("_csrf", csrf), ("by", "name"), ("query", script)])
            let glass = try await clinic.other.browser.post(
                "/patients/\(patientID)/break-glass",
                [("_csrf", try await Self.csrf(&clinic.other)), ("reason", script), ("password", "wrong-password-1!")])
            for response in [
                try await clinic.doctor.browser.get("/patients/\(patientID)/chart"),
                try await clinic.doctor.browser.get("/patients/\(patientID)/print"),
                try await clinic.doctor.browser.get("/patients/\(patientID)/edit"),
                try await clinic.doctor.browser.get("/patients/\(patientID)/lists"),
                try await clinic.doctor.browser.get("/patients"), staleList, search, glass,
            ] {
                let html = Self.html(response)
                #expect(!html.contains("<script>"), "no script in \(response.status)")
                #expect(html.contains("&lt;script&gt;"), "escaped in \(response.status)")
            }
        }
    }

    @Test("back entries: a home visit recorded on a later day, any other kind with a distant care time (INC-5)")
    func backEntries() {
        let recorded: Int64 = 1_800_000_000_000  // 2027-01-15 17:00 JST
        let hour: Int64 = 3_600_000
        #expect(!ChartPage.isBackEntry(careAt: nil, recordedAt: recorded, kind: "progress-note"))
        #expect(!ChartPage.isBackEntry(careAt: recorded - 3 * hour, recordedAt: recorded, kind: "home-visit"))
        #expect(ChartPage.isBackEntry(careAt: recorded - 18 * hour, recordedAt: recorded, kind: "home-visit"))
        #expect(!ChartPage.isBackEntry(careAt: recorded - 60_000, recordedAt: recorded, kind: "progress-note"))
        #expect(ChartPage.isBackEntry(careAt: recorded - 3 * hour, recordedAt: recorded, kind: "progress-note"))
    }

    @Test("dates in the Japanese style, searches accept slashes, and no word is in two tables")
    func words() {
        let japanese = PageText(language: "ja")
        let english = PageText(language: "en")
        #expect(PageTime.date("2027-01-05", japanese) == "令和9年1月5日")
        #expect(PageTime.birthDate("1926-12-25", japanese) == "昭和元年12月25日（1926年）")
        #expect(PageTime.birthDate("1926-12-25", english) == "25 Dec 1926")
        #expect(PageTime.date("2027-01-05", english) == "5 Jan 2027")
        #expect(PageTime.date("not a date", japanese) == "not a date")
        #expect(PageTime.dateTime(1_800_000_000_000, japanese) == "令和9年1月15日 17:00")
        #expect(PageTime.jstDay(1_800_000_000_000 - 17 * 3_600_000) == PageTime.jstDay(1_800_000_000_000))
        #expect(PatientSearchForm.isoDate("1940/2/29") == "1940-02-29")
        #expect(PatientSearchForm.isoDate("昭和15年") == "昭和15年")
        var seen: [String: Int] = [:]
        for (index, table) in PageText.tables.enumerated() {
            for key in table.keys {
                #expect(seen[key] == nil, "\(key) is in two tables")
                seen[key] = index
            }
        }
        for key in PageText.patients.keys {
            #expect(english.lookup(key)?.isEmpty == false && japanese.lookup(key)?.isEmpty == false, "\(key)")
        }
    }
}
