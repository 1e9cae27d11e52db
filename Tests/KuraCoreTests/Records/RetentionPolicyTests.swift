import KuraCore
import Testing

@Suite("Retention (RET-1, RET-2)")
struct RetentionPolicyTests {
    func date(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }

    @Test("kinds: raw values, 診療録 membership, seal and display names")
    func kinds() {
        #expect(
            RecordKind.allCases.map(\.rawValue) == [
                "progress-note", "home-visit", "prescription-note", "referral-letter", "scanned-document",
            ])
        #expect(RecordKind.allCases.filter(\.isMedicalRecord) == [.progressNote, .homeVisit])
        #expect(RecordKind.allCases.filter(\.requiresSeal) == [.referralLetter])  // SIG-1
        #expect(RecordKind.referralLetter.japaneseName == "診療情報提供書")
        #expect(RecordKind.homeVisit.englishName == "Home-visit record")
        #expect(Set(RecordKind.allCases.map(\.japaneseName)).count == RecordKind.allCases.count)
        #expect(RecordKind.allCases.sorted() == RecordKind.allCases)
    }

    @Test("RET-1: a progress note is kept 5 years from the end of care, purgeable the day after")
    func medicalRecord() throws {
        let policy = RetentionPolicy()
        let ended = try date("2020-03-31")
        let until = policy.retainedUntil(kind: .progressNote, careEnded: ended, recorded: try date("2019-06-01"))
        #expect(until == (try date("2025-03-31")))
        let decide = { (day: String) throws in
            policy.decision(kind: .progressNote, careEnded: ended, recorded: try date("2019-06-01"), on: try date(day))
        }
        #expect(try decide("2020-04-01") == .retained(until: try date("2025-03-31")))
        #expect(try decide("2025-03-31") == .retained(until: try date("2025-03-31")))
        #expect(try decide("2025-04-01") == .purgeable(since: try date("2025-04-01")))
        #expect(try decide("2025-03-31").allowsPurge == false)
        #expect(try decide("2030-01-01").allowsPurge)
    }

    @Test("RET-2: other records are kept 3 years, also from the end of care", arguments: RecordKind.allCases)
    func periods(kind: RecordKind) throws {
        let until = RetentionPolicy().retainedUntil(
            kind: kind, careEnded: try date("2024-06-30"), recorded: try date("2024-01-10"))
        #expect(until == (try date(kind.isMedicalRecord ? "2029-06-30" : "2027-06-30")))
    }

    @Test("RET-1: while care has not ended nothing is purgeable, however old the record")
    func careOngoing() throws {
        let policy = RetentionPolicy()
        for kind in RecordKind.allCases {
            #expect(policy.retainedUntil(kind: kind, careEnded: nil, recorded: try date("1990-01-01")) == nil)
            #expect(
                policy.decision(
                    kind: kind, careEnded: nil, recorded: try date("1990-01-01"), on: try date("2099-01-01"))
                    == .indefinite)
        }
    }

    @Test("a record made after care ended runs from its own date, never shorter than the law")
    func recordedAfterEnd() throws {
        let until = RetentionPolicy().retainedUntil(
            kind: .referralLetter, careEnded: try date("2024-06-30"), recorded: try date("2024-08-15"))
        #expect(until == (try date("2027-08-15")))
    }

    @Test(
        "years are counted as the Civil Code counts them (arts. 140, 143), including 29 February",
        arguments: [
            ("2023-02-28", 5, "2028-02-29"),  // starts 03-01; the day before 2028-03-01 is the 29th
            ("2024-02-28", 5, "2029-02-28"),  // starts 02-29; no 2029-02-29, so the end of February
            ("2024-02-28", 4, "2028-02-28"),  // starts 02-29; the day before 2028-02-29
            ("2024-02-29", 3, "2027-02-28"),  // starts 03-01
            ("2024-12-31", 3, "2027-12-31"),
        ])
    func civilCodeYears(ended: String, years: Int, until: String) throws {
        let kind: RecordKind = years >= 5 ? .progressNote : .scannedDocument
        let policy = try RetentionPolicy(years: [kind.rawValue: years])
        #expect(
            policy.retainedUntil(kind: kind, careEnded: try date(ended), recorded: try date("2000-01-01"))
                == (try date(until)))
    }

    @Test("longer periods are configurable per kind; shorter than the law, too long or unknown kinds are refused")
    func configuration() throws {
        let policy = try RetentionPolicy(years: ["progress-note": 10, "scanned-document": 5])
        #expect(policy.years[.progressNote] == 10)
        #expect(policy.years[.scannedDocument] == 5)
        #expect(policy.years[.homeVisit] == 5)
        #expect(policy.years[.referralLetter] == 3)
        #expect(throws: RetentionPolicyError.belowLegalMinimum(.homeVisit)) {
            try RetentionPolicy(years: ["home-visit": 4])
        }
        #expect(throws: RetentionPolicyError.belowLegalMinimum(.prescriptionNote)) {
            try RetentionPolicy(years: ["prescription-note": 2])
        }
        #expect(throws: RetentionPolicyError.tooLong(.progressNote)) {
            try RetentionPolicy(years: ["progress-note": 101])
        }
        #expect(throws: RetentionPolicyError.unknownKind) { try RetentionPolicy(years: ["山田太郎": 5]) }
        #expect(!RetentionPolicyError.unknownKind.description.contains("山田"))
        #expect(
            RetentionPolicyError.belowLegalMinimum(.homeVisit).description
                == "retention for home-visit must be at least 5 years")
    }

    @Test("a period that would run past 9999 is kept indefinitely rather than trapping")
    func farFuture() throws {
        let policy = RetentionPolicy()
        #expect(policy.retainedUntil(kind: .progressNote, careEnded: .maximum, recorded: .maximum) == nil)
        #expect(
            policy.decision(
                kind: .homeVisit, careEnded: try date("9997-01-01"), recorded: try date("9997-01-01"), on: .maximum)
                == .indefinite)
        #expect(
            policy.retainedUntil(kind: .referralLetter, careEnded: try date("9996-12-30"), recorded: .minimum)
                == (try date("9999-12-30")))
    }
}
