import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import NIOCore
import Testing

@testable import KuraServer

/// The chart of the patient pages: the timeline and its badges, attachments inline, the print
/// view, break-glass with the time left (ACC-7) and who viewed the chart (AUD-1).
extension PatientPagesTests {
    /// A minimal valid PNG of `width`×`height`.
    static func png(width: Int, height: Int) -> [UInt8] {
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be32(data.count) + body + be32(Int(crc32(body)))
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]) + chunk("IEND", [])
    }

    @Test(
        "the chart timeline shows every badge, links each entry, shows attachments inline; the print view marks versions",
        arguments: TestBackend.available)
    func chartTimeline(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let patientID = try await Self.register(
                &clinic.doctor, Self.patientFields(number: "T-1", extra: [("careTeam[]", clinic.clerk.id)]))
            let records = harness.services.records
            let doctor = clinic.doctor.auth
            let soap = { (text: String) in EntryContent(fields: ["subjective": text]) }
            let draft = try await records.createEntry(
                doctor, patientID: patientID, NewEntry(kind: "progress-note", content: soap("下書きの所見")))
            let final = try await records.createEntry(
                doctor, patientID: patientID, NewEntry(kind: "progress-note", content: soap("確定の所見"), finalize: true))
            let amended = try await records.createEntry(
                doctor, patientID: patientID, NewEntry(kind: "progress-note", content: soap("誤った血圧"), finalize: true))
            _ = try await records.changeEntry(
                doctor, id: amended.id, .amend(soap("正しい血圧"), reason: "血圧の記載を訂正"), expectedRevision: 1)
            let wrong = try await records.createEntry(
                doctor, patientID: patientID, NewEntry(kind: "progress-note", content: soap("別患者の記載"), finalize: true))
            _ = try await records.changeEntry(
                doctor, id: wrong.id, .enteredInError(reason: "別の患者に記載すべき内容"), expectedRevision: 1)
            let proxy = try await records.createEntry(
                clinic.clerk.auth, patientID: patientID,
                NewEntry(kind: "progress-note", content: soap("代行入力"), onBehalfOf: clinic.doctor.id))
            // Written two days after the care (INC-5).
            let back = try await records.createEntry(
                doctor, patientID: patientID,
                NewEntry(
                    kind: "progress-note", content: soap("停電中の記録"), careAt: harness.clock.now - 2 * 86_400_000,
                    finalize: true))
            let letter = try await records.createEntry(
                doctor, patientID: patientID,
                NewEntry(
                    kind: "referral-letter",
                    content: EntryContent(fields: ["recipient": "〇〇病院", "purpose": "精査", "body": "ご高診ください"]),
                    finalize: true))
            let png = Self.png(width: 3, height: 2)
            let image = try await records.addAttachment(
                doctor, patientID: patientID,
                NewAttachment(bytes: png, declaredType: "image/png", fileName: "創部写真.png", entryID: final.id))
            let pdfBytes = Array("%PDF-1.4\n% 紹介状\n%%EOF\n".utf8)
            let pdf = try await records.addAttachment(
                doctor, patientID: patientID,
                NewAttachment(bytes: pdfBytes, declaredType: "application/pdf", fileName: "紹介状.pdf"))

            let response = try await clinic.doctor.browser.get("/patients/\(patientID)/chart")
            #expect(response.status == .ok)
            let chart = Self.html(response)
            func entry(_ id: String) throws -> String {
                let start = try #require(chart.range(of: "<a href=\"/entries/\(id)\">"), "entry \(id) is linked")
                let end = chart[start.upperBound...].range(of: "</article>")!.lowerBound
                return String(chart[start.lowerBound..<end])
            }
            func badges(_ id: String) throws -> [String] {
                let part = try entry(id)
                return part.components(separatedBy: "<span class=\"badge").dropFirst().compactMap {
                    $0.split(separator: ">", maxSplits: 1).last.flatMap {
                        $0.split(separator: "<").first.map(String.init)
                    }
                }
            }
            #expect(try badges(draft.id) == ["下書き"])
            #expect(try badges(final.id) == ["確定"])
            #expect(try badges(amended.id) == ["修正済み"])
            #expect(try entry(amended.id).contains("正しい血圧"))
            #expect(try badges(wrong.id) == ["誤記載"])
            #expect(chart.contains("<h3 class=\"struck\"><a href=\"/entries/\(wrong.id)\">"))
            #expect(try badges(proxy.id) == ["承認待ち"])
            #expect(try entry(proxy.id).contains("代行元の医師: dr.sato"))
            #expect(try badges(back.id) == ["確定", "後日入力（診療日時と記録日時が異なる）"])
            #expect(try badges(letter.id) == ["確定", "未署名 — 印刷して記名押印してください"])
            #expect(chart.contains("class=\"badge warn\">下書き"))
            // Links for those who write; the image inline with its entry, the PDF as a download.
            #expect(chart.contains("href=\"/patients/\(patientID)/entries/new\""))
            #expect(chart.contains("href=\"/patients/\(patientID)/lists\""))
            #expect(chart.contains("href=\"/patients/\(patientID)/edit\""))
            #expect(chart.contains("href=\"/patients/\(patientID)/print\""))
            #expect(
                try entry(final.id).contains(
                    "<img src=\"/attachments/\(image.id)\" alt=\"創部写真.png\" width=\"3\" height=\"2\">"))
            #expect(chart.contains("<a href=\"/attachments/\(pdf.id)\">PDFをダウンロードして開く</a>"))
            #expect(!chart.contains("<object") && !chart.contains("<iframe"))
            // A clerk on the team may write proxy entries but keeps no lists.
            let clerkChart = Self.html(try await clinic.clerk.browser.get("/patients/\(patientID)/chart"))
            #expect(clerkChart.contains("/entries/new") && !clerkChart.contains("/lists\""))

            // The attachment itself: the API's protective headers, shown inline, audited.
            let shown = try await clinic.doctor.browser.get("/attachments/\(image.id)")
            #expect(shown.status == .ok)
            #expect(Array(shown.body.readableBytesView) == png)
            #expect(shown.headers[.contentType] == "image/png")
            #expect(shown.headers[.contentDisposition] == "inline; filename=\"\(image.id)\"")
            #expect(shown.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(shown.headers[.contentSecurityPolicy] == "default-src 'none'; sandbox")
            #expect(shown.headers[.cacheControl] == "no-store")
            let downloaded = try await clinic.doctor.browser.get("/attachments/\(pdf.id)")
            #expect(downloaded.headers[.contentDisposition] == "attachment; filename=\"\(pdf.id)\"")
            let reads = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.doctor.id, action: "attachment.read", limit: 5))
            #expect(reads.count == 2 && reads.allSatisfy { $0.patientIDs == [patientID] })
            #expect(try await clinic.other.browser.get("/attachments/\(image.id)").status == .forbidden)

            // The print view: the running header, every version marked, audited.
            let print = try await clinic.doctor.browser.get("/patients/\(patientID)/print")
            #expect(print.status == .ok)
            let printed = Self.html(print)
            #expect(try PageBrowser.element("print-header", in: print).contains("山田 花子"))
            #expect(try PageBrowser.element("print-header", in: print).contains("T-1"))
            #expect(printed.contains("<thead><tr><th id=\"print-header\">"))
            #expect(printed.contains("版 2 — 修正済み") && printed.contains("血圧の記載を訂正"))
            #expect(printed.contains("誤った血圧") && printed.contains("正しい血圧"))
            #expect(printed.components(separatedBy: "<section class=\"version\">").count - 1 == 9)
            let printReads = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.doctor.id, action: "chart.print", limit: 5))
            #expect(printReads.map(\.patientIDs) == [[patientID]])
        }
    }

    @Test(
        "break-glass: the chart sends to a reason form; the grant opens it with the time left (ACC-7)",
        arguments: TestBackend.available)
    func breakGlass(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var clinic = try await Clinic(harness)
            let patientID = try await Self.register(&clinic.doctor, Self.patientFields(number: "B-1"))
            let chartPath = "/patients/\(patientID)/chart"
            let glassPath = "/patients/\(patientID)/break-glass"
            #expect(Self.location(try await clinic.other.browser.get(chartPath)) == glassPath)
            #expect(Self.location(try await clinic.other.browser.get("/patients/\(patientID)/print")) == glassPath)
            // A clerk may not break the glass: a refusal, not the form.
            let clerk = try await clinic.clerk.browser.get(chartPath)
            #expect(clerk.status == .forbidden && !Self.html(clerk).contains("山田 花子"))
            #expect(try await clinic.clerk.browser.get(glassPath).status == .forbidden)

            let page = try await clinic.other.browser.get(glassPath)
            #expect(page.status == .ok)
            #expect(!Self.html(page).contains("山田 花子"), "the patient is not named before the grant")
            #expect(
                Self.html(page).contains("<label for=\"reason\">")
                    && Self.html(page).contains("<label for=\"password\">"))
            let csrf = try PageBrowser.hidden("_csrf", in: page)
            let short = try await clinic.other.browser.post(
                glassPath, [("_csrf", csrf), ("reason", "急"), ("password", Self.password)])
            #expect(short.status == .badRequest)
            let wrong = try await clinic.other.browser.post(
                glassPath, [("_csrf", csrf), ("reason", "夜間の急変で往診依頼"), ("password", "not-my-password-1!")])
            #expect(wrong.status.code >= 400)
            #expect(Self.html(wrong).contains("夜間の急変で往診依頼"), "the reason typed stays")
            #expect(!Self.html(wrong).contains("not-my-password-1!"))
            let unknown = try await clinic.other.browser.post(
                "/patients/pat_nosuchpatient/break-glass",
                [("_csrf", csrf), ("reason", "夜間の急変で往診依頼"), ("password", Self.password)])
            #expect(unknown.status == .notFound)
            let opened = try await clinic.other.browser.post(
                glassPath, [("_csrf", csrf), ("reason", "夜間の急変で往診依頼"), ("password", Self.password)])
            #expect(Self.location(opened) == chartPath)

            let chart = try await clinic.other.browser.get(chartPath)
            #expect(chart.status == .ok)
            #expect(Self.html(chart).contains("山田 花子"))
            #expect(try PageBrowser.element("break-glass-minutes", in: chart) == "60")
            // Time passes while the chart is in use (each step inside the idle lock, SESS-2).
            for _ in 0..<5 {
                harness.clock.advance(minutes: 5)
                _ = try await clinic.other.browser.get("/patients")
            }
            harness.clock.advance(milliseconds: 30_000)
            #expect(
                try PageBrowser.element("break-glass-minutes", in: try await clinic.other.browser.get(chartPath))
                    == "35")
            let reads = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.other.id, patientID: patientID, action: "chart.read", limit: 5))
            #expect(!reads.isEmpty && reads.allSatisfy { $0.access == "break-glass" })
            let review = try await harness.identity.queue(.review, openOnly: true)
            #expect(review.contains { $0.kind == "break-glass" && $0.subjectAccountID == clinic.other.id })
            // The grant lapses: the chart closes again.
            for _ in 0..<8 {
                harness.clock.advance(minutes: 5)
                _ = try await clinic.other.browser.get("/patients")
            }
            #expect(Self.location(try await clinic.other.browser.get(chartPath)) == glassPath)
        }
    }

    @Test(
        "who viewed this chart: shown to the patient's physicians only where the clinic allows it, itself audited",
        arguments: TestBackend.available, [false, true])
    func viewers(backend: TestBackend, policy: Bool) async throws {
        try await IdentityHarness.with(backend, configure: { $0.chartViewersVisibleToPhysicians = policy }) { harness in
            var clinic = try await Clinic(harness)
            let patientID = try await Self.register(
                &clinic.doctor, Self.patientFields(number: "V-1", extra: [("careTeam[]", clinic.nurse.id)]))
            let chartPath = "/patients/\(patientID)/chart"
            #expect(try await clinic.nurse.browser.get(chartPath).status == .ok)
            let csrf = try await Self.csrf(&clinic.other)
            _ = try await clinic.other.browser.post(
                "/patients/\(patientID)/break-glass",
                [("_csrf", csrf), ("reason", "救急搬送の問い合わせ"), ("password", Self.password)])
            #expect(try await clinic.other.browser.get(chartPath).status == .ok)

            let chart = try await clinic.doctor.browser.get(chartPath)
            let list = PageBrowser.text(after: "<table id=\"viewer-list\">", until: "</table>", in: Self.html(chart))
            let viewersRead = try await harness.services.store.auditEvents(
                AuditQuery(actor: clinic.doctor.id, action: "chart.viewers", limit: 5))
            if policy {
                let rows = try #require(list)
                #expect(rows.contains("kango") && rows.contains("カルテ閲覧") && rows.contains("ケアチーム"))
                #expect(rows.contains("dr.other") && rows.contains("<strong class=\"flag\">緊急時アクセス</strong>"))
                #expect(viewersRead.map(\.patientIDs) == [[patientID]])
            } else {
                #expect(list == nil)
                #expect(viewersRead.isEmpty)
            }
            // Never to a nurse, nor through break-glass, whatever the policy.
            #expect(!Self.html(try await clinic.nurse.browser.get(chartPath)).contains("viewer-list"))
            #expect(!Self.html(try await clinic.other.browser.get(chartPath)).contains("viewer-list"))
            await #expect(throws: RecordError.self) {
                _ = try await harness.services.records.chartViewers(clinic.nurse.auth, patientID: patientID)
            }
            await #expect(throws: RecordError.self) {
                _ = try await harness.services.records.chartViewers(clinic.other.auth, patientID: patientID)
            }
            // Auditors read the list always (from the access log; they open no chart, ACC-2).
            let auditor = try await Self.staff(harness, clinic.admin, "kansa", "auditor", jobType: "other")
            let seen = try await harness.services.records.chartViewers(auditor.auth, patientID: patientID)
            #expect(seen.contains { $0.actor == clinic.nurse.id && $0.action == "chart.read" })
            #expect(seen.contains { $0.actor == clinic.other.id && $0.access == "break-glass" })
        }
    }
}
