extension ClinicCalendar {
    /// The days national government offices are open: not Saturdays, Sundays, public holidays
    /// (including 振替休日 and 国民の休日) or 12-29…01-03, the 行政機関の休日 of 行政機関の休日に
    /// 関する法律 art. 1. Art. 2 of that act moves a deadline for filing with an administrative
    /// body, set as a period by a law or an order under it, to the next such day (PRIV-2).
    public static let governmentOffices = ClinicCalendar(
        closedWeekdays: [.saturday, .sunday], closedDates: [], closedEveryYear: ClinicCalendar.yearEndHolidays,
        closedOnPublicHolidays: true)

    /// The first open day on or after `date`.
    public func nextBusinessDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }
}
