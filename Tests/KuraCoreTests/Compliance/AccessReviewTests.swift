import KuraCore
import Testing

/// The log reviews of AUD-4 at their edges: opening hours in JST (07:59, 08:00, 18:59, 19:00), a
/// public holiday and a closed date, the 30/31 patient threshold, a JST day that is not the UTC
/// day, flagged patients, break-glass, and the server's own reads left out.
@Suite("Access reviews (AUD-4)")
struct AccessReviewTests {
    static func ms(_ text: String) throws -> Int64 { try CanonicalTime(parsing: text).epochMilliseconds }

    static func event(
        _ id: String, _ at: String, actor: String = "acc_dr", action: String = "chart.read",
        access: String = "care-team", patients: [String] = ["pat_1"]
    ) throws -> AccessReviewEvent {
        AccessReviewEvent(id: id, at: try ms(at), actor: actor, action: action, access: access, patientIDs: patients)
    }

    /// January 2027, the period of every case: 2027-01-11 is 成人の日 (a Monday), 01-12 a Tuesday.
    static func review(
        _ task: AccessReviewTask, _ events: [AccessReviewEvent], policy: AccessReviewPolicy = AccessReviewPolicy(),
        calendar: ClinicCalendar = ClinicCalendar(), flags: [String: PatientFlagKind] = [:]
    ) throws -> AccessReview {
        try AccessReview.run(
            task, events: events, from: try ms("2026-12-31T15:00:00.000Z"), until: try ms("2027-01-31T15:00:00.000Z"),
            policy: policy, calendar: calendar, flags: flags)
    }

    static let hours: [(name: String, at: String, offHours: Bool)] = [
        ("Tuesday 07:59:59.999 JST is before opening", "2027-01-11T22:59:59.999Z", true),
        ("Tuesday 08:00 JST is open", "2027-01-11T23:00:00.000Z", false),
        ("Tuesday 18:59:59.999 JST is open", "2027-01-12T09:59:59.999Z", false),
        ("Tuesday 19:00 JST is closed", "2027-01-12T10:00:00.000Z", true),
        ("Tuesday 00:30 JST is Monday 15:30 UTC, and closed", "2027-01-11T15:30:00.000Z", true),
        ("Monday 11 January is 成人の日, closed at noon", "2027-01-11T03:00:00.000Z", true),
        ("Saturday noon is open by default", "2027-01-16T03:00:00.000Z", false),
        ("Sunday noon is closed", "2027-01-17T03:00:00.000Z", true),
    ]

    @Test("off-hours: open from 08:00 up to 19:00 JST on business days only", arguments: hours)
    func offHours(_ testCase: (name: String, at: String, offHours: Bool)) throws {
        let review = try Self.review(.offHours, [try Self.event("aud_1", testCase.at)])
        #expect(review.findings.count == (testCase.offHours ? 1 : 0), "\(testCase.name)")
        #expect(review.eventsReviewed == 1)
    }

    @Test("off-hours: the clinic's own closed dates and hours, grouped by account and JST day")
    func ownCalendar() throws {
        let calendar = ClinicCalendar(closedDates: [try CivilDate(parsing: "2027-01-13")])
        let wednesday = try Self.event("aud_1", "2027-01-13T01:00:00.000Z")
        #expect(try Self.review(.offHours, [wednesday], calendar: calendar).findings.count == 1)
        // Half-day Saturdays: 08:00-12:30.
        var hours = AccessReviewPolicy.defaultOpeningHours
        hours[.saturday] = try OpeningHours(parsing: "08:00-12:30")
        let policy = try AccessReviewPolicy(openingHours: hours)
        let saturday = try Self.event("aud_2", "2027-01-16T03:30:00.000Z")
        #expect(try Self.review(.offHours, [saturday], policy: policy).findings.count == 1)
        // A night visit round: three reads on one JST night before midnight are one finding.
        let night = try [
            Self.event("aud_3", "2027-01-12T13:10:00.000Z", patients: ["pat_1"]),
            Self.event("aud_4", "2027-01-12T14:20:00.000Z", patients: ["pat_2"]),
            Self.event("aud_5", "2027-01-12T14:50:00.000Z", patients: ["pat_1"]),
        ]
        let finding = try #require(try Self.review(.offHours, night).findings.first)
        #expect(finding.eventIDs == ["aud_3", "aud_4", "aud_5"] && finding.patientIDs == ["pat_1", "pat_2"])
        let twelfth = try CivilDate(parsing: "2027-01-12")
        #expect(finding.date == twelfth && finding.actor == "acc_dr")
    }

