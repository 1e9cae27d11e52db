import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Testing

@testable import KuraServer

/// The registries and answers as sealed, ledgered versions, and `kura check` end to end on a
/// populated clinic: items pass or fail from the system's state, the printed report is sealed and
/// a copy checks against the log, a changed copy does not (issue 8).
@Suite("Compliance registries, answers and kura check")
struct ComplianceFlowTests {
    static func service(_ harness: IdentityHarness) -> ComplianceService {
        ComplianceService(records: harness.services.records, store: harness.services.store)
    }

    @Test(
        "a registry entry is added, changed at its version only, withdrawn, and refused to clinicians (GOV-1)",
        arguments: TestBackend.available)
    func registry(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, doctor, _) = try await harness.administratorAndDoctor()
            let compliance = Self.service(harness)
            let officer = ["role": "security-officer", "name": "院長 一郎", "appointedOn": "2026-04-01"]
            let added = try await compliance.save(.officers, id: nil, expectedVersion: nil, values: officer, by: admin)
            #expect(added.version == 1 && added.values["name"] == "院長 一郎" && !added.withdrawn)
            await #expect(throws: ComplianceError.invalid("name is required")) {
                try await compliance.save(
                    .officers, id: nil, expectedVersion: nil,
                    values: ["role": "security-officer", "appointedOn": "2026-04-01"], by: admin)
            }
            await #expect(throws: ComplianceError.invalid("officers has no field salary")) {
                try await compliance.save(
                    .officers, id: nil, expectedVersion: nil, values: officer.merging(["salary": "1"]) { $1 }, by: admin
                )
            }
            await #expect(throws: ComplianceError.invalid("appointedOn must be a date, YYYY-MM-DD")) {
                try await compliance.save(
                    .officers, id: nil, expectedVersion: nil, values: officer.merging(["appointedOn": "April"]) { $1 },
                    by: admin)
            }
            await #expect(throws: ComplianceError.forbidden) {
                try await compliance.save(.officers, id: nil, expectedVersion: nil, values: officer, by: doctor)
            }
            var changed = officer
            changed["position"] = "院長"
            let second = try await compliance.save(
                .officers, id: added.id, expectedVersion: 1, values: changed, by: admin)
            #expect(second.version == 2 && second.values["position"] == "院長")
            await #expect(throws: ComplianceError.conflict("the entry changed since it was read")) {
                try await compliance.save(.officers, id: added.id, expectedVersion: 1, values: officer, by: admin)
            }
            await #expect(throws: ComplianceError.notFound("registry entry")) {
                try await compliance.save(
                    .vendors, id: added.id, expectedVersion: 2, values: ["name": "業者", "service": "電子カルテ"], by: admin)
            }
            #expect(try await compliance.entries(.officers).map(\.id) == [added.id])
            let withdrawn = try await compliance.withdraw(.officers, id: added.id, expectedVersion: 2, by: admin)
            #expect(withdrawn.withdrawn && withdrawn.version == 3)
            #expect(try await compliance.entries(.officers).isEmpty)
            #expect(try await compliance.entries(.officers, includingWithdrawn: true).count == 1)
            // Every version is a leaf, and the sealed body holds no name in the clear (ENC-1).
            let details = try await harness.ledgerDetails().filter { $0.contains("\"kind\":\"compliance.recorded\"") }
            #expect(details.count == 3)
            #expect(!details.contains { $0.contains("院長") })
            let stored = try await harness.services.store.complianceVersions(objectID: added.id)
            #expect(
                stored.count == 3 && !stored.contains { String(decoding: $0.sealedBody, as: UTF8.self).contains("院長") })
        }
    }

    @Test(
        "an answer of いいえ needs a target date; answers keep their history and the edition answered",
        arguments: TestBackend.available)
    func answers(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let (admin, _, _) = try await harness.administratorAndDoctor()
            let compliance = Self.service(harness)
            var answer = ChecklistAnswer(
                checklist: "mhlw-r7-institution", item: "2-9", yes: false, confirmedOn: "2026-11-20", targetOn: nil,
                comment: nil)
            await #expect(throws: ComplianceError.invalid("an answer of いいえ needs targetOn, YYYY-MM-DD")) {
                try await compliance.answer(answer, by: admin)
            }
            answer.targetOn = "2026-11-19"
            await #expect(throws: ComplianceError.invalid("targetOn is before confirmedOn")) {
                try await compliance.answer(answer, by: admin)
            }
            answer.targetOn = "2027-03-31"
            let first = try await compliance.answer(answer, by: admin)
            answer.yes = true
            answer.comment = "USBメモリの接続をグループポリシーで禁止"
            let second = try await compliance.answer(answer, by: admin)
            #expect(first.version == 1 && second.version == 2 && second.answer.targetOn == nil)
            let recorded = try #require(try await compliance.answers()["mhlw-r7-institution/2-9"])
            #expect(recorded.answer.yes && recorded.version == 2)
            let id = ComplianceService.answerID(checklist: "mhlw-r7-institution", item: "2-9")
            #expect(try await harness.services.store.complianceVersions(objectID: id).count == 2)
        }
    }

    @Test(
        "kura check answers from the state, seals the printed report, and a changed copy fails to verify",
        arguments: TestBackend.available)
    func checkCommand(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let database = BackupFlowTests.database(harness.raw.url)
            try await BackupFlowTests.populate(harness)
            let binary = try KuraBinary.path()
            let data = harness.raw.dataDirectory
            let work = try TemporaryDirectory()
            defer { work.remove() }
            let report = work.file("report.html")
            let check = try await ChildProcess.run(
                binary, ["check", "--data", data, "--format", "json", "--report", report] + database)
            let json = try CanonicalJSON.parse(Array(check.output.utf8))
            guard case .object(let top) = json, case .array(let lists)? = top["checklists"] else {
                Issue.record("kura check printed no checklists: \(check.error)")
                return
            }
            #expect(lists.count == 3)
            let items = lists.flatMap { list -> [[String: CanonicalJSON]] in
                guard case .object(let fields) = list, case .array(let items)? = fields["items"] else { return [] }
                return items.compactMap { if case .object(let item) = $0 { item } else { nil } }
            }
            let byEvaluator = Dictionary(
                items.compactMap { item -> (String, [String: CanonicalJSON])? in
                    guard case .string(let evaluator)? = item["evaluator"] else { return nil }
                    return (evaluator, item)
                }, uniquingKeysWith: { first, _ in first })
            // The log was verified first and is evidence now; what 2⑪ still lacks is a signed-off
            // review of the access log (AUD-4). There is no backup yet.
            #expect(byEvaluator["aud-1-2"]?["status"] == .string("pass"), "logged and verified")
            guard case .array(let reasons)? = byEvaluator["aud-1-2-4"]?["reasons"] else {
                Issue.record("aud-1-2-4 gives no reasons")
                return
            }
            #expect(reasons.count == 1)
            #expect(
                reasons.first.map { "\($0)" }?.contains("no access-log review has been signed off") == true,
                "the verification passed; only the review is missing")
            #expect(byEvaluator["bak-1-3"]?["status"] == .string("fail"))
            #expect(check.status == 1, "an automatic item failed, so the exit status is 1")
            #expect(items.contains { $0["status"] == .string("missing") })

            let verified = try await ChildProcess.run(binary, ["verify", "report", report, "--data", data] + database)
            #expect(verified.status == 0, "\(verified.error)")
            #expect(verified.output.contains("report verified"))
            var copy = try #require(FileManager.default.contents(atPath: report))
            copy.append(contentsOf: Array(" ".utf8))
            try copy.write(to: URL(fileURLWithPath: work.file("changed.html")))
            let changed = try await ChildProcess.run(
                binary, ["verify", "report", work.file("changed.html"), "--data", data])
            #expect(changed.status != 0)
            let html = String(decoding: try #require(FileManager.default.contents(atPath: report)), as: UTF8.self)
            #expect(html.contains("@page { size: A4") && html.contains("<pre>") && !html.contains("<script"))
            // The evidence and the seal are documents the record check covers (once numbered:
            // PostgreSQL numbers leaves at integration).
            try await harness.services.checkpointer.integrateNow()
            let records = try await ChildProcess.run(binary, ["verify", "records", "--data", data] + database)
            #expect(records.status == 0, "\(records.error)")
            #expect(records.output.contains("2 compliance documents"), "\(records.output)")
        }
    }
}
