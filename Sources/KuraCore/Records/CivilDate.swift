/// A calendar date without a time or a time zone (the proleptic Gregorian calendar), years 0001–9999.
///
/// Clinical dates (receipt, scan, end of care) are civil dates in Japan Standard Time; the caller
/// converts an instant with ``init(japanStandardTime:)`` so that nothing here reads a clock or a
/// time zone database. Arithmetic is on days since 1970-01-01, as in ``CanonicalTime``.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…28/29/30/31.
    public let day: Int

    /// The first representable date, 0001-01-01.
    public static let minimum = CivilDate(unchecked: 1, 1, 1)
    /// The last representable date, 9999-12-31.
    public static let maximum = CivilDate(unchecked: 9999, 12, 31)

    /// Creates a date; throws ``CivilDateError/invalidDate`` for a day that does not exist.
    public init(year: Int, month: Int, day: Int) throws(CivilDateError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { throw .invalidDate }
        self.init(unchecked: year, month, day)
    }

    /// The date `daysSinceEpoch` days after 1970-01-01 (negative before).
    ///
    /// Traps outside 0001-01-01…9999-12-31, like integer overflow: callers add bounded periods.
    public init(daysSinceEpoch: Int) {
        precondition(
            (Self.minimum.daysSinceEpoch...Self.maximum.daysSinceEpoch).contains(daysSinceEpoch),
            "CivilDate out of range")
        let civil = CanonicalTime.civil(fromDays: Int64(daysSinceEpoch))
        self.init(unchecked: Int(civil.year), Int(civil.month), Int(civil.day))
    }

    /// The civil date in Japan Standard Time (UTC+9, no daylight saving) at an instant.
    public init(japanStandardTime time: CanonicalTime) {
        let millisecondsPerDay: Int64 = 86_400_000
        let shifted = time.epochMilliseconds + 9 * 3_600_000
        var days = shifted / millisecondsPerDay
        if shifted % millisecondsPerDay < 0 { days -= 1 }
        self.init(daysSinceEpoch: Int(days))
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        Int(CanonicalTime.days(fromCivilYear: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let remainder = (daysSinceEpoch + 4) % 7
        return Weekday(rawValue: remainder < 0 ? remainder + 7 : remainder)!
    }

    /// The date `days` days later (earlier when negative); traps outside years 0001–9999.
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Days from `other` to this date (positive when this date is later).
    public func days(since other: CivilDate) -> Int {
        daysSinceEpoch - other.daysSinceEpoch
    }

    /// Orders dates by time.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        CanonicalTime.isLeapYear(Int64(year))
    }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        Int(CanonicalTime.daysInMonth(year: Int64(year), month: Int64(month)))
    }
}
