import Foundation
import KuraCore
import KuraServer
import KuraStore
import Testing

/// Patients for the emergency snapshot tests (REC-3), made through the record service as
/// clinicians make them: one active patient with lists and entries (one carrying markup, one
/// marked in error), one whose care ended, and one merged into the active one.
enum EmergencyFixture {
    static let markup = "<img src=x onerror=alert(1)>"
    static let name = "緊急 花子"
    static let kana = "キンキュウ ハナコ"
    static let number = "E-0001"
    static let allergy = "ペニシリン系抗菌薬"
    static let latestText = "在宅酸素を継続、次回訪問は来週"

    /// The ids made.
    struct Patients {
        var active: String
        var ended: String
        var merged: String
    }

    /// Registers the patients as a ready physician of `harness`.
    static func populate(_ harness: IdentityHarness) async throws -> Patients {
        let (_, doctor, _) = try await harness.administratorAndDoctor()
        let records = harness.services.records
        let active = try await records.register(
            doctor,
            demographics: PatientDemographics(
                patientNumber: number, name: name, kana: kana, birthDate: "1938-04-01", sex: "female",
                address: "東京都千代田区1-1", phone: "03-1234-5678", careStartedOn: "2026-04-01")
        ).patient.id
        _ = try await records.putList(
            doctor, patientID: active, kind: .allergies,
            items: PatientListItems(items: [.init(text: allergy, note: "発疹")]), expectedRevision: nil)
        _ = try await records.putList(
            doctor, patientID: active, kind: .problems, items: PatientListItems(items: [.init(text: "慢性心不全")]),
            expectedRevision: nil)
        _ = try await records.createEntry(
            doctor, patientID: active,
            NewEntry(
                kind: "progress-note", content: EntryContent(fields: ["subjective": "息切れあり", "plan": markup]),
                finalize: true))
        harness.clock.advance(minutes: 5)
        let wrong = try await records.createEntry(
            doctor, patientID: active,
            NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "別の患者の記載"]), finalize: true))
        _ = try await records.changeEntry(
            doctor, id: wrong.id, .enteredInError(reason: "患者違い"), expectedRevision: wrong.revision)
        harness.clock.advance(minutes: 5)
        _ = try await records.createEntry(
            doctor, patientID: active,
            NewEntry(
                kind: "home-visit", content: EntryContent(fields: ["place": "自宅", "plan": latestText]),
                careAt: harness.clock.now - 60_000, finalize: true))
        let ended = try await records.register(
            doctor,
            demographics: PatientDemographics(
                patientNumber: "E-0002", name: "終了 太郎", kana: "シュウリョウ タロウ", birthDate: "1930-01-01", sex: "male",
                careStartedOn: "2020-01-01", careEndedOn: "2025-12-31")
        ).patient.id
        let merged = try await records.register(
            doctor,
            demographics: PatientDemographics(
                patientNumber: "E-0003", name: "緊急 はな子", kana: kana, birthDate: "1938-04-01", sex: "female")
        )
        _ = try await records.merge(
            doctor, id: merged.patient.id, into: active, reason: "同一人物の二重登録",
            expectedRevision: merged.patient.revision)
        try await harness.services.checkpointer.integrateNow()
        return Patients(active: active, ended: ended, merged: merged.patient.id)
    }

    /// The clinic's keys from the harness's data folder.
    static func keys(_ harness: IdentityHarness) throws -> ClinicKeyMaterial {
        try LogIdentity.load(dataDirectory: harness.raw.dataDirectory, keyFile: nil, passphrase: nil).keys
    }

    /// The decrypted payload of the page at `path`.
    static func open(_ path: String, key: EmergencyKey) throws -> [String: CanonicalJSON] {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let envelope = try #require(EmergencyPage.envelope(in: html))
        guard case .object(let members) = try CanonicalJSON.parse(try envelope.open(with: key)) else {
            throw EmergencyError.malformedKeyFile
        }
        return members
    }

    /// The text of a canonical JSON string, else nil.
    static func text(_ value: CanonicalJSON?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }
}
