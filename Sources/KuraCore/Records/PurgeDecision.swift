/// Whether a record may be purged on a given day (RET-1, RET-2).
public enum PurgeDecision: Hashable, Sendable {
    /// The retention period has not started (care has not ended), or runs past 9999: keep it.
    case indefinite
    /// The record must be kept up to and including this date.
    case retained(until: CivilDate)
    /// The retention period ended; the record may be purged from this date on.
    case purgeable(since: CivilDate)

    /// Whether purging is allowed.
    public var allowsPurge: Bool {
        if case .purgeable = self { return true }
        return false
    }
}
