/// When the checkpointer may seal a new checkpoint (DESIGN "The ledger", AUD-3).
///
/// A state machine (STYLE 3): the checkpointer service feeds it ticks with the current time and
/// whether leaves are pending, and performs the returned ``Action``. It seals at most once per
/// `minimumInterval` while there is something new, and refuses to seal while the clock reads
/// earlier than the last checkpoint's time: a checkpoint's time must never go back (AUD-3:
/// log times come from a reliable, monotonic source). The first refusal of an episode asks for
/// an alert; later ticks of the same episode refuse quietly, and the next good seal ends it.
public struct CheckpointSchedule: Sendable, Equatable {
    /// What the checkpointer must do now.
    public enum Action: Sendable, Equatable {
        /// Nothing is pending: sleep until the next tick.
        case idle
        /// Something is pending but the last seal was too recent: tick again at this time.
        case wait(untilMillis: Int64)
        /// Integrate the pending leaves and seal a checkpoint stamped `now`.
        case seal
        /// The clock reads earlier than the last checkpoint: do not seal; raise an alert if
        /// `alert` is true (the first refusal of an episode).
        case refuseClockWentBack(lastSealedAt: Int64, now: Int64, alert: Bool)
    }

    /// The time of the last sealed checkpoint (ms since the Unix epoch, UTC), if any.
    public private(set) var lastSealedAt: Int64?
    /// The shortest time between two seals, in milliseconds.
    public let minimumInterval: Int64
    /// Whether the clock is currently behind the last checkpoint.
    public private(set) var clockBehind = false

    /// Creates a schedule resuming after a checkpoint sealed at `lastSealedAt`.
    public init(lastSealedAt: Int64?, minimumInterval: Int64 = 1000) {
        self.lastSealedAt = lastSealedAt
        self.minimumInterval = minimumInterval
    }

    /// Decides what to do at `now` with `pending` leaves waiting.
    public mutating func tick(now: Int64, pending: Bool) -> Action {
        if let last = lastSealedAt, now < last {
            let alert = !clockBehind
            clockBehind = true
            return .refuseClockWentBack(lastSealedAt: last, now: now, alert: alert)
        }
        clockBehind = false
        guard pending else { return .idle }
        if let last = lastSealedAt, now - last < minimumInterval {
            return .wait(untilMillis: last + minimumInterval)
        }
        return .seal
    }

    /// Whether a tick at `now` could seal, so that reading the pending queue is worth it:
    /// false only while the last seal is more recent than `minimumInterval` (a clock that went
    /// back must still tick, to raise its alert).
    public func maySeal(now: Int64) -> Bool {
        guard let last = lastSealedAt, now >= last else { return true }
        return now - last >= minimumInterval
    }

    /// Records that a checkpoint stamped `at` was stored.
    public mutating func sealed(at time: Int64) {
        lastSealedAt = time
        clockBehind = false
    }
}
