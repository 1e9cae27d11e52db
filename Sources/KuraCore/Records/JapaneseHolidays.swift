/// Japanese public holidays, computed by rule from 国民の祝日に関する法律 (the holidays act) and
/// the special acts that moved or added days, for 1949…2099.
///
/// Three kinds of day are holidays (休日) under article 3 of the act:
/// - a 国民の祝日 (national holiday) itself, see `JapaneseHolidays+NationalHolidays.swift`;
/// - a 振替休日 (substitute holiday, art. 3(2), from 1973-04-12): when a national holiday falls
///   on a Sunday, the next day (until 2006) or the nearest following day that is not a national
///   holiday (from 2007);
/// - a 国民の休日 (citizens' holiday, art. 3(3), from 1985-12-27): a day whose previous and next
///   days are both national holidays; until 2006 only if it is neither a Sunday nor a substitute
///   holiday, from 2007 only if it is not itself a national holiday.
///
/// 春分の日 and 秋分の日 are fixed each February for the next year by the National Astronomical
/// Observatory's 暦要項; here they come from the standard approximation (see
/// ``vernalEquinoxDay(in:)``), which agrees with the published dates the tests check (2002–2027)
/// but is only a forecast for later years. Days decided later by a new act (as in 2019–2021)
/// need a code change.
public enum JapaneseHolidays {
    /// The years for which holidays are computed; outside them no day is a holiday.
    public static let supportedYears: ClosedRange<Int> = 1949...2099

    /// The Japanese name of the holiday on `date` (a national holiday's own name, `振替休日` or
    /// `国民の休日`), or nil for an ordinary day or a date outside ``supportedYears``.
    public static func name(of date: CivilDate) -> String? {
        if let name = nationalHoliday(on: date) { return name }
        guard supportedYears.contains(date.year) else { return nil }
        if isSubstituteHoliday(date) { return substituteHolidayName }
        if isCitizensHoliday(date) { return citizensHolidayName }
        return nil
    }

    /// Whether `date` is a holiday of any of the three kinds.
    public static func isHoliday(_ date: CivilDate) -> Bool {
        name(of: date) != nil
    }

    /// Every holiday of `year` in date order, with its name; empty outside ``supportedYears``.
    public static func holidays(in year: Int) -> [(date: CivilDate, name: String)] {
        guard supportedYears.contains(year) else { return [] }
        let first = CivilDate(unchecked: year, 1, 1)
        let count = CivilDate.isLeapYear(year) ? 366 : 365
        var result: [(date: CivilDate, name: String)] = []
        for offset in 0..<count {
            let date = first.adding(days: offset)
            if let name = name(of: date) { result.append((date, name)) }
        }
        return result
    }

    /// The name the act gives no name to but every calendar prints for art. 3(2) days.
    public static let substituteHolidayName = "振替休日"
    /// The usual name of an art. 3(3) day.
    public static let citizensHolidayName = "国民の休日"

    /// Art. 3(2) as in force on the Sunday: the 1973 text moves the holiday to the next day only;
    /// the 2007 text to the nearest following day that is not a national holiday.
    static func isSubstituteHoliday(_ date: CivilDate) -> Bool {
        let firstSubstitution = CivilDate(unchecked: 1973, 4, 12)
        let nearestDayRule = CivilDate(unchecked: 2007, 1, 1)
        var previous = date.adding(days: -1)
        while nationalHoliday(on: previous) != nil {
            if previous.weekday == .sunday {
                if previous >= nearestDayRule { return true }
                return previous.days(since: date) == -1 && previous >= firstSubstitution
            }
            previous = previous.adding(days: -1)
        }
        return false
    }

    /// Art. 3(3), added by the act of 1985-12-27 and reworded from 2007.
    static func isCitizensHoliday(_ date: CivilDate) -> Bool {
        guard date >= CivilDate(unchecked: 1985, 12, 27),
            nationalHoliday(on: date.adding(days: -1)) != nil,
            nationalHoliday(on: date.adding(days: 1)) != nil
        else { return false }
        if date >= CivilDate(unchecked: 2007, 1, 1) { return true }  // not a national holiday: checked first
        return date.weekday != .sunday && !isSubstituteHoliday(date)
    }
}
