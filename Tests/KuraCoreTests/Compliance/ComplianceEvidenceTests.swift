import KuraCore
import Testing

/// The evidence an evaluator states (issue 8: figures, dates, ids), and how prefilled and manual
/// items are assessed before a person answers.
@Suite("Compliance evidence and assessments")
struct ComplianceEvidenceTests {
    func value(_ result: EvaluationResult, _ english: String) -> EvidenceValue? {
        result.evidence.first { $0.label.en == english }?.value
    }

    @Test("MFA-1 states the share of active accounts enrolled")
    func share() {
        var facts = ComplianceFixtures.passing
        facts.accounts[1].hasSecondFactor = false
        let result = ComplianceEvaluator.evaluate(.mfa1, facts: facts)
        #expect(value(result, "enrolled / active accounts") == .share(2, of: 3))
        #expect(value(result, "enrolled / active accounts")?.description == "2/3 (66%)")
        #expect(value(result, "accounts not enrolled") == .list(["acct-doctor"]))
    }

    @Test("ACC-2 lists administrators by id and login, never by name")
    func administrators() {
        let result = ComplianceEvaluator.evaluate(.acc2, facts: ComplianceFixtures.passing)
        #expect(value(result, "administrators (id, login)") == .list(["acct-admin (kanri)"]))
        #expect(value(result, "administrators") == .count(1))
    }

    @Test("BAK-1..3 and AUD-1/2 state their dates, counts and opaque ids")
    func datesAndIDs() {
        let facts = ComplianceFixtures.passing
        let backups = ComplianceEvaluator.evaluate(.bak13, facts: facts)
        #expect(value(backups, "generation restored in the drill") == .text("gen-0042"))
        #expect(value(backups, "newest backup") == .time(ComplianceFixtures.asOf - ComplianceFixtures.day / 2))
        let log = ComplianceEvaluator.evaluate(.aud12, facts: facts)
        #expect(value(log, "read events, last 30 days") == .count(1_234))
        #expect(value(log, "tree size verified") == .text("98765"))
        #expect(value(log, "log verified at")?.description == "2025-05-26T00:00:00.000Z")
    }

    @Test("MAL-2 states the build's age and its dependencies")
    func build() {
        let result = ComplianceEvaluator.evaluate(.mal2, facts: ComplianceFixtures.passing)
        #expect(value(result, "days since build") == .days(30))
        #expect(value(result, "dependencies") == .list(["swift-nio 2.101.3"]))
    }

    @Test("a registry with entries proposes an answer; an empty one is missing", arguments: RegistryID.allCases)
    func prefilled(_ registry: RegistryID) {
        #expect(PrefilledStatus(registry: registry, entries: 1) == .needsConfirmation(registry: registry, entries: 1))
        #expect(PrefilledStatus(registry: registry, entries: 0) == .missing(registry: registry))
        #expect(PrefilledStatus(registry: registry, entries: -1) == .missing(registry: registry))
    }

    @Test("items are assessed by their kind; only a failed auto item is a failure")
    func assessments() throws {
        let facts = ComplianceFixtures.passing
        func item(_ evaluation: ItemEvaluation) -> ChecklistItem {
            ChecklistItem(
                id: "x", number: "1①", title: BilingualText(ja: "項目", en: "Item"), requirements: ["GOV-1"],
                evaluation: evaluation, source: "test", confidence: .primary, note: nil, line: 1)
        }
        #expect(
            ItemAssessment(item(.prefilled(.officers)), facts: facts)
                == .prefilled(.needsConfirmation(registry: .officers, entries: 2)))
        #expect(ItemAssessment(item(.prefilled(.contacts)), facts: facts) == .prefilled(.missing(registry: .contacts)))
        #expect(ItemAssessment(item(.manual), facts: facts) == .manual)
        let passing = ItemAssessment(item(.auto(.mfa1)), facts: facts)
        #expect(!passing.isFailure)
        var failing = facts
        failing.secondFactorRequired = false
        #expect(ItemAssessment(item(.auto(.mfa1)), facts: failing).isFailure)
        #expect(!ItemAssessment(item(.prefilled(.contacts)), facts: facts).isFailure)
    }
}
