/// Which backup generations to keep (BAK-2: "several generations", default 7 daily, 4 weekly, 12 monthly).
///
/// The rule, applied to the generations that exist (no clock is read, so "last" means the most recent
/// periods that have a generation, however long ago):
/// - from each of the `daily` most recent calendar days that have a generation, keep its newest;
/// - from each of the `weekly` most recent ISO 8601 weeks (Monday to Sunday) that have one, keep its newest;
/// - from each of the `monthly` most recent calendar months that have one, keep its newest;
/// - always keep the newest generation overall, even when every count is 0.
///
/// Days, weeks and months are those of Japan Standard Time (UTC+9, no daylight saving), computed by
/// arithmetic, never from the machine's time zone, so a backup at 08:00 on the 1st is in that month
/// wherever the server runs. "Newest" is the greatest `createdAt`; among equal times, the greatest id,
/// so the result never depends on input order. A negative count is taken as 0.
public struct BackupRetention: Sendable, Equatable {
    /// How many recent days keep their newest generation.
    public var daily: Int
    /// How many recent ISO weeks keep their newest generation.
    public var weekly: Int
    /// How many recent months keep their newest generation.
    public var monthly: Int

    /// A policy; the defaults are the catalogue's example for BAK-2.
    public init(daily: Int = 7, weekly: Int = 4, monthly: Int = 12) {
        self.daily = daily
        self.weekly = weekly
        self.monthly = monthly
    }

    /// The ids of the generations the policy keeps; every other generation may be deleted.
    public func kept(_ generations: [(id: String, createdAt: Int64)]) -> Set<String> {
        let newestFirst = generations.sorted { lhs, rhs in
            lhs.createdAt != rhs.createdAt ? lhs.createdAt > rhs.createdAt : lhs.id > rhs.id
        }
        guard let newest = newestFirst.first else { return [] }
        var kept: Set<String> = [newest.id]
        for (count, period) in [
            (daily, JapanCalendar.day(of:)), (weekly, JapanCalendar.isoWeek(of:)), (monthly, JapanCalendar.month(of:)),
        ] {
            // Newest first, so the first generation met in a period is that period's newest, and the
            // periods are met most recent first.
            var periods: Set<Int64> = []
            for generation in newestFirst where periods.count < count {
                if periods.insert(period(generation.createdAt)).inserted { kept.insert(generation.id) }
            }
        }
        return kept
    }
}
