/// Calendar periods in Japan Standard Time (UTC+9 all year: Japan has had no daylight saving since
/// 1951), by arithmetic on milliseconds since the epoch; each period is named by one integer.
enum JapanCalendar {
    private static let offsetMilliseconds: Int64 = 9 * 3_600_000
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The JST day: days since 1970-01-01 in Japan.
    static func day(of epochMilliseconds: Int64) -> Int64 {
        // The offset is added to the remainder, not to the time, so no Int64 can overflow.
        let utcDay = floorDivide(epochMilliseconds, millisecondsPerDay)
        let intoDay = epochMilliseconds - utcDay * millisecondsPerDay
        return intoDay + offsetMilliseconds >= millisecondsPerDay ? utcDay + 1 : utcDay
    }

    /// The ISO 8601 week, named by the day number of its Monday. Weeks that cross a year (such as
    /// 2020-W53, 28 December 2020 to 3 January 2021) are one week, as ISO 8601 has them.
    static func isoWeek(of epochMilliseconds: Int64) -> Int64 {
        let day = day(of: epochMilliseconds)
        // 1970-01-01 was a Thursday: Monday-based weekday index 3.
        let weekday = day + 3 - floorDivide(day + 3, 7) * 7
        return day - weekday
    }

    /// The JST month, as year × 12 + month − 1.
    static func month(of epochMilliseconds: Int64) -> Int64 {
        let date = CanonicalTime.civil(fromDays: day(of: epochMilliseconds))
        return date.year * 12 + date.month - 1
    }

    private static func floorDivide(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        let quotient = dividend / divisor
        return dividend % divisor != 0 && dividend < 0 ? quotient - 1 : quotient
    }
}
