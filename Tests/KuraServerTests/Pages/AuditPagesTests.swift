import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import NIOCore
import Testing

@testable import KuraServer

/// The access log for auditors over real HTTP on both backends (AUD-1, AUD-2, AUD-4, ACC-7):
/// reads and writes of a patient with every filter, paging, the CSV with its BOM and
/// injection-safe cells, both reads of the log audited without PHI in the ledger, and a
/// clinician refused.
@Suite("Access log pages")
struct AuditPagesTests {
    /// The rows of the log table.
    static func body(_ response: TestResponse) -> String {
        PageBrowser.text(after: "<tbody>", until: "</tbody>", in: response.html) ?? ""
    }

    /// The rows of the log table, one string each, leaving out those of `excluded` (the
    /// auditor's own reads of the log, which the log shows too).
    static func rows(_ response: TestResponse, excluding excluded: String? = nil) -> [String] {
        body(response).components(separatedBy: "<tr>").dropFirst().filter { row in
            excluded.map { !row.contains("<td>\($0)</td>") } ?? true
        }
    }

    @Test("an auditor filters reads and writes by patient, account, action, break-glass and period, and pages")
    func filters() async throws {
        for backend in TestBackend.available {
            try await IdentityHarness.with(backend) { harness in
                let admin = try await harness.readyAdministrator().auth
                var doctor = try await PageStaff.make(
                    harness, admin: admin, login: "dr.sato", jobType: "physician", roles: ["physician"])
                let other = try await PageStaff.make(
                    harness, admin: admin, login: "dr.ito", jobType: "physician", roles: ["physician"])
                var auditor = try await PageStaff.make(
                    harness, admin: admin, login: "kansa", jobType: "other", roles: ["auditor"])
                let records = harness.services.records
                let patientA = try await PageStaff.patient(harness, by: doctor, number: "A-100", name: "監査 一郎")
                let patientB = try await PageStaff.patient(harness, by: doctor, number: "B-200", name: "別人 二郎")
                _ = try await records.chart(doctor.auth, patientID: patientB)

                // Through the pages: an entry written and finalized, then read.
                let form = try await doctor.page("/patients/\(patientA)/entries/new")
                let csrf = try PageBrowser.hidden("_csrf", in: form)
                let created = try await doctor.browser.post(
                    "/patients/\(patientA)/entries/new",
                    [("_csrf", csrf), ("kind", "progress-note"), ("plan", "経過観察"), ("submit", "finalize")])
                let entryID = try EntryPagesTests.entryID(created)
                _ = try await doctor.page("/entries/\(entryID)")
                // A physician outside the care team opens the chart with break-glass (ACC-7).
                _ = try await harness.identity.openBreakGlass(
                    other.auth, patientID: patientA, reason: "夜間の急変対応", password: PageStaff.password)
                _ = try await records.chart(other.auth, patientID: patientA)
                // Enough reads of B to page through (all at one instant: the cursor breaks ties by id).
                for _ in 0..<55 { _ = try await records.chart(doctor.auth, patientID: patientB) }
                // Two days later (sessions have lapsed: sign in again), one more read of A.
                harness.clock.advance(minutes: 2 * 24 * 60)
                try await doctor.signInAgain(harness)
                try await auditor.signInAgain(harness)
                _ = try await records.chart(doctor.auth, patientID: patientA)

                let all = try await auditor.page("/audit")
                #expect(all.html.contains("<label for=\"patient\">患者番号</label>"))
                #expect(all.html.contains("href=\"/audit.csv\""))
                #expect(Self.body(all).contains("B-200 別人 二郎"))

                // The form posts the number; the answer is the filtered page's URL, with the id.
                let filterForm = try await auditor.page("/audit")
                let token = try PageBrowser.hidden("_csrf", in: filterForm)
                #expect(
                    try await auditor.browser.post("/audit", [("patientNumber", "A-100")]).status == .forbidden)
                let posted = try await auditor.browser.post(
                    "/audit", [("_csrf", token), ("patientNumber", "A-100"), ("account", ""), ("action", "")])
                #expect(PagesTests.location(posted) == "/audit?patient=\(patientA)")
                let patient = try await auditor.page("/audit?patient=\(patientA)")
                #expect(
                    patient.html.contains(
                        "name=\"patientNumber\" type=\"text\" autocomplete=\"off\" maxlength=\"100\" value=\"A-100\""))
                let rows = Self.rows(patient, excluding: "kansa")
                #expect(!rows.contains { $0.contains("B-200") })
                #expect(rows.allSatisfy { $0.contains("A-100 監査 一郎") })
                for action in ["記録の閲覧", "カルテの閲覧", "記録の入力画面", "患者の登録", "記録の作成"] {
                    #expect(rows.contains { $0.contains("<td>\(action)</td>") }, "\(action)")
                }
                #expect(rows.contains { $0.contains("<td>書き込み</td>") } && rows.contains { $0.contains("<td>閲覧</td>") })
                // Newest first: the read two days later heads the list.
                #expect(rows.first?.contains("2027-01-17") == true)
                #expect(patient.html.contains("href=\"/audit.csv?patient=\(patientA)\""))

                let byAccount = try await auditor.page("/audit?patient=\(patientA)&account=\(other.id)")
                #expect(Self.rows(byAccount).count == 1)
                #expect(Self.rows(byAccount).allSatisfy { $0.contains("<td>dr.ito</td>") })
                #expect(byAccount.html.contains("<option value=\"\(other.id)\" selected>dr.ito</option>"))

                let byAction = try await auditor.page("/audit?action=entry.read")
                #expect(Self.rows(byAction).count == 1)
                #expect(Self.rows(byAction).first?.contains("<td>dr.sato</td>") == true)
                let writes = try await auditor.page("/audit?patient=\(patientA)&action=entry.created")
                #expect(Self.rows(writes).count == 1 && Self.body(writes).contains("<td>書き込み</td>"))

                let breakGlass = try await auditor.page("/audit?breakGlass=1")
                #expect(Self.rows(breakGlass).count == 1)
                #expect(Self.body(breakGlass).contains("<strong class=\"flag\">緊急アクセス</strong>"))
                #expect(Self.body(breakGlass).contains("dr.ito"))
                #expect(breakGlass.html.contains("name=\"breakGlass\" value=\"1\" checked"))

                let later = try await auditor.page("/audit?patient=\(patientA)&from=2027-01-16")
                #expect(Self.rows(later, excluding: "kansa").count == 1)
                let earlier = try await auditor.page("/audit?patient=\(patientA)&until=2027-01-15")
                #expect(Self.rows(earlier).count == rows.count - 1 && !Self.body(earlier).contains("2027-01-17"))
                let refused = try await auditor.browser.get("/audit?from=15-01-2027&patient=\(patientA)")
                #expect(refused.status == .badRequest && refused.html.contains("value=\"15-01-2027\""))
                // A patient number in the URL finds nothing: numbers are posted, ids are linked.
                let byNumber = try await auditor.page("/audit?patient=A-100")
                #expect(byNumber.html.contains("この患者番号の患者はいません") && Self.rows(byNumber).isEmpty)
                let unknown = try await auditor.browser.post("/audit", [("_csrf", token), ("patientNumber", "Z-999")])
                #expect(unknown.status == .ok && unknown.html.contains("この患者番号の患者はいません"))
                #expect(unknown.html.contains("value=\"Z-999\""))

                // Paging: B's registration and 56 reads, 50 a page, newest first, nothing lost or repeated.
                let first = try await auditor.page("/audit?account=\(doctor.id)&patient=\(patientB)")
                #expect(Self.rows(first).count == 50)
                let before = try #require(first.html.components(separatedBy: "\">次のページ").first)
                let next = try #require(before.components(separatedBy: "href=\"").last)
                let second = try await auditor.page(next.replacingOccurrences(of: "&amp;", with: "&"))
                #expect(Self.rows(second).count == 7)
                #expect(second.html.contains("最新に戻る") && !second.html.contains("次のページ"))
                // The write sorts among the reads of the same instant by its id, and appears once.
                #expect((Self.rows(first) + Self.rows(second)).filter { $0.contains("<td>患者の登録</td>") }.count == 1)

                // Reading the log is audited, and no patient number reaches the ledger.
                let reads = try await harness.services.store.auditEvents(
                    AuditQuery(actor: auditor.id, action: "audit.read", limit: 100))
                #expect(reads.count >= 10)
                #expect(reads.contains { $0.patientIDs == [patientA] })
                let details = try await harness.ledgerDetails()
                #expect(!details.contains { $0.contains("A-100") || $0.contains("Z-999") || $0.contains("監査") })
            }
        }
    }

    @Test("the CSV has every row, a BOM, injection-safe cells, and its export is audited")
    func csv() async throws {
        for backend in TestBackend.available {
            try await IdentityHarness.with(backend) { harness in
                let admin = try await harness.readyAdministrator().auth
                let doctor = try await PageStaff.make(
                    harness, admin: admin, login: "dr.sato", jobType: "physician", roles: ["physician"])
                var auditor = try await PageStaff.make(
                    harness, admin: admin, login: "kansa", jobType: "other", roles: ["auditor"])
                let formula = "=HYPERLINK(\"http://example.invalid\",\"x\")"
                let patient = try await PageStaff.patient(harness, by: doctor, number: "-1", name: formula)
                _ = try await harness.services.records.chart(doctor.auth, patientID: patient)

                let response = try await auditor.browser.get("/audit.csv?patient=\(patient)")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let bytes = Array(response.body.readableBytesView)
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first?.hasPrefix("\"日時（日本時間）\",\"アカウント\",\"患者番号\"") == true)
                // Registration (a write) and the chart read, newest first.
                #expect(lines.count == 3)
                #expect(lines.contains { $0.contains("\"カルテの閲覧\",\"chart.read\",\"担当チーム\",\"閲覧\"") })
                #expect(lines.contains { $0.contains("\"患者の登録\",\"patient.registered\",\"—\",\"書き込み\"") })
                // Cells that would start a formula are prefixed with a quote and stay text.
                #expect(lines[1].contains(",\"'-1\",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\","))
                #expect(!text.contains(",\"=") && !text.contains(",\"-"))

                let exports = try await harness.services.store.auditEvents(
                    AuditQuery(actor: auditor.id, action: "audit.export", limit: 10))
                #expect(exports.count == 1 && exports.first?.patientIDs == [patient])
                let details = try await harness.ledgerDetails()
                #expect(!details.contains { $0.contains("HYPERLINK") })
            }
        }
    }

    @Test("the entry and access-log words are in both languages and in no other table")
    func words() {
        for table in [PageText.entries, PageText.audit] {
            for (key, words) in table {
                #expect(!words.ja.isEmpty && !words.en.isEmpty, "\(key)")
                let holders = PageText.tables.filter { $0[key] != nil }.count
                #expect(holders == 1, "\(key) is in \(holders) tables")
            }
        }
        for action in PageText.auditActions {
            #expect(PageText(language: "ja").lookup("log" + PageText.capitalised(action)) != nil, "\(action)")
        }
    }

    @Test("cells that start a formula, in either width, are made text", arguments: ["=", "+", "-", "@", "＝", "\t"])
    func injection(start: String) {
        #expect(AccessLogCSV.cell(start + "SUM(A1)") == "\"'\(start)SUM(A1)\"")
        #expect(AccessLogCSV.cell("a\"b") == "\"a\"\"b\"")
        #expect(AccessLogCSV.cell("A-100") == "\"A-100\"")
    }

    @Test("a clinician is refused the access log and its CSV; markup in a name is escaped for the auditor")
    func refusedAndEscaped() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let admin = try await harness.readyAdministrator().auth
            var doctor = try await PageStaff.make(
                harness, admin: admin, login: "dr.sato", jobType: "physician", roles: ["physician"])
            var auditor = try await PageStaff.make(
                harness, admin: admin, login: "kansa", jobType: "other", roles: ["auditor"])
            let patient = try await PageStaff.patient(
                harness, by: doctor, number: "X-1", name: EntryPagesTests.script)
            _ = try await harness.services.records.chart(doctor.auth, patientID: patient)
            for path in ["/audit", "/audit.csv", "/audit?patient=\(patient)"] {
                let response = try await doctor.browser.get(path)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.html.contains("権限がありません"), "\(path)")
            }
            #expect(!(try await doctor.page("/account")).html.contains("href=\"/audit\""), "no menu link")
            let page = try await auditor.page("/audit?patient=\(patient)")
            #expect(!page.html.contains("<script>"))
            #expect(Self.body(page).contains("X-1 \(EntryPagesTests.escaped)"))
            #expect(page.html.contains("href=\"/audit\">アクセスログ</a>"))
            #expect(AuditPages.patientLogPath(id: patient) == "/audit?patient=\(patient)")
        }
    }
}

/// Every action word the record service writes into the access log has a name in both
/// languages, so the auditor never reads a code (found by reading the service's sources).
@Suite("Access-log words")
struct AccessLogWordsTests {
    @Test("each `action: \"…\"` in the record service is a named filter choice")
    func everyActionNamed() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("Sources/KuraServer/Records")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var words: Set<String> = []
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for piece in source.components(separatedBy: "action: \"").dropFirst() {
                if let word = piece.split(separator: "\"", maxSplits: 1).first { words.insert(String(word)) }
            }
        }
        #expect(words.count >= 10, "found \(words.sorted())")
        for word in words.sorted() {
            #expect(PageText.auditActions.contains(word), "\(word) is a filter choice")
            for language in ["ja", "en"] {
                #expect(PageText(language: language).auditAction(word) != word, "\(word) named in \(language)")
            }
        }
    }
}
