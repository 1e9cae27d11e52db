import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import NIOCore
import Testing

@testable import KuraServer

/// The clinical record through the JSON API on both backends (REC-1, REC-2, ACC-6, AUD-1,
/// SIG-1): a physician records a visit, finalizes and amends it with a reason; a clerk's proxy
/// entry waits for the physician; every version, author and time is in the history; the proof
/// of a version verifies offline; reads are audited; bad input is refused whole; and a raw look
/// at the database shows no name, note or reason in clear. Every reply is checked against the
/// OpenAPI document, and every record operation is seen succeeding.
@Suite("Clinical records over HTTP")
struct RecordFlowTests {
    static let visitNote = "右下肢の浮腫は軽減、夜間の咳嗽なし"
    static let amendReason = "血圧の記載を誤ったため訂正"
    static let patientName = "山田 花子"

    /// A signed-in API caller for a new account with `roles`, taken through first sign-in.
    static func staff(
        _ harness: IdentityHarness, admin: Authenticated, login: String, jobType: String, roles: [String]
    ) async throws -> (caller: APICaller, id: String) {
        let (account, initial) = try await harness.identity.addAccount(
            NewAccount(
                login: login, name: "職員 \(login)", jobType: jobType,
                licence: ["physician", "nurse"].contains(jobType) ? "123456" : nil, roles: roles), by: admin.actor
        )
        let first = try await harness.identity.signIn(harness.attempt(login, initial))
        let changed = try await harness.identity.changePassword(
            first.authenticated, current: initial, new: "Tooi-yama-no-kawabe-9%")
        let (auth, _, _) = try await harness.enrol(changed)
        _ = try await harness.identity.approveDevice(auth.device.id, ownership: .clinic, by: admin.actor)
        return (
            APICaller(cookies: [SessionCookies.session: first.sessionToken, SessionCookies.device: first.deviceToken]),
            account.id
        )
    }

    static func demographics(number: String, name: String = patientName, kana: String = "ヤマダ ハナコ") -> String {
        #"{"patientNumber":"\#(number)","name":"\#(name)","kana":"\#(kana)","birthDate":"1940-02-29","sex":"female","address":"東京都千代田区1-1","phone":"03-1234-5678"}"#
    }