    static func opened(
        _ count: Int, at: String, actor: String = "acc_dr", offset: Int = 0
    ) throws
        -> [AccessReviewEvent]
    {
        try (0..<count).map {
            try event("aud_\(actor)_\(at)_\($0)", at, actor: actor, patients: ["pat_\($0 + offset)"])
        }
    }

    static let volumes: [(name: String, opened: Int, finding: Bool)] = [
        ("30 distinct patients is not a finding", 30, false),
        ("31 distinct patients is", 31, true),
    ]

    @Test("mass-access: more than 30 distinct patients in one JST day", arguments: volumes)
    func massAccess(_ testCase: (name: String, opened: Int, finding: Bool)) throws {
        // The same patient opened again does not count twice.
        let events =
            try Self.opened(testCase.opened, at: "2027-01-12T01:00:00.000Z")
            + Self.opened(5, at: "2027-01-12T02:00:00.000Z")
        let review = try Self.review(.massAccess, events)
        #expect(review.findings.count == (testCase.finding ? 1 : 0), "\(testCase.name)")
        if testCase.finding { #expect(review.findings.first?.patientCount == 31) }
    }

    @Test("mass-access counts JST days, not UTC days, and leaves list pages out")
    func massAccessDays() throws {
        // 23:00 and 01:00 JST: one UTC day (01-12), two JST days.
        let split =
            try Self.opened(20, at: "2027-01-12T14:00:00.000Z")
            + Self.opened(20, at: "2027-01-12T16:00:00.000Z", offset: 20)
        #expect(try Self.review(.massAccess, split).findings.isEmpty)
        // 01:00 and 10:00 JST on 01-13: two UTC days, one JST day.
        let joined =
            try Self.opened(20, at: "2027-01-12T16:00:00.000Z")
            + Self.opened(20, at: "2027-01-13T01:00:00.000Z", offset: 20)
        let finding = try #require(try Self.review(.massAccess, joined).findings.first)
        let thirteenth = try CivilDate(parsing: "2027-01-13")
        #expect(finding.patientCount == 40 && finding.date == thirteenth)
        // A search result listing 50 patients opens none of them; another account is counted apart.
        let search = try Self.event(
            "aud_s", "2027-01-12T01:00:00.000Z", action: "patient.search", patients: (0..<50).map { "pat_\($0)" })
        let twoAccounts =
            try Self.opened(20, at: "2027-01-12T01:00:00.000Z")
            + Self.opened(20, at: "2027-01-12T01:00:00.000Z", actor: "acc_ns", offset: 20)
        #expect(try Self.review(.massAccess, [search] + twoAccounts).findings.isEmpty)
        let strict = try AccessReviewPolicy(
            openingHours: AccessReviewPolicy.defaultOpeningHours, massAccessThreshold: 19)
        #expect(
            try Self.review(.massAccess, twoAccounts, policy: strict).findings.map(\.actor) == ["acc_dr", "acc_ns"])
    }

