import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import Testing

@testable import KuraServer

/// The compliance API over HTTP, every reply checked against the OpenAPI document and every
/// compliance operation seen succeeding: registries kept by an administrator, read by an
/// auditor, refused to a clinician; an incident's APPI deadlines; answers; the sealed report.
@Suite("Compliance over HTTP")
struct ComplianceAPITests {
    /// Whether an OpenAPI operation belongs to the compliance API (the identity flow covers the rest).
    static func isComplianceOperation(_ operation: String) -> Bool {
        operation.contains(" /api/v1/compliance/")
    }

    @Test("registries, answers and the sealed report answer as the document says")
    func flow() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var api = APIExercise(client: harness.client, conformance: try OpenAPITests.conformance())
            let admin = try await harness.readyAdministrator().auth
            var (officer, _) = try await RecordFlowTests.staff(
                harness, admin: admin, login: "jimucho", jobType: "administrator", roles: ["admin"])
            var (auditor, _) = try await RecordFlowTests.staff(
                harness, admin: admin, login: "kansa", jobType: "administrator", roles: ["auditor"])
            var (doctor, _) = try await RecordFlowTests.staff(
                harness, admin: admin, login: "dr.mori", jobType: "physician", roles: ["physician"])
            for index in 0..<3 {
                var caller = [officer, auditor, doctor][index]
                try await api.call(&caller, .get, "/api/v1/session", expect: 200)
                if index == 0 { officer = caller } else if index == 1 { auditor = caller } else { doctor = caller }
            }

            let registries = try await api.call(&auditor, .get, "/api/v1/compliance/registries", expect: 200)
            #expect(registries.json?["registries"]?.array?.count == RegistryID.allCases.count)
            try await api.call(&doctor, .get, "/api/v1/compliance/registries", expect: 403)

