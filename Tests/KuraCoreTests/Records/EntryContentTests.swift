import KuraCore
import Testing

/// The documented limits of entry content, demographics and lists: each refusal names the
/// field and the rule, never the value.
@Suite("Record content limits")
struct EntryContentTests {
    @Test("each kind takes its own fields and needs its required ones", arguments: EntryTemplate.all)
    func templates(template: EntryTemplate) {
        var fields: [String: String] = [:]
        for name in template.fields { fields[name] = "記載" }
        #expect(EntryContent(fields: fields).validationError(kind: template.kind) == nil)
        for name in template.required {
            var missing = fields
            missing[name] = nil
            #expect(
                EntryContent(fields: missing).validationError(kind: template.kind)
                    == "fields.\(name): required for \(template.kind)")
        }
        #expect(
            EntryContent(fields: fields.merging(["colour": "x"]) { $1 }).validationError(kind: template.kind)?
                .hasPrefix("fields: colour is not") == true)
    }

    @Test("over-long text, control characters, empty entries and unknown kinds are refused")
    func refusals() {
        let long = String(repeating: "あ", count: EntryTemplate.maxFieldLength + 1)
        #expect(
            EntryContent(fields: ["subjective": long]).validationError(kind: "progress-note")
                == "fields.subjective: at most 20000 characters")
        #expect(
            EntryContent(fields: ["plan": "a\u{0}b"]).validationError(kind: "progress-note")
                == "fields.plan: control characters are not allowed")
        #expect(EntryContent(fields: ["plan": "line\nline"]).validationError(kind: "progress-note") == nil)
        #expect(
            EntryContent(fields: ["plan": "  "]).validationError(kind: "progress-note") == "fields: the entry is empty")
        #expect(EntryContent(fields: ["plan": "x"]).validationError(kind: "discharge") == "kind: unknown entry kind")
        #expect(
            EntryContent(fields: ["plan": "x"], visitEndedAt: 1).validationError(kind: "progress-note")
                == "visitEndedAt: only for home visits")
    }

    @Test("only the referral letter must be printed and sealed until electronic signing (SIG-1)")
    func seal() {
        #expect(EntryTemplate.all.filter(\.requiresSeal).map(\.kind) == ["referral-letter"])
        #expect(EntryTemplate.all.filter(\.isMedicalRecord).map(\.kind) == ["progress-note", "home-visit"])
    }

    static let valid = PatientDemographics(
        patientNumber: "P-0001", name: "山田 花子", kana: "ヤマダ ハナコ", birthDate: "1940-02-29", sex: "female",
        insurerNumber: "39123456")

    @Test("demographics within the limits pass; each broken rule names its field")
    func demographics() {
        #expect(Self.valid.validationError == nil)
        var broken = Self.valid
        broken.patientNumber = "P 1"
        #expect(broken.validationError?.hasPrefix("patientNumber:") == true)
        broken = Self.valid
        broken.kana = "Yamada"
        #expect(broken.validationError?.hasPrefix("kana:") == true)
        broken = Self.valid
        broken.birthDate = "1941-02-29"
        #expect(broken.validationError?.hasPrefix("birthDate:") == true)
        broken = Self.valid
        broken.sex = "f"
        #expect(broken.validationError?.hasPrefix("sex:") == true)
        broken = Self.valid
        broken.insurerNumber = "1234567"
        #expect(broken.validationError?.hasPrefix("insurerNumber:") == true)
        broken = Self.valid
        broken.careStartedOn = "2026-04-01"
        broken.careEndedOn = "2026-03-31"
        #expect(broken.validationError == "careEndedOn: not before careStartedOn")
        #expect(Self.valid.validationError?.contains("山田") != true)
    }

    @Test("lists hold at most 200 items of bounded text")
    func lists() {
        #expect(PatientListItems(items: [.init(text: "ペニシリン", note: "発疹", since: "2020-01-01")]).validationError == nil)
        #expect(
            PatientListItems(items: Array(repeating: .init(text: "x"), count: 201)).validationError
                == "items: at most 200")
        #expect(PatientListItems(items: [.init(text: "")]).validationError == "items[0].text: 1 to 500 characters")
        #expect(
            PatientListItems(items: [.init(text: "x", since: "2020-13-01")]).validationError
                == "items[0].since: a date as YYYY-MM-DD")
    }
}
