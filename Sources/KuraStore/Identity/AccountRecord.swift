import KuraCore

/// One person's account as stored (AUTH-1, ACC-1): one row per person, never shared.
///
/// Names and the licence number are personal data and stay sealed (``EncryptedField``
/// serialisation, context `account/<id>/<field>`); the login name, roles and times are plain so
/// that the checklist and the reports can count without keys.
public struct AccountRecord: Sendable, Equatable {
    /// The opaque account id (`acc_…`).
    public var id: String
    /// The login name: lowercase ASCII, unique in the clinic.
    public var login: String
    /// Starts at 1 and rises by one with every update (compare-and-swap).
    public var revision: Int64
    /// The roles an administrator granted.
    public var roles: Set<Role>
    /// The job type code (for example `physician`, `nurse`, `clerk`, `office`), as recorded.
    public var jobType: String
    /// The sealed display name.
    public var sealedName: [UInt8]
    /// The sealed licence number (physicians and nurses).
    public var sealedLicence: [UInt8]?
    /// Whether the account may sign in.
    public var status: AccountStatus
    /// Why it was disabled, when it is.
    public var disabledReason: DisableReason?
    /// The last day the account may be used, as ms since the epoch (UTC); nil for no end.
    public var endsAt: Int64?
    /// When the account was created (ms since the epoch, UTC).
    public var createdAt: Int64
    /// The last complete sign-in, if any.
    public var lastLoginAt: Int64?
    /// The password hash in Kura's PHC-style string (scrypt parameters stored beside the hash).
    public var passwordHash: String
    /// When the password was last set.
    public var passwordSetAt: Int64
    /// Whether the next sign-in must change the password (initial or reset password, AUTH-4).
    public var passwordMustChange: Bool
    /// Whether the next sign-in must tell the holder that an administrator reset the password.
    public var resetNoticePending: Bool
    /// Consecutive failed sign-ins since the last success (AUTH-5).
    public var failedLogins: Int
    /// Until when the account is locked, if it is.
    public var lockedUntil: Int64?
    /// The sealed TOTP secret, once enrolled (MFA-1).
    public var sealedTOTPSecret: [UInt8]?
    /// When the second factor was enrolled.
    public var totpEnrolledAt: Int64?
    /// The last accepted TOTP time step: a code is accepted at most once (replay guard).
    public var totpLastStep: Int64?
    /// The preferred language, `ja` or `en`.
    public var language: String

    /// Creates a record.
    public init(
        id: String, login: String, revision: Int64, roles: Set<Role>, jobType: String, sealedName: [UInt8],
        sealedLicence: [UInt8]?, status: AccountStatus, disabledReason: DisableReason?, endsAt: Int64?,
        createdAt: Int64, lastLoginAt: Int64?, passwordHash: String, passwordSetAt: Int64,
        passwordMustChange: Bool, resetNoticePending: Bool, failedLogins: Int, lockedUntil: Int64?,
        sealedTOTPSecret: [UInt8]?, totpEnrolledAt: Int64?, totpLastStep: Int64?, language: String
    ) {
        self.id = id
        self.login = login
        self.revision = revision
        self.roles = roles
        self.jobType = jobType
        self.sealedName = sealedName
        self.sealedLicence = sealedLicence
        self.status = status
        self.disabledReason = disabledReason
        self.endsAt = endsAt
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
        self.passwordHash = passwordHash
        self.passwordSetAt = passwordSetAt
        self.passwordMustChange = passwordMustChange
        self.resetNoticePending = resetNoticePending
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.sealedTOTPSecret = sealedTOTPSecret
        self.totpEnrolledAt = totpEnrolledAt
        self.totpLastStep = totpLastStep
        self.language = language
    }
}
