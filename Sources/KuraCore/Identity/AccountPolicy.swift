/// The account rules that depend on time (ACC-4, AUTH-4): dormancy, end dates and when a
/// password must change.
public struct AccountPolicy: Sendable, Hashable {
    /// Days without a sign-in after which an account is disabled (90).
    public var dormantDays: Int
    /// Days after which a password must change, for accounts without a second factor whose
    /// password is shorter than 13 characters (90). Others never expire (NIST SP 800-63B).
    public var passwordExpiryDays: Int

    /// The defaults.
    public static let standard = AccountPolicy(dormantDays: 90, passwordExpiryDays: 90)

    /// Creates a policy.
    public init(dormantDays: Int, passwordExpiryDays: Int) {
        self.dormantDays = dormantDays
        self.passwordExpiryDays = passwordExpiryDays
    }

    static let day: Int64 = 86_400_000

    /// Why an active account must be disabled at `time`, or nil: its end date passed, or it has
    /// not signed in (since creation, if never) for ``dormantDays``.
    public func disableReason(
        createdAt: Int64, lastLoginAt: Int64?, endsAt: Int64?, at time: Int64
    ) -> DisableReason? {
        if let endsAt, time >= endsAt { return .ended }
        let since = lastLoginAt ?? createdAt
        if time - since >= Int64(dormantDays) * Self.day { return .dormant }
        return nil
    }

    /// Whether the password set at `passwordSetAt` must change at `time` (AUTH-4: no forced
    /// periodic change with a second factor or a 13+ character password).
    public func passwordExpired(
        passwordSetAt: Int64, hasSecondFactor: Bool, passwordLength: Int, at time: Int64
    ) -> Bool {
        if hasSecondFactor || passwordLength >= 13 { return false }
        return time - passwordSetAt >= Int64(passwordExpiryDays) * Self.day
    }

    /// Days since the last sign-in (or creation), for the dormant-account report.
    public func idleDays(createdAt: Int64, lastLoginAt: Int64?, at time: Int64) -> Int {
        Int(max(0, time - (lastLoginAt ?? createdAt)) / Self.day)
    }
}