            let added = try await api.call(
                &officer, .post, "/api/v1/compliance/registries/officers",
                json: #"{"values":{"role":"security-officer","name":"事務 長","appointedOn":"2026-04-01"}}"#, expect: 201)
            let id = try #require(added.json?["id"]?.string)
            try await api.call(
                &officer, .post, "/api/v1/compliance/registries/officers",
                json: #"{"values":{"role":"security-officer","appointedOn":"2026-04-01"}}"#, expect: 400)
            try await api.call(
                &auditor, .post, "/api/v1/compliance/registries/officers",
                json: #"{"values":{"role":"security-officer","name":"x","appointedOn":"2026-04-01"}}"#, expect: 403)
            try await api.call(
                &officer, .put, "/api/v1/compliance/registries/officers/\(id)",
                json: #"{"version":1,"values":{"role":"security-officer","name":"事務 長","appointedOn":"2026-04-02"}}"#,
                expect: 200)
            try await api.call(
                &officer, .put, "/api/v1/compliance/registries/officers/\(id)",
                json: #"{"version":1,"values":{"role":"security-officer","name":"事務 長","appointedOn":"2026-04-03"}}"#,
                expect: 409)
            try await api.call(&officer, .get, "/api/v1/compliance/registries/nothing", expect: 404)

            // An incident found on a Friday evening JST: the 30th day is a Sunday, so the final
            // report is due on the Monday (PRIV-2).
            try await api.call(
                &officer, .post, "/api/v1/compliance/registries/incidents",
                json: #"{"values":{"title":"USBメモリ紛失","discoveredAt":"2026-11-20T18:30","specialCareData":"true"}}"#,
                expect: 201)
            let incidents = try await api.call(&auditor, .get, "/api/v1/compliance/registries/incidents", expect: 200)
            let deadlines = incidents.json?["entries"]?.array?.first?["deadlines"]
            #expect(deadlines?["finalReportPeriodDays"] == .integer(30))
            #expect(deadlines?["finalReportDeadline"]?.string == "2026-12-21")

            let list = try await api.call(&auditor, .get, "/api/v1/compliance/checklists", expect: 200)
            #expect(list.json?["checklists"]?.array?.count == 3)
            let checklist = try await api.call(
                &auditor, .get, "/api/v1/compliance/checklists/mhlw-r7-institution", expect: 200)
            let items = checklist.json?["items"]?.array ?? []
            #expect(items.contains { $0["id"]?.string == "inst-1-1" && $0["status"]?.string == "confirm" })
            try await api.call(&auditor, .get, "/api/v1/compliance/checklists/r1-unknown", expect: 404)
            // MAL-3: the port the server really listens on, not the configuration's 0.
            let port = try #require(harness.client.port)
            let ports = items.first { $0["id"]?.string == "inst-2-12" }?["evidence"]?.array?.first?["value"]?.string
            #expect(ports == "\(port)")

            // A signed rule kept as evidence (a PDF, checked by content: MAL-4), cited by an answer.
            let pdf = Array("%PDF-1.7\n% USB規程\n%%EOF\n".utf8)
            let kept = try await api.call(
                &officer, .post, "/api/v1/compliance/evidence",
                file: (pdf, [.contentType: "application/pdf", RecordAPI.fileNameHeader: "USB%E8%A6%8F%E7%A8%8B.pdf"]),
                expect: 201)
            let fileID = try #require(kept.json?["id"]?.string)
            #expect(kept.json?["name"]?.string == "USB規程.pdf")
            try await api.call(
                &officer, .post, "/api/v1/compliance/evidence",
                file: (
                    Array("MZ not a pdf".utf8), [.contentType: "application/pdf", RecordAPI.fileNameHeader: "x.exe"]
                ),
                expect: 400)
            let download = try await api.call(&auditor, .get, "/api/v1/compliance/evidence/\(fileID)", expect: 200)
            #expect(Array(download.body.utf8) == pdf)
            try await api.call(
                &officer, .put, "/api/v1/compliance/checklists/mhlw-r7-institution/items/inst-2-13/answer",
                json: #"{"answer":"yes","confirmedOn":"2026-11-20","evidence":["\#(fileID)"]}"#, expect: 200)
            try await api.call(
                &officer, .put, "/api/v1/compliance/checklists/mhlw-r7-institution/items/inst-2-13/answer",
                json: #"{"answer":"yes","confirmedOn":"2026-11-20","evidence":["cmp_nothing"]}"#, expect: 400)

            let answer = "/api/v1/compliance/checklists/mhlw-r7-institution/items/inst-2-9/answer"
            try await api.call(
                &officer, .put, answer, json: #"{"answer":"no","confirmedOn":"2026-11-20"}"#, expect: 400)
            let answered = try await api.call(
                &officer, .put, answer, json: #"{"answer":"no","confirmedOn":"2026-11-20","targetOn":"2027-03-31"}"#,
                expect: 200)
            #expect(answered.json?["version"] == .integer(1))
            try await api.call(
                &officer, .put, "/api/v1/compliance/checklists/mhlw-r7-institution/items/inst-9-9/answer",
                json: #"{"answer":"yes","confirmedOn":"2026-11-20"}"#, expect: 404)

            let report = try await api.call(
                &officer, .post, "/api/v1/compliance/reports", json: #"{"checklist":"mhlw-r7-institution"}"#,
                expect: 201)
            let hash = try #require(report.headers[ComplianceAPI.reportHashHeader])
            #expect(hash == ReportSeal.digest(Array(report.body.utf8)))
            #expect(report.body.contains("事務 長") && report.body.contains("いいえ"))
            #expect(report.body.contains("根拠資料: USB規程.pdf (SHA-256 \(ReportSeal.digest(pdf).prefix(16))"))
            let sealed = try await ReportSeal.find(
                sha256: hash, in: harness.services.store, ledger: harness.services.store)
            #expect(sealed?.checklist == "mhlw-r7-institution")

            try await api.call(
                &officer, .post, "/api/v1/compliance/registries/officers/\(id)/withdraw", json: #"{"version":2}"#,
                expect: 200)

            // The planning manager's reviews (AUD-4): a flagged patient's chart opened, found,
            // signed off.
            let physician = try await harness.identity.authenticate(
                token: try await harness.readyPhysician(admin: admin).sessionToken, kind: .browser)
            let patient = try await BackupFlowTests.populate(harness, as: physician)
            try await api.call(
                &officer, .put, "/api/v1/compliance/flags/\(patient)", json: #"{"kind":"staff","note":"看護師"}"#,
                expect: 200)
            try await api.call(
                &officer, .put, "/api/v1/compliance/flags/pat_none", json: #"{"kind":"vip"}"#, expect: 404)
            let flags = try await api.call(&auditor, .get, "/api/v1/compliance/flags", expect: 200)
            #expect(flags.json?["flags"]?.array?.first?["patientID"]?.string == patient)
            _ = try await harness.services.records.chart(physician, patientID: patient)
            let review = try await api.call(&auditor, .get, "/api/v1/compliance/reviews/staff-patients", expect: 200)
            let findings = review.json?["findings"]?.array ?? []
            #expect(findings.contains { $0["patientIDs"]?.array?.contains(.string(patient)) == true })
            try await api.call(&doctor, .get, "/api/v1/compliance/reviews/staff-patients", expect: 403)
            try await api.call(&auditor, .get, "/api/v1/compliance/reviews/everything", expect: 404)
            try await api.call(
                &auditor, .get, "/api/v1/compliance/reviews/off-hours?from=2026-12-01&until=2026-11-01", expect: 400)
            try await api.call(
                &auditor, .post, "/api/v1/compliance/reviews/staff-patients/sign-off",
                json:
                    #"{"from":"2026-10-27","until":"2026-11-25","findings":\#(findings.count),"comment":"担当看護師の閲覧、問題なし"}"#,
                expect: 201)
            let signOffs = try await api.call(&officer, .get, "/api/v1/compliance/sign-offs", expect: 200)
            #expect(signOffs.json?["signOffs"]?.array?.count == 1)
            try await api.call(&officer, .post, "/api/v1/compliance/flags/\(patient)/clear", expect: 200)

            let operations = api.conformance.operations.filter(Self.isComplianceOperation)
            let succeeded = Set(
                api.answered.filter { $0.hasSuffix(" 200") || $0.hasSuffix(" 201") }.map { String($0.dropLast(4)) })
            #expect(operations.count == 17)
            for operation in operations {
                #expect(succeeded.contains(operation), "\(operation) answered with success in the flow")
            }
        }
    }
}
