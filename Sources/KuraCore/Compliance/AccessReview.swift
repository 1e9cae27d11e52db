/// The outcome of one review task over one period of the access log (AUD-4): the findings, and
/// how much of the log they rest on, so that a sign-off states what was looked at.
///
/// Pure: the events, the policy, the calendar and the patient flags are inputs; the server reads
/// the log and the flags, runs ``run(_:events:from:until:policy:calendar:flags:)`` and records
/// the planning manager's sign-off.
public struct AccessReview: Sendable, Hashable {
    /// The task.
    public var task: AccessReviewTask
    /// The period's first instant (ms since the epoch, UTC), included.
    public var from: Int64
    /// The period's end, excluded.
    public var until: Int64
    /// The events of the period the findings rest on (the server's own reads left out).
    public var eventsReviewed: Int
    /// The server's own reads in the period (access `system`), left out of every task.
    public var systemEvents: Int
    /// Whether the reader stopped at its cap, so the oldest events of the period were not
    /// reviewed: the period should be narrowed. Set by the reader; the pure run leaves it false.
    public var truncated: Bool
    /// The findings, oldest first.
    public var findings: [AccessReviewFinding]

    /// Runs `task` over the `events` in `from..<until` (others are ignored, in any order).
    /// `flags` names the watched patients for `staff-patients`.
    /// - Throws: ``AccessReviewError/invalidPeriod`` for an empty or reversed period, or one
    ///   outside ``JSTInstant/earliest``..<``JSTInstant/end``.
    public static func run(
        _ task: AccessReviewTask, events: [AccessReviewEvent], from: Int64, until: Int64,
        policy: AccessReviewPolicy, calendar: ClinicCalendar, flags: [String: PatientFlagKind] = [:]
    ) throws(AccessReviewError) -> AccessReview {
        guard JSTInstant.earliest <= from, from < until, until <= JSTInstant.end else { throw .invalidPeriod }
        let inPeriod = events.filter { (from..<until).contains($0.at) }
        let people = inPeriod.filter { !$0.isSystemRead }.sorted { lhs, rhs in
            lhs.at != rhs.at ? lhs.at < rhs.at : lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
        }
        let findings: [AccessReviewFinding]
        switch task {
        case .offHours: findings = offHours(people, policy: policy, calendar: calendar)
        case .massAccess: findings = massAccess(people, policy: policy)
        case .staffPatients: findings = staffPatients(people, flags: flags)
        case .breakGlass: findings = breakGlass(people)
        }
        return AccessReview(
            task: task, from: from, until: until, eventsReviewed: people.count,
            systemEvents: inPeriod.count - people.count, truncated: false,
            findings: findings.sorted(by: Self.olderFirst))
    }

    /// Oldest first, then by account and first patient in byte order, for a stable report.
    static func olderFirst(_ lhs: AccessReviewFinding, _ rhs: AccessReviewFinding) -> Bool {
        if lhs.first != rhs.first { return lhs.first < rhs.first }
        if lhs.actor != rhs.actor { return lhs.actor.utf8.lexicographicallyPrecedes(rhs.actor.utf8) }
        return (lhs.patientIDs.first ?? "").utf8.lexicographicallyPrecedes((rhs.patientIDs.first ?? "").utf8)
    }
}
