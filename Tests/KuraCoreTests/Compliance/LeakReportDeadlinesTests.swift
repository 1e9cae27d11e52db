import KuraCore
import Testing

/// APPI leak-report deadlines (PRIV-2): the discovery day (JST) is day 1; a 30th or 60th day on
/// a Saturday, Sunday, public holiday or 12-29…01-03 moves to the next day offices are open.
@Suite("APPI leak report deadlines")
struct LeakReportDeadlinesTests {
    static func instant(_ text: String) throws -> CanonicalTime { try CanonicalTime(parsing: text) }
    static func date(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }

    static let cases: [(name: String, discovered: String, unlawful: Bool, day: String, deadline: String)] = [
        ("the 30th day on an ordinary Tuesday", "2025-06-02T00:00:00.000Z", false, "2025-07-01", "2025-07-01"),
        ("the 30th day on a Saturday moves to Monday", "2025-05-09T01:00:00.000Z", false, "2025-06-07", "2025-06-09"),
        ("a Saturday before 海の日 moves to Tuesday", "2025-06-20T01:00:00.000Z", false, "2025-07-19", "2025-07-22"),
        ("Golden Week: 5/3–5/6 are all closed", "2025-04-04T01:00:00.000Z", false, "2025-05-03", "2025-05-07"),
        (
            "year-end: 12-29 moves past 1-3 and the weekend", "2025-11-30T01:00:00.000Z", false, "2025-12-29",
            "2026-01-05"
        ),
        ("unlawful intent: 60 days, on a Friday", "2025-04-01T01:00:00.000Z", true, "2025-05-30", "2025-05-30"),
        ("unlawful intent: the 60th day in the year-end", "2025-11-01T01:00:00.000Z", true, "2025-12-30", "2026-01-05"),
        ("23:59:59.999 JST is still the discovery day", "2025-05-08T14:59:59.999Z", false, "2025-06-06", "2025-06-06"),
        ("00:00 JST is the next day", "2025-05-08T15:00:00.000Z", false, "2025-06-07", "2025-06-09"),
    ]

    @Test("the final report's day and deadline", arguments: cases)
    func finalReport(
        _ testCase: (name: String, discovered: String, unlawful: Bool, day: String, deadline: String)
    ) throws {
        let deadlines = LeakReportDeadlines(
            discoveredAt: try Self.instant(testCase.discovered), unlawfulIntentSuspected: testCase.unlawful)
        #expect(deadlines.finalReportDay == (try Self.date(testCase.day)), "\(testCase.name)")
        #expect(deadlines.finalReportDeadline == (try Self.date(testCase.deadline)), "\(testCase.name)")
        #expect(deadlines.finalReportPeriod == (testCase.unlawful ? 60 : 30))
    }

    @Test("the preliminary report's 3rd and 5th days are targets and never move")
    func preliminary() throws {
        // Discovered Thursday 2025-05-01 (JST): the 3rd day is 5/3 憲法記念日, a Saturday.
        let deadlines = LeakReportDeadlines(
            discoveredAt: try Self.instant("2025-05-01T03:00:00.000Z"), unlawfulIntentSuspected: false)
        #expect(deadlines.discoveryDate == (try Self.date("2025-05-01")))
        #expect(deadlines.preliminaryTarget == (try Self.date("2025-05-03")))
        #expect(deadlines.preliminaryLatest == (try Self.date("2025-05-05")))
    }

    @Test("overdue only once the deadline's JST day has ended")
    func overdue() throws {
        let deadlines = LeakReportDeadlines(
            discoveredAt: try Self.instant("2025-05-09T01:00:00.000Z"), unlawfulIntentSuspected: false)
        // Deadline 2025-06-09 (JST): ends at 2025-06-09T15:00Z.
        #expect(!deadlines.finalReportOverdue(at: try Self.instant("2025-06-09T14:59:59.999Z")))
        #expect(deadlines.finalReportOverdue(at: try Self.instant("2025-06-09T15:00:00.000Z")))
        #expect(deadlines.daysUntilFinalDeadline(at: try Self.instant("2025-06-01T00:00:00.000Z")) == 8)
        #expect(deadlines.daysUntilFinalDeadline(at: try Self.instant("2025-06-10T00:00:00.000Z")) == -1)
    }

    @Test("government offices close on weekends, holidays and 12-29…01-03, and open otherwise")
    func governmentOffices() throws {
        let offices = ClinicCalendar.governmentOffices
        for closed in [
            "2025-06-07", "2025-06-08", "2025-07-21", "2025-12-29", "2026-01-02", "2026-01-03", "2025-05-06",
        ] {
            #expect(!offices.isBusinessDay(try Self.date(closed)), "\(closed)")
        }
        for open in ["2025-06-09", "2025-12-26", "2026-01-05"] {
            #expect(offices.isBusinessDay(try Self.date(open)), "\(open)")
        }
        #expect(offices.nextBusinessDay(onOrAfter: try Self.date("2025-12-27")) == (try Self.date("2026-01-05")))
    }
}
