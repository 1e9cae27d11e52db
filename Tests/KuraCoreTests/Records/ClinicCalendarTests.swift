import KuraCore
import Testing

@Suite("Clinic calendar and scan timeliness (SCAN-3)")
struct ClinicCalendarTests {
    static let weekendsClosed = ClinicCalendar(closedWeekdays: [.saturday, .sunday])

    func date(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }

    @Test("by default Sundays and public holidays are closed, Saturdays open")
    func defaults() throws {
        let calendar = ClinicCalendar()
        #expect(calendar.isBusinessDay(try date("2025-02-22")))  // Saturday
        #expect(!calendar.isBusinessDay(try date("2025-02-23")))  // Sunday (and 天皇誕生日)
        #expect(!calendar.isBusinessDay(try date("2025-02-24")))  // 振替休日
        #expect(calendar.isBusinessDay(try date("2025-02-25")))
        #expect(!calendar.isBusinessDay(try date("2026-09-22")))  // 国民の休日
    }

    @Test("a clinic open on holidays, closed on its own dates and every New Year")
    func ownClosures() throws {
        let calendar = ClinicCalendar(
            closedWeekdays: [.wednesday], closedDates: [try date("2025-06-10")],
            closedEveryYear: ClinicCalendar.yearEndHolidays, closedOnPublicHolidays: false)
        #expect(calendar.isBusinessDay(try date("2025-02-24")))
        #expect(!calendar.isBusinessDay(try date("2025-06-10")))
        #expect(!calendar.isBusinessDay(try date("2025-06-11")))  // Wednesday
        #expect(calendar.isBusinessDay(try date("2025-06-15")))  // Sunday is open here
        for text in ["2025-12-29", "2025-12-31", "2026-01-02", "2026-01-03"] {
            #expect(!calendar.isBusinessDay(try date(text)), "\(text)")
        }
        #expect(calendar.isBusinessDay(try date("2025-12-27")))
        #expect(calendar.isBusinessDay(try date("2026-01-05")))
    }

    @Test("business days count strictly after the first date up to and including the second")
    func counting() throws {
        let calendar = Self.weekendsClosed
        #expect(calendar.businessDays(from: try date("2025-02-21"), to: try date("2025-02-21")) == 0)
        #expect(calendar.businessDays(from: try date("2025-02-21"), to: try date("2025-02-20")) == 0)
        #expect(calendar.businessDays(from: try date("2025-02-21"), to: try date("2025-02-24")) == 0)
        #expect(calendar.businessDays(from: try date("2025-02-21"), to: try date("2025-02-25")) == 1)
        #expect(calendar.businessDays(from: try date("2025-04-25"), to: try date("2025-05-07")) == 5)
        #expect(calendar.businessDays(from: try date("2025-01-01"), to: try date("2025-12-31")) == 246)
    }

    @Test("SCAN-3: received Friday before a Monday holiday, scanned Tuesday, is one business day: timely")
    func fridayBeforeHoliday() throws {
        let result = ScanTimeliness.check(
            received: try date("2025-02-21"), scanned: try date("2025-02-25"), calendar: Self.weekendsClosed)
        #expect(result == .timely)
        let wednesday = ScanTimeliness.check(
            received: try date("2025-02-21"), scanned: try date("2025-02-26"), calendar: Self.weekendsClosed)
        #expect(wednesday == .late(businessDays: 2))
    }

    @Test("SCAN-3: with Saturday open, the same Tuesday scan is two business days: late")
    func saturdayOpen() throws {
        let result = ScanTimeliness.check(
            received: try date("2025-02-21"), scanned: try date("2025-02-25"), calendar: ClinicCalendar())
        #expect(result == .late(businessDays: 2))
    }

    @Test("SCAN-3: the September 2026 run of holidays (9/21 敬老, 9/22 国民の休日, 9/23 秋分) counts as nothing")
    func silverWeek() throws {
        let result = ScanTimeliness.check(
            received: try date("2026-09-18"), scanned: try date("2026-09-24"), calendar: Self.weekendsClosed)
        #expect(result == .timely)
    }

    @Test("SCAN-3: same-day and next-day scans are timely, a scan before receipt is refused")
    func edges() throws {
        let calendar = ClinicCalendar()
        let monday = try date("2025-03-03")
        #expect(ScanTimeliness.check(received: monday, scanned: monday, calendar: calendar) == .timely)
        #expect(ScanTimeliness.check(received: monday, scanned: monday.adding(days: 1), calendar: calendar) == .timely)
        #expect(
            ScanTimeliness.check(received: monday, scanned: monday.adding(days: 2), calendar: calendar)
                == .late(businessDays: 2))
        #expect(
            ScanTimeliness.check(received: monday, scanned: monday.adding(days: -1), calendar: calendar)
                == .scannedBeforeReceipt)
        #expect(
            ScanTimeliness.check(
                received: monday, scanned: monday.adding(days: 3), calendar: calendar, allowedBusinessDays: 3)
                == .timely)
    }

    @Test("received on a closed day: the next business day is the one allowed")
    func receivedOnSunday() throws {
        let sunday = try date("2025-03-02")
        let calendar = ClinicCalendar()
        #expect(ScanTimeliness.check(received: sunday, scanned: sunday.adding(days: 1), calendar: calendar) == .timely)
        #expect(
            ScanTimeliness.check(received: sunday, scanned: sunday.adding(days: 2), calendar: calendar)
                == .late(businessDays: 2))
    }

    @Test("month-days are validated once, 2-29 allowed")
    func monthDays() throws {
        #expect(throws: CivilDateError.invalidDate) { try ClinicCalendar.MonthDay(month: 2, day: 30) }
        #expect(throws: CivilDateError.invalidDate) { try ClinicCalendar.MonthDay(month: 13, day: 1) }
        let leapOnly = ClinicCalendar(closedEveryYear: [try ClinicCalendar.MonthDay(month: 2, day: 29)])
        #expect(!leapOnly.isBusinessDay(try date("2028-02-29")))
        #expect(ClinicCalendar.yearEndHolidays.count == 6)
    }
}
