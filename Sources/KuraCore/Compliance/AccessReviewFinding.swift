/// One thing a review asks a person to look at (AUD-4): who, which patients, which events, when,
/// and why access was allowed, by opaque ids, words and times only; the page that shows it looks
/// up names for an auditor entitled to them. Never PHI.
public struct AccessReviewFinding: Sendable, Hashable {
    /// The account (an opaque id).
    public var actor: String
    /// The JST date of the first event.
    public var date: CivilDate
    /// The first event's time (ms since the epoch, UTC).
    public var first: Int64
    /// The last event's time.
    public var last: Int64
    /// The distinct patients concerned, in byte order.
    public var patientIDs: [String]
    /// The events, oldest first.
    public var eventIDs: [String]
    /// The distinct action words, in byte order.
    public var actions: [String]
    /// The distinct access reasons (`care-team`, `break-glass`, `role`), in byte order.
    public var access: [String]
    /// For `staff-patients`: why the patient is watched.
    public var flag: PatientFlagKind?

    /// Creates a finding.
    public init(
        actor: String, date: CivilDate, first: Int64, last: Int64, patientIDs: [String], eventIDs: [String],
        actions: [String], access: [String], flag: PatientFlagKind? = nil
    ) {
        self.actor = actor
        self.date = date
        self.first = first
        self.last = last
        self.patientIDs = patientIDs
        self.eventIDs = eventIDs
        self.actions = actions
        self.access = access
        self.flag = flag
    }

    /// How many distinct patients (the figure `mass-access` compares with its threshold).
    public var patientCount: Int { patientIDs.count }
}
