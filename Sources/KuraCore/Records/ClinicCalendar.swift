/// The days a clinic is open, for deadlines counted in business days (SCAN-3).
///
/// A day is a business day unless its weekday is a closed weekday, it is one of the clinic's own
/// closed dates (once, or every year such as 年末年始), or it is a Japanese public holiday and
/// the clinic closes on those.
public struct ClinicCalendar: Hashable, Sendable {
    /// A month and day that recur every year, such as 12-29.
    public struct MonthDay: Hashable, Sendable, Comparable {
        /// The month, 1…12.
        public let month: Int
        /// The day of the month; 2-29 is allowed and only matches leap years.
        public let day: Int

        /// Creates a month and day; throws ``CivilDateError/invalidDate`` for one that never exists.
        public init(month: Int, day: Int) throws(CivilDateError) {
            guard (1...12).contains(month), (1...CivilDate.daysInMonth(year: 2000, month: month)).contains(day)
            else { throw .invalidDate }
            self.month = month
            self.day = day
        }

        /// Orders within the year.
        public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
            (lhs.month, lhs.day) < (rhs.month, rhs.day)
        }
    }

    /// Weekdays on which the clinic is closed (default: Sunday).
    public var closedWeekdays: Set<Weekday>
    /// Dates on which the clinic is closed once (a training day, a move).
    public var closedDates: Set<CivilDate>
    /// Days on which the clinic is closed every year (see ``yearEndHolidays``).
    public var closedEveryYear: Set<MonthDay>
    /// Whether the clinic is closed on Japanese public holidays (default: yes).
    public var closedOnPublicHolidays: Bool

    /// 年末年始: 12-29 to 01-03, the usual New Year closure of Japanese clinics.
    public static let yearEndHolidays: Set<MonthDay> = [
        MonthDay(unchecked: 12, 29), MonthDay(unchecked: 12, 30), MonthDay(unchecked: 12, 31),
        MonthDay(unchecked: 1, 1), MonthDay(unchecked: 1, 2), MonthDay(unchecked: 1, 3),
    ]

    /// Creates a calendar; the defaults close on Sundays and public holidays only.
    public init(
        closedWeekdays: Set<Weekday> = [.sunday],
        closedDates: Set<CivilDate> = [],
        closedEveryYear: Set<MonthDay> = [],
        closedOnPublicHolidays: Bool = true
    ) {
        self.closedWeekdays = closedWeekdays
        self.closedDates = closedDates
        self.closedEveryYear = closedEveryYear
        self.closedOnPublicHolidays = closedOnPublicHolidays
    }

    /// Whether the clinic is open on `date`.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        if closedWeekdays.contains(date.weekday) || closedDates.contains(date) { return false }
        if !closedEveryYear.isEmpty, closedEveryYear.contains(MonthDay(unchecked: date.month, date.day)) {
            return false
        }
        return !(closedOnPublicHolidays && JapaneseHolidays.isHoliday(date))
    }

    /// The number of business days strictly after `from` up to and including `to` (0 when `to`
    /// is not after `from`): a document received on `from` and handled on `to` took this many.
    public func businessDays(from: CivilDate, to: CivilDate) -> Int {
        guard to > from else { return 0 }
        var count = 0
        var date = from
        while date < to {
            date = date.adding(days: 1)
            if isBusinessDay(date) { count += 1 }
        }
        return count
    }
}

extension ClinicCalendar.MonthDay {
    init(unchecked month: Int, _ day: Int) {
        self.month = month
        self.day = day
    }
}
