import KuraCore

/// The identity rules a clinic may tune (every one has the guideline's default).
public struct IdentitySettings: Sendable, Equatable {
    /// Lockout after failed sign-ins (AUTH-5): 5 failures, 15 minutes.
    public var lockout: LockoutPolicy = .standard
    /// Idle lock, absolute lifetime and token lifetimes (SESS-1…3).
    public var sessions: SessionPolicy = .standard
    /// Dormancy and password expiry (ACC-4, AUTH-4).
    public var accounts: AccountPolicy = .standard
    /// Whether every account needs a second factor (MFA-1); on by default.
    public var secondFactorRequired = true
    /// Whether new devices need an administrator's approval before they see PHI (INV-2); on.
    public var deviceApprovalRequired = true
    /// How long a break-glass grant lasts, in minutes (ACC-7).
    public var breakGlassMinutes = 60
    /// The clinic's name: shown in the authenticator app and refused inside passwords.
    public var clinicName: String?
    /// A word list file for the password dictionary check, instead of the system's.
    public var passwordWordList: String?
    /// Sign-in attempts allowed per client address per minute before 429 (AUTH-5).
    public var loginAttemptsPerMinute = 30
    /// Proxy addresses whose `X-Forwarded-For` is believed (a TLS-terminating load balancer).
    public var trustedProxies: [String] = []
    /// Threads that hash passwords, off the cooperative pool.
    public var hashingThreads = 2
    /// Hashes that may wait for a thread before sign-ins are refused with 429.
    public var hashingQueueLimit = 16

    /// The defaults.
    public init() {}
}
