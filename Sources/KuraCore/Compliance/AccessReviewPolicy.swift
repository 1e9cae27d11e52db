/// What the reviews count as unusual (AUD-4): the opening hours per weekday, the mass-access
/// threshold, and which actions show a list of patients rather than open one. The clinic's
/// closed days come from its ``ClinicCalendar``, given to the review beside the policy, so that
/// one calendar serves deadlines and reviews alike.
public struct AccessReviewPolicy: Sendable, Hashable {
    /// The default threshold: more than 30 distinct patients opened by one account in one JST day.
    public static let defaultMassAccessThreshold = 30
    /// The largest threshold accepted.
    public static let maximumThreshold = 100_000
    /// The default hours: Monday to Saturday, 08:00-19:00 JST; Sunday closed.
    public static let defaultOpeningHours: [Weekday: OpeningHours] = {
        let day = try! OpeningHours(opens: 8 * 60, closes: 19 * 60)
        return [.monday: day, .tuesday: day, .wednesday: day, .thursday: day, .friday: day, .saturday: day]
    }()
    /// The actions whose audit event names every patient of a list or a search result (DESIGN
    /// "A read is audited": list pages included). They are access, so the other reviews see
    /// them, but they open no chart, so `mass-access` does not count them: a receptionist's
    /// searches would otherwise cross the threshold every day.
    public static let defaultListActions: Set<String> = [
        "patient.search", "patient.list", "patient.duplicates", "worklist.read", "entry.approvals", "audit.read",
        "audit.export",
    ]

    /// The hours per weekday; a weekday without hours is closed all day.
    public let openingHours: [Weekday: OpeningHours]
    /// An account opening more than this many distinct patients in one JST day is a finding.
    public let massAccessThreshold: Int
    /// The list actions `mass-access` leaves out (see ``defaultListActions``).
    public let listActions: Set<String>

    /// The defaults: Monday to Saturday 08:00-19:00, more than 30 patients a day.
    public init() {
        openingHours = Self.defaultOpeningHours
        massAccessThreshold = Self.defaultMassAccessThreshold
        listActions = Self.defaultListActions
    }

    /// A clinic's own policy.
    /// - Throws: ``AccessReviewError/invalidThreshold`` for a threshold outside 1…100000.
    public init(
        openingHours: [Weekday: OpeningHours], massAccessThreshold: Int = AccessReviewPolicy.defaultMassAccessThreshold,
        listActions: Set<String> = AccessReviewPolicy.defaultListActions
    ) throws(AccessReviewError) {
        guard (1...Self.maximumThreshold).contains(massAccessThreshold) else { throw .invalidThreshold }
        self.openingHours = openingHours
        self.massAccessThreshold = massAccessThreshold
        self.listActions = listActions
    }

    /// Whether the clinic is open at the JST `instant`: a business day of `calendar` (not a
    /// closed weekday, closed date or public holiday it closes on) and within that weekday's hours.
    public func isOpen(at instant: JSTInstant, calendar: ClinicCalendar) -> Bool {
        guard calendar.isBusinessDay(instant.date), let hours = openingHours[instant.date.weekday] else {
            return false
        }
        return hours.contains(minute: instant.minuteOfDay)
    }
}
