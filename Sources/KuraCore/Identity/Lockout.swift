/// The lockout rule (AUTH-5): so many consecutive failures lock the account for a while, and
/// while it is locked even the correct password is refused.
public struct LockoutPolicy: Sendable, Hashable {
    /// Failures that lock the account (5).
    public var maximumFailures: Int
    /// How long a lock lasts, in milliseconds (15 minutes).
    public var lockMilliseconds: Int64

    /// The guideline's default: five failures lock for fifteen minutes.
    public static let standard = LockoutPolicy(maximumFailures: 5, lockMilliseconds: 15 * 60 * 1000)

    /// Creates a policy.
    public init(maximumFailures: Int, lockMilliseconds: Int64) {
        self.maximumFailures = maximumFailures
        self.lockMilliseconds = lockMilliseconds
    }
}

/// An account's lockout state as stored (``failedLogins`` and ``lockedUntil``), with the
/// transitions of the rule; the store keeps it, the server performs the action.
public struct LockoutState: Sendable, Hashable {
    /// Consecutive failures since the last success or lock expiry.
    public private(set) var failedLogins: Int
    /// Until when the account is locked.
    public private(set) var lockedUntil: Int64?

    /// What a transition asks the server to do besides storing the new state.
    public enum Action: Sendable, Hashable {
        /// Nothing more.
        case none
        /// The account has just been locked until the time given: record it and raise an alert.
        case locked(until: Int64)
    }

    /// Restores a stored state.
    public init(failedLogins: Int, lockedUntil: Int64?) {
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
    }

    /// Whether sign-in is refused at `time`.
    public func isLocked(at time: Int64) -> Bool {
        guard let lockedUntil else { return false }
        return time < lockedUntil
    }

    /// A wrong password (or second factor) at `time`. While locked the count does not grow, so a
    /// lock is not extended by an attacker; after a lock lapses the count starts again.
    public mutating func recordFailure(at time: Int64, policy: LockoutPolicy) -> Action {
        if isLocked(at: time) { return .none }
        if lockedUntil != nil {
            lockedUntil = nil
            failedLogins = 0
        }
        failedLogins += 1
        guard failedLogins >= policy.maximumFailures else { return .none }
        let until = time + policy.lockMilliseconds
        lockedUntil = until
        return .locked(until: until)
    }

    /// A complete sign-in: the count starts again.
    public mutating func recordSuccess() {
        failedLogins = 0
        lockedUntil = nil
    }

    /// An administrator's unlock.
    public mutating func unlock() {
        failedLogins = 0
        lockedUntil = nil
    }
}