    @Test("staff-patients lists who opened which flagged patient, searches included")
    func flagged() throws {
        let flags: [String: PatientFlagKind] = ["pat_staff": .staff, "pat_vip": .vip, "pat_kin": .relative]
        let events = try [
            Self.event("aud_1", "2027-01-12T01:00:00.000Z", patients: ["pat_staff"]),
            Self.event("aud_2", "2027-01-12T02:00:00.000Z", patients: ["pat_staff"]),
            Self.event("aud_3", "2027-01-12T03:00:00.000Z", actor: "acc_ns", patients: ["pat_other"]),
            Self.event(
                "aud_4", "2027-01-13T03:00:00.000Z", actor: "acc_ck", action: "patient.search",
                access: "role", patients: ["pat_other", "pat_vip"]),
        ]
        let review = try Self.review(.staffPatients, events, flags: flags)
        #expect(review.findings.map(\.actor) == ["acc_dr", "acc_ck"])
        #expect(review.findings.map(\.patientIDs) == [["pat_staff"], ["pat_vip"]])
        #expect(review.findings.map(\.flag) == [.staff, .vip])
        #expect(review.findings.first?.eventIDs == ["aud_1", "aud_2"])
        #expect(review.findings.last?.actions == ["patient.search"])
        #expect(try Self.review(.staffPatients, events).findings.isEmpty, "no flags, no findings")
    }

    @Test("break-glass lists every break-glass event; the server's own reads are left out of all")
    func breakGlassAndSystem() throws {
        let events = try [
            Self.event("aud_1", "2027-01-12T01:00:00.000Z", access: "break-glass"),
            Self.event("aud_2", "2027-01-12T01:05:00.000Z", access: "break-glass"),
            Self.event("aud_3", "2027-01-12T01:10:00.000Z"),
            Self.event(
                "aud_4", "2027-01-12T18:00:00.000Z", actor: "system", action: "emergency.snapshot", access: "system",
                patients: (0..<40).map { "pat_\($0)" }),
        ]
        let review = try Self.review(.breakGlass, events)
        #expect(review.findings.map(\.eventIDs) == [["aud_1"], ["aud_2"]])
        #expect(review.eventsReviewed == 3 && review.systemEvents == 1 && !review.truncated)
        #expect(try Self.review(.offHours, events).findings.isEmpty)
        #expect(try Self.review(.massAccess, events).findings.isEmpty)
    }

    @Test("events outside the period are ignored; an empty or reversed period is refused")
    func period() throws {
        let before = try Self.event("aud_1", "2026-12-31T14:59:59.999Z", access: "break-glass")
        let first = try Self.event("aud_2", "2026-12-31T15:00:00.000Z", access: "break-glass")
        let after = try Self.event("aud_3", "2027-01-31T15:00:00.000Z", access: "break-glass")
        let review = try Self.review(.breakGlass, [before, first, after])
        #expect(review.findings.map(\.eventIDs) == [["aud_2"]] && review.eventsReviewed == 1)
        let start = try Self.ms("2027-01-01T00:00:00.000Z")
        for (from, until) in [(start, start), (start, start - 1), (-1, start), (start, JSTInstant.end + 1)] {
            #expect(throws: AccessReviewError.invalidPeriod) {
                try AccessReview.run(
                    .offHours, events: [], from: from, until: until, policy: AccessReviewPolicy(),
                    calendar: ClinicCalendar())
            }
        }
    }

    static let hourTexts: [(text: String, valid: Bool)] = [
        ("08:00-19:00", true), ("00:00-24:00", true), ("8:00-19:00", false), ("19:00-08:00", false),
        ("08:00-08:00", false), ("08:00-24:30", false), ("08:60-19:00", false), ("08:00", false),
    ]

    @Test("opening hours parse as HH:MM-HH:MM; thresholds stay within 1…100000", arguments: hourTexts)
    func configuration(_ testCase: (text: String, valid: Bool)) throws {
        if testCase.valid {
            #expect(try OpeningHours(parsing: testCase.text).description == testCase.text)
        } else {
            #expect(throws: AccessReviewError.invalidOpeningHours) { try OpeningHours(parsing: testCase.text) }
        }
        for threshold in [0, 100_001] {
            #expect(throws: AccessReviewError.invalidThreshold) {
                try AccessReviewPolicy(openingHours: [:], massAccessThreshold: threshold)
            }
        }
    }
}
