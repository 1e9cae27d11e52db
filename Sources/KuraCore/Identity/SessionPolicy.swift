/// How long sessions live (SESS-1, SESS-2): an idle limit and an absolute lifetime.
public struct SessionPolicy: Sendable, Hashable {
    /// Idle time after which a browser session locks (10 minutes), in milliseconds.
    public var idleMilliseconds: Int64
    /// Absolute lifetime of a browser session (12 hours), in milliseconds.
    public var absoluteMilliseconds: Int64
    /// Lifetime of a session signed in with a recovery code (30 minutes): long enough to
    /// enrol a new second factor, no longer (MFA-3).
    public var recoveryMilliseconds: Int64
    /// Lifetime of an API bearer token (15 minutes).
    public var apiTokenMilliseconds: Int64
    /// How long a password check counts for a sensitive action (5 minutes).
    public var reauthenticationMilliseconds: Int64

    /// The defaults the issue and the guideline name.
    public static let standard = SessionPolicy(
        idleMilliseconds: 10 * 60 * 1000, absoluteMilliseconds: 12 * 3600 * 1000,
        recoveryMilliseconds: 30 * 60 * 1000, apiTokenMilliseconds: 15 * 60 * 1000,
        reauthenticationMilliseconds: 5 * 60 * 1000)

    /// Creates a policy.
    public init(
        idleMilliseconds: Int64, absoluteMilliseconds: Int64, recoveryMilliseconds: Int64,
        apiTokenMilliseconds: Int64, reauthenticationMilliseconds: Int64
    ) {
        self.idleMilliseconds = idleMilliseconds
        self.absoluteMilliseconds = absoluteMilliseconds
        self.recoveryMilliseconds = recoveryMilliseconds
        self.apiTokenMilliseconds = apiTokenMilliseconds
        self.reauthenticationMilliseconds = reauthenticationMilliseconds
    }

    /// Whether a session is still usable at `time`.
    public enum Validity: Sendable, Hashable {
        /// Usable.
        case active
        /// Idle past the limit: it ends as `idle` and the person signs in again.
        case idle
        /// Past its absolute lifetime: it ends as `expired`.
        case expired
    }

    /// The validity of a session of `kind` created at `createdAt`, last seen at `lastSeenAt`.
    public func validity(
        kind: SessionKind, createdAt: Int64, lastSeenAt: Int64, viaRecoveryCode: Bool, at time: Int64
    ) -> Validity {
        let lifetime: Int64
        switch kind {
        case .api: lifetime = apiTokenMilliseconds
        case .browser:
            lifetime = viaRecoveryCode ? min(recoveryMilliseconds, absoluteMilliseconds) : absoluteMilliseconds
        }
        if time >= createdAt + lifetime { return .expired }
        if kind == .browser && time >= lastSeenAt + idleMilliseconds { return .idle }
        return .active
    }

    /// Whether a password check at `reauthenticatedAt` still covers a sensitive action at `time`.
    public func isRecentlyReauthenticated(_ reauthenticatedAt: Int64?, at time: Int64) -> Bool {
        guard let reauthenticatedAt else { return false }
        return time >= reauthenticatedAt && time < reauthenticatedAt + reauthenticationMilliseconds
    }
}
