/// The APPI report deadlines after a personal-data leak is discovered (PRIV-2; APPI art. 26,
/// PPC rules art. 8): a preliminary report (速報) "promptly", which the PPC guideline puts at
/// about 3–5 days, and a final report (確報) within 30 days, or 60 days when the leak may have
/// been made with unlawful intent (不正の目的, rules art. 7(3)).
///
/// How the days are counted, and what we could and could not check:
/// - Days are civil days in Japan Standard Time; the discovery instant is converted with
///   ``CivilDate/init(japanStandardTime:)``, so 23:59 JST is still the discovery day.
/// - The discovery day counts as day 1, so the 30th day is 29 days after it. Secondary sources
///   (businesslawyers.jp practices/1433, "発覚日から30日以内") agree on the periods but not on
///   this; we recall the PPC guideline (通則編 3-5-3-4) counting the day of knowing as day 1 but
///   could not read it here. Under 民法 art. 140 (first day not counted) the limit would be one
///   day later, so this reading is never late. Verify against the PPC text.
/// - A 30th or 60th day that falls on a Saturday, Sunday, public holiday or 12-29…01-03 moves to
///   the next open day: 行政機関の休日に関する法律 art. 2 (a filing deadline set as a period that
///   falls on an 行政機関の休日 becomes the next day), which we also recall the PPC guideline
///   repeating for the 確報. ``finalReportDay`` keeps the unmoved day for a safe reminder.
/// - The 速報 has no period in the rules ("速やかに"), so its 3rd and 5th days are targets counted
///   the same way and never moved.
public struct LeakReportDeadlines: Hashable, Sendable {
    /// The discovery day (JST), day 1.
    public let discoveryDate: CivilDate
    /// Whether unlawful intent is suspected (the 60-day period).
    public let unlawfulIntentSuspected: Bool
    /// The 3rd day: the target for the preliminary report.
    public let preliminaryTarget: CivilDate
    /// The 5th day: the latest the guideline's "about 3–5 days" allows.
    public let preliminaryLatest: CivilDate
    /// The 30th (or 60th) day, before any move.
    public let finalReportDay: CivilDate
    /// The last day for the final report: ``finalReportDay`` or the next day offices are open.
    public let finalReportDeadline: CivilDate

    /// The final report's period in days.
    public var finalReportPeriod: Int { unlawfulIntentSuspected ? 60 : 30 }

    /// Computes the deadlines from the discovery instant.
    public init(discoveredAt: CanonicalTime, unlawfulIntentSuspected: Bool) {
        let day1 = CivilDate(japanStandardTime: discoveredAt)
        let period = unlawfulIntentSuspected ? 60 : 30
        self.discoveryDate = day1
        self.unlawfulIntentSuspected = unlawfulIntentSuspected
        self.preliminaryTarget = day1.adding(days: 3 - 1)
        self.preliminaryLatest = day1.adding(days: 5 - 1)
        self.finalReportDay = day1.adding(days: period - 1)
        self.finalReportDeadline = ClinicCalendar.governmentOffices.nextBusinessDay(onOrAfter: finalReportDay)
    }

    /// Whether the final report is late at `time`: the deadline day (JST) has ended.
    public func finalReportOverdue(at time: CanonicalTime) -> Bool {
        CivilDate(japanStandardTime: time) > finalReportDeadline
    }

    /// Days from `time`'s JST day to the final deadline (negative when overdue).
    public func daysUntilFinalDeadline(at time: CanonicalTime) -> Int {
        finalReportDeadline.days(since: CivilDate(japanStandardTime: time))
    }
}