    @Test("record, finalize, amend, proxy and approve, prove, search and audit", arguments: TestBackend.available)
    func clinicalFlow(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var api = APIExercise(client: harness.client, conformance: try OpenAPITests.conformance())
            let ready = try await harness.readyAdministrator()
            let admin = ready.auth
            var (doctor, doctorID) = try await Self.staff(
                harness, admin: admin, login: "dr.sato", jobType: "physician", roles: ["physician"])
            var (clerk, clerkID) = try await Self.staff(
                harness, admin: admin, login: "jimu", jobType: "clerk", roles: ["clerk"])
            var (nurse, _) = try await Self.staff(
                harness, admin: admin, login: "kango", jobType: "nurse", roles: ["nurse"])
            var (other, otherID) = try await Self.staff(
                harness, admin: admin, login: "dr.ito", jobType: "physician", roles: ["physician"])
            for index in [0, 1, 2, 3] {
                var caller = [doctor, clerk, nurse, other][index]
                try await api.call(&caller, .get, "/api/v1/session", expect: 200)
                switch index {
                case 0: doctor = caller
                case 1: clerk = caller
                case 2: nurse = caller
                default: other = caller
                }
            }

            // Registration (REC-1): a duplicate number is refused, a likely duplicate is named.
            let registered = try await api.call(
                &doctor, .post, "/api/v1/patients",
                json: #"{"demographics":\#(Self.demographics(number: "P-1")),"careTeam":["\#(clerkID)"]}"#, expect: 201)
            let patientID = try #require(registered.json?["patient"]?["id"]?.string)
            try await api.call(
                &doctor, .post, "/api/v1/patients", json: #"{"demographics":\#(Self.demographics(number: "P-1"))}"#,
                expect: 409)
            let second = try await api.call(
                &doctor, .post, "/api/v1/patients",
                json: #"{"demographics":\#(Self.demographics(number: "P-2", name: "山田 華子", kana: "やまだ はなこ"))}"#,
                expect: 201)
            #expect(second.json?["possibleDuplicates"] == .array([.string(patientID)]))
            let secondID = try #require(second.json?["patient"]?["id"]?.string)
            try await api.call(
                &doctor, .put, "/api/v1/patients/\(patientID)",
                json: #"{"demographics":\#(Self.demographics(number: "P-1")),"revision":1}"#, expect: 200)
            try await api.call(
                &doctor, .put, "/api/v1/patients/\(patientID)/lists/allergies",
                json: #"{"items":[{"text":"セフェム系"}]}"#, expect: 200)
            // Lists are versioned: a change names the revision it replaces (REC-2).
            try await api.call(
                &doctor, .put, "/api/v1/patients/\(patientID)/lists/allergies",
                json: #"{"items":[{"text":"ペニシリン","note":"発疹"}]}"#, expect: 409)
            let allergies = try await api.call(
                &doctor, .put, "/api/v1/patients/\(patientID)/lists/allergies",
                json: #"{"items":[{"text":"ペニシリン","note":"発疹"}],"revision":1}"#, expect: 200)
            #expect(allergies.json?["revision"] == .integer(2))
            try await api.call(
                &doctor, .post, "/api/v1/patients/\(patientID)/care-team",
                json: #"{"accountID":"\#(try await Self.accountID(harness, "kango"))"}"#, expect: 204)

            // A home visit: draft, edit, finalize by the author only, amend with a reason.
            let visit = try await api.call(
                &doctor, .post, "/api/v1/patients/\(patientID)/entries",
                json:
                    #"{"kind":"home-visit","careAt":\#(harness.clock.now - 3_600_000),"content":{"fields":{"place":"自宅","subjective":"\#(Self.visitNote)"}}}"#,
                expect: 201)
            let entryID = try #require(visit.json?["id"]?.string)
            #expect(visit.json?["state"] == .string("draft"))
            try await api.call(
                &doctor, .put, "/api/v1/entries/\(entryID)",
                json:
                    #"{"content":{"fields":{"place":"自宅","subjective":"\#(Self.visitNote)","plan":"利尿薬継続"}},"revision":1}"#,
                expect: 200)
            try await api.call(
                &nurse, .post, "/api/v1/entries/\(entryID)/finalize", json: #"{"revision":2}"#, expect: 422)
            try await api.call(
                &clerk, .post, "/api/v1/entries/\(entryID)/finalize", json: #"{"revision":2}"#, expect: 403)
            try await api.call(
                &doctor, .post, "/api/v1/entries/\(entryID)/finalize", json: #"{"revision":1}"#, expect: 409)
            let finalized = try await api.call(
                &doctor, .post, "/api/v1/entries/\(entryID)/finalize", json: #"{"revision":2}"#, expect: 200)
            #expect(finalized.json?["finalizedBy"] == .string(doctorID))
            try await api.call(
                &doctor, .put, "/api/v1/entries/\(entryID)",
                json: #"{"content":{"fields":{"place":"施設"}},"revision":3}"#,
                expect: 422)
            let amendBody = { (reason: String) in
                #"{"content":{"fields":{"place":"自宅","subjective":"\#(Self.visitNote)","plan":"利尿薬減量"}},"reason":"\#(reason)","revision":3}"#
            }
            let refused = try await api.call(
                &doctor, .post, "/api/v1/entries/\(entryID)/amend", json: amendBody(" "), expect: 422)
            #expect(refused.json?["error"] == .string("refused.reason-required"))
            let amended = try await api.call(
                &doctor, .post, "/api/v1/entries/\(entryID)/amend", json: amendBody(Self.amendReason), expect: 200)
            #expect(amended.json?["state"] == .string("amended"))
            let history = try await api.call(&doctor, .get, "/api/v1/entries/\(entryID)/versions", expect: 200)
            let versions = try #require(history.json?["versions"]?.array)
            #expect(versions.map { $0["state"] } == ["draft", "draft", "finalized", "amended"].map { .string($0) })
            #expect(versions.allSatisfy { $0["author"] == .string(doctorID) && $0["recordedAt"] != nil })
            #expect(versions.last?["reason"] == .string(Self.amendReason))
            #expect(versions.first?["reason"] == nil)

            // A proxy entry (ACC-6) waits for the named physician; others cannot approve it.
            let proxy = try await api.call(
                &clerk, .post, "/api/v1/patients/\(patientID)/entries",
                json:
                    #"{"kind":"referral-letter","onBehalfOf":"\#(doctorID)","content":{"fields":{"recipient":"○○病院 循環器内科","body":"ご高診ください"}}}"#,
                expect: 201)
            let proxyID = try #require(proxy.json?["id"]?.string)
            #expect(proxy.json?["state"] == .string("pending-approval"))
            #expect(proxy.json?["unsignedPrintAndSeal"] == .bool(true))
            try await api.call(
                &clerk, .post, "/api/v1/patients/\(patientID)/entries",
                json:
                    #"{"kind":"referral-letter","onBehalfOf":"\#(clerkID)","content":{"fields":{"recipient":"x","body":"y"}}}"#,
                expect: 400)
            let queue = try await api.call(&doctor, .get, "/api/v1/approvals", expect: 200)
            #expect(queue.json?["entries"]?.array?.map { $0["id"] } == [.string(proxyID)])
            try await api.call(
                &clerk, .post, "/api/v1/entries/\(proxyID)/approve", json: #"{"revision":1}"#, expect: 403)
            // Another physician: outside the care team 403; on it, still not the one named (422).
            try await api.call(
                &other, .post, "/api/v1/entries/\(proxyID)/approve", json: #"{"revision":1}"#, expect: 403)
            try await api.call(
                &doctor, .post, "/api/v1/patients/\(patientID)/care-team", json: #"{"accountID":"\#(otherID)"}"#,
                expect: 204)
            let wrongPhysician = try await api.call(
                &other, .post, "/api/v1/entries/\(proxyID)/approve", json: #"{"revision":1}"#, expect: 422)
            #expect(wrongPhysician.json?["error"] == .string("refused.not-named-physician"))
            let approved = try await api.call(
                &doctor, .post, "/api/v1/entries/\(proxyID)/approve", json: #"{"revision":1}"#, expect: 200)
            #expect(approved.json?["state"] == .string("finalized"))
            #expect(approved.json?["author"] == .string(clerkID))
            #expect(approved.json?["finalizedBy"] == .string(doctorID))
            let rejected = try await api.call(
                &clerk, .post, "/api/v1/patients/\(patientID)/entries",
                json:
                    #"{"kind":"prescription-note","onBehalfOf":"\#(doctorID)","content":{"fields":{"prescription":"フロセミド 20mg"}}}"#,
                expect: 201)
            let rejectedID = try #require(rejected.json?["id"]?.string)
            try await api.call(
                &doctor, .post, "/api/v1/entries/\(rejectedID)/reject", json: #"{"reason":"用量を確認","revision":1}"#,
                expect: 200)
            let mistaken = try await api.call(
                &doctor, .post, "/api/v1/patients/\(patientID)/entries",
                json: #"{"kind":"progress-note","finalize":true,"content":{"fields":{"assessment":"安定"}}}"#, expect: 201
            )
            try await api.call(
                &doctor, .post, "/api/v1/entries/\(try #require(mistaken.json?["id"]?.string))/entered-in-error",
                json: #"{"reason":"別患者のカルテに記載","revision":1}"#, expect: 200)

            // The chart and the entry, audited before they are sent (AUD-1); the clerk sees
            // only the patient of its care team.
            let chart = try await api.call(&doctor, .get, "/api/v1/patients/\(patientID)", expect: 200)
            #expect(chart.json?["entries"]?.array?.count == 4)
            #expect(chart.json?["lists"]?.array?.first?["items"]?.array?.first?["text"] == .string("ペニシリン"))
            try await api.call(&doctor, .get, "/api/v1/entries/\(entryID)", expect: 200)
            try await api.call(&clerk, .get, "/api/v1/patients/\(secondID)", expect: 403)
            let found = try await api.call(
                &doctor, .post, "/api/v1/patients/search", json: #"{"kanaPrefix":"やまだ"}"#, expect: 200)
            #expect(
                Set(found.json?["patients"]?.array?.compactMap { $0["id"]?.string } ?? []) == [patientID, secondID])
            let clerkFound = try await api.call(
                &clerk, .post, "/api/v1/patients/search", json: #"{"name":"山田"}"#, expect: 200)
            #expect(clerkFound.json?["patients"]?.array?.compactMap { $0["id"]?.string } == [patientID])
            let byNumber = try await api.call(
                &doctor, .post, "/api/v1/patients/search", json: #"{"patientNumber":"P-2"}"#, expect: 200)
            #expect(byNumber.json?["patients"]?.array?.compactMap { $0["id"]?.string } == [secondID])
            let byBirth = try await api.call(
                &doctor, .post, "/api/v1/patients/search", json: #"{"birthDate":"1940-02-29"}"#, expect: 200)
            #expect(byBirth.json?["patients"]?.array?.count == 2)
            let audit = try await harness.services.store.auditEvents(AuditQuery(patientID: patientID, limit: 50))
            #expect(audit.contains { $0.actor == doctorID && $0.action == "chart.read" && $0.access == "care-team" })
            #expect(audit.contains { $0.action == "patient.search" && $0.actor == clerkID })
            #expect(audit.allSatisfy { $0.leafID != nil })

            // Merge by linking, reversibly (REC-1): the linked record leaves searches.
            try await api.call(
                &doctor, .post, "/api/v1/patients/\(secondID)/merge",
                json: #"{"into":"\#(patientID)","reason":"同一人物の二重登録","revision":1}"#, expect: 200)
            let afterMerge = try await api.call(
                &doctor, .post, "/api/v1/patients/search", json: #"{"kanaPrefix":"ヤマダ"}"#, expect: 200)
            #expect(afterMerge.json?["patients"]?.array?.compactMap { $0["id"]?.string } == [patientID])
            try await api.call(
                &doctor, .post, "/api/v1/patients/\(secondID)/unmerge", json: #"{"reason":"別人と判明","revision":2}"#,
                expect: 200)
            try await api.call(&doctor, .delete, "/api/v1/patients/\(patientID)/care-team/\(clerkID)", expect: 204)
            try await api.call(&clerk, .get, "/api/v1/patients/\(patientID)", expect: 403)

            try await Self.attachments(&api, &doctor, patientID: patientID)
            try await Self.readableChart(harness, doctor, clerk, patientID: patientID, doctorID: doctorID)
            try await Self.proveOffline(&api, &doctor, harness: harness, entryID: entryID)
            try await Self.badInput(&api, &doctor, patientID: patientID, entryID: entryID)
            try await Self.retention(&api, harness: harness, secret: ready.secret, device: ready.device)
            try await Self.nothingInClear(harness)

            let recordOperations = api.conformance.operations.filter(Self.isRecordOperation)
            let succeeded = Set(
                api.answered.filter { $0.hasSuffix(" 200") || $0.hasSuffix(" 201") || $0.hasSuffix(" 204") }
                    .map { String($0.dropLast(4)) })
            #expect(recordOperations.count == 24)
            for operation in recordOperations {
                #expect(succeeded.contains(operation), "\(operation) answered with success in the flow")
            }
        }
    }

    /// Whether an OpenAPI operation belongs to the record API (the identity flow covers the rest).
    static func isRecordOperation(_ operation: String) -> Bool {
        ["/api/v1/patients", "/api/v1/entries", "/api/v1/approvals", "/api/v1/attachments", "/api/v1/retention"]
            .contains { operation.contains(" \($0)") }
    }

    static let documentText = "Kura test referral scan 紹介状本文"

    /// Attachments (MAL-4, SCAN-3): checked by content, sealed in chunks, late scans flagged,
    /// downloads audited and served as they were stored.
    static func attachments(_ api: inout APIExercise, _ doctor: inout APICaller, patientID: String) async throws {
        // A PDF over one chunk (256 KiB), so the content spans several sealed chunks.
        let pdf =
            Array("%PDF-1.4\n% \(documentText)\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 300_000)
            + Array("\n%%EOF\n".utf8)
        let path = "/api/v1/patients/\(patientID)/attachments"
        func headers(_ type: String, name: String = "紹介状 2026-11.pdf") -> HTTPFields {
            var fields: HTTPFields = [.contentType: type]
            fields[RecordAPI.fileNameHeader] = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            fields[RecordAPI.receivedHeader] = "2026-11-20"
            fields[RecordAPI.scannedHeader] = "2026-11-25"
            fields[RecordAPI.colourHeader] = "greyscale"
            return fields
        }
        let stored = try await api.call(&doctor, .post, path, file: (pdf, headers("application/pdf")), expect: 201)
        // Received on a Friday; Saturday, Tuesday and Wednesday are business days, Sunday and
        // 勤労感謝の日 (Monday 23 November) are not: three business days, late.
        #expect(stored.json?["scannedLateBusinessDays"] == .integer(3))
        #expect(stored.json?["fileName"] == .string("紹介状 2026-11.pdf"))
        #expect(stored.json?["colour"] == .string("greyscale"))
        let id = try #require(stored.json?["id"]?.string)
        try await api.call(&doctor, .post, path, file: (pdf, headers("image/png")), expect: 415)
        try await api.call(
            &doctor, .post, path, file: (Array("just text".utf8), headers("application/pdf")), expect: 415)
        try await api.call(
            &doctor, .post, path, file: (Array(pdf.dropLast(8)), headers("application/pdf")), expect: 415)
        var noName = headers("application/pdf")
        noName[RecordAPI.fileNameHeader] = nil
        try await api.call(&doctor, .post, path, file: (pdf, noName), expect: 400)
        let listed = try await api.call(&doctor, .get, path, expect: 200)
        #expect(listed.json?["attachments"]?.array?.count == 1)
        let download = try await api.call(&doctor, .get, "/api/v1/attachments/\(id)", expect: 200)
        #expect(Array(download.body.utf8) == pdf)
        #expect(download.headers[.contentType] == "application/pdf")
    }

    /// The whole chart as a print page at a stable URL (REC-3): header, allergies, every version
    /// with its reason, escaped, audited; refused outside the care team.
    static func readableChart(
        _ harness: IdentityHarness, _ doctor: APICaller, _ clerk: APICaller, patientID: String, doctorID: String
    ) async throws {
        let path = "/patients/\(patientID)/print"
        let page = try await harness.client.execute(
            uri: path, method: .get, headers: doctor.headers(body: false, csrf: false), body: nil)
        let html = String(buffer: page.body)
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.headers[.cacheControl] == "no-store")
        for text in [patientName, "ペニシリン", visitNote, amendReason, "修正済み", "誤記載", "未署名 — 印刷して記名押印してください", "dr.sato"] {
            #expect(html.contains(text), "the chart shows \(text)")
        }
        #expect(html.components(separatedBy: "<section class=\"version\">").count - 1 == 4 + 2 + 2 + 2)
        let refused = try await harness.client.execute(
            uri: path, method: .get, headers: clerk.headers(body: false, csrf: false), body: nil)
        #expect(refused.status == .forbidden)
        #expect(!String(buffer: refused.body).contains(patientName))
        let audit = try await harness.services.store.auditEvents(
            AuditQuery(actor: doctorID, action: "chart.print", limit: 5))
        #expect(audit.map(\.patientIDs) == [[patientID]])
    }

    /// The retention dry run (RET-1, RET-2) for an administrator over HTTP: nothing is due
    /// while care continues or within the period; clinicians may not ask for it.
    static func retention(
        _ api: inout APIExercise, harness: IdentityHarness, secret: String, device: String
    ) async throws {
        var admin = APICaller(cookies: [SessionCookies.device: device])
        let password = IdentityHarness.adminPassword
        try await api.call(
            &admin, .post, "/api/v1/session", json: #"{"login":"admin","password":"\#(password)"}"#, expect: 200)
        try await api.call(
            &admin, .post, "/api/v1/session/second-factor", json: #"{"code":"\#(try harness.code(secret))"}"#,
            expect: 200)
        harness.clock.advance(milliseconds: 30_000)
        let report = try await api.call(&admin, .get, "/api/v1/retention/report", expect: 200)
        #expect(report.json?["purgeable"] == .array([]))
        #expect(report.json?["years"]?["progress-note"] == .integer(5))
        #expect(report.json?["years"]?["referral-letter"] == .integer(3))
        #expect(report.json?["indefinite"] != .integer(0))
        try await api.call(&admin, .get, "/api/v1/retention/report?on=2026-13-01", expect: 400)
    }

    static func accountID(_ harness: IdentityHarness, _ login: String) async throws -> String {
        try #require(try await harness.services.store.account(login: login)).id
    }

    /// The proof of every version verifies offline with only the log's key (REC-2, AUD-2): the
    /// leaf is in the signed checkpoint, and the details and salt recompute its commitment,
    /// whose content hash is the hash of the stored ciphertext.
    static func proveOffline(
        _ api: inout APIExercise, _ doctor: inout APICaller, harness: IdentityHarness, entryID: String
    ) async throws {
        try await harness.services.checkpointer.integrateNow()
        let stored = try await harness.services.store.versions(objectID: entryID)
        #expect(stored.count == 4)
        for version in stored {
            let reply = try await api.call(
                &doctor, .get, "/api/v1/entries/\(entryID)/proof?version=\(version.version)", expect: 200)
            let proof = try #require(reply.json?["proof"]?.string)
            let leaf = try #require(reply.json?["leaf"]?.string)
            let checked = try OfflineVerification.inclusion(
                proof: Array(proof.utf8), leaf: Array(leaf.utf8), key: harness.startup.verifierKey)
            #expect(reply.json?["index"] == .integer(Int64(checked.index)))
            let details = try #require(reply.json?["details"]?.string)
            let saltText = try #require(reply.json?["salt"]?.string)
            let salt = try #require(Data(base64Encoded: saltText))
            #expect(
                try LedgerLeaf.parse(Array(leaf.utf8)).verify(
                    canonicalDetails: Array(details.utf8), salt: LedgerSalt(bytes: [UInt8](salt))!) == .valid)
            let parsed = try JSONValue.parse(details)
            #expect(parsed["entry"] == .string(entryID))
            #expect(parsed["version"] == .integer(version.version))
            #expect(
                parsed["contentHash"] == .string(try EncryptedField(serialized: version.sealedBody).contentDigest.hex))
            #expect(!details.contains(Self.visitNote) && !details.contains(Self.amendReason))
        }
        try await api.call(&doctor, .get, "/api/v1/entries/\(entryID)/proof?version=9", expect: 404)
        try await api.call(&doctor, .get, "/api/v1/entries/\(entryID)/proof?version=zero", expect: 400)
    }

    /// Bad input is refused with a clear message and the right status, and nothing is written.
    static func badInput(
        _ api: inout APIExercise, _ doctor: inout APICaller, patientID: String, entryID: String
    ) async throws {
        let before = try await api.call(&doctor, .get, "/api/v1/patients/\(patientID)", expect: 200)
        let entries = "/api/v1/patients/\(patientID)/entries"
        let unknown = try await api.call(
            &doctor, .post, entries,
            json: #"{"kind":"progress-note","finalise":true,"content":{"fields":{"plan":"x"}}}"#,
            expect: 400)
        #expect(unknown.json?["message"]?.string?.contains("finalise") == true)
        try await api.call(
            &doctor, .post, entries, json: #"{"kind":"progress-note","content":{"fields":{"plan":1}}}"#, expect: 400)
        try await api.call(
            &doctor, .post, entries, json: #"{"kind":"progress-note","content":{"fields":{"colour":"x"}}}"#, expect: 400
        )
        try await api.call(
            &doctor, .post, entries, json: #"{"kind":"discharge","content":{"fields":{"plan":"x"}}}"#, expect: 400)
        try await api.call(
            &doctor, .post, entries, json: #"{"kind":"home-visit","content":{"fields":{"place":"自宅"}}}"#, expect: 400)
        let long = String(repeating: "長", count: 20_001)
        try await api.call(
            &doctor, .post, entries, json: #"{"kind":"progress-note","content":{"fields":{"plan":"\#(long)"}}}"#,
            expect: 400)
        try await api.call(
            &doctor, .post, entries,
            json: #"{"kind":"progress-note","careAt":9999999999999,"content":{"fields":{"plan":"x"}}}"#, expect: 400)
        try await api.call(&doctor, .post, entries, json: "[1,2]", expect: 400)
        try await api.call(
            &doctor, .post, "/api/v1/patients",
            json:
                #"{"demographics":\#(demographics(number: "P-9").replacingOccurrences(of: "1940-02-29", with: "1941-02-29"))}"#,
            expect: 400)
        try await api.call(
            &doctor, .post, "/api/v1/patients/search", json: #"{"kanaPrefix":"ヤ","name":"山"}"#, expect: 400)
        try await api.call(
            &doctor, .post, "/api/v1/entries/\(entryID)/amend",
            json: #"{"content":{"fields":{"place":"x"}},"revision":4}"#, expect: 400)
        try await api.call(&doctor, .get, "/api/v1/entries/ent_missing", expect: 404)
        try await api.call(&doctor, .get, "/api/v1/patients/\(patientID)?beforeAt=1", expect: 400)
        let after = try await api.call(&doctor, .get, "/api/v1/patients/\(patientID)", expect: 200)
        #expect(after.json?["entries"] == before.json?["entries"])
    }

    /// A raw look into the database shows no name, note or reason in clear (ENC-1).
    static func nothingInClear(_ harness: IdentityHarness) async throws {
        let bytes = try await harness.raw.everything()
        #expect(bytes.count > 10_000)
        for secret in [
            patientName, "山田", visitNote, amendReason, "ペニシリン", "東京都千代田区", "03-1234-5678", documentText, "紹介状",
        ] {
            let plain = Array(secret.utf8)
            let hexText = Array(hex(plain).utf8)
            #expect(!bytes.contains(plain), "plaintext found")
            #expect(!bytes.contains(hexText), "plaintext found as hex")
        }
    }
}

extension [UInt8] {
    /// Whether `needle` occurs in these bytes.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<start + needle.count].elementsEqual(needle)
        }
    }
}
