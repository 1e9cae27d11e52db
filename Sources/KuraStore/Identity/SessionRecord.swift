import KuraCore

/// A server-side session (SESS-1…3): the browser holds only an opaque token whose SHA-256 is
/// stored here, so a read of the database cannot be replayed as a cookie.
public struct SessionRecord: Sendable, Equatable {
    /// The opaque session id shown in "my sessions" and used to revoke (`ses_…`); not the token.
    public var id: String
    /// SHA-256 of the 256-bit token (32 bytes); unique.
    public var tokenHash: [UInt8]
    /// The account signed in.
    public var accountID: String
    /// The device the session is bound to.
    public var deviceID: String
    /// Browser or API.
    public var kind: SessionKind
    /// Starts at 1 and rises by one with every update (compare-and-swap).
    public var revision: Int64
    /// When the session was created (the password was accepted).
    public var createdAt: Int64
    /// The last request seen (flushed periodically, not per request).
    public var lastSeenAt: Int64
    /// When the second factor was passed; nil while the session waits for it.
    public var secondFactorAt: Int64?
    /// Whether the second factor was a recovery code (time-limited, forces re-enrolment, MFA-3).
    public var viaRecoveryCode: Bool
    /// The last re-authentication, for sensitive actions.
    public var reauthenticatedAt: Int64?
    /// Clinical roles activated in this session by an administrator who also holds one (ACC-2).
    public var activatedRoles: Set<Role>
    /// When the session ended, if it did.
    public var endedAt: Int64?
    /// Why it ended.
    public var endReason: SessionEndReason?

    /// Creates a record.
    public init(
        id: String, tokenHash: [UInt8], accountID: String, deviceID: String, kind: SessionKind, revision: Int64,
        createdAt: Int64, lastSeenAt: Int64, secondFactorAt: Int64?, viaRecoveryCode: Bool,
        reauthenticatedAt: Int64?, activatedRoles: Set<Role>, endedAt: Int64?, endReason: SessionEndReason?
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.deviceID = deviceID
        self.kind = kind
        self.revision = revision
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.secondFactorAt = secondFactorAt
        self.viaRecoveryCode = viaRecoveryCode
        self.reauthenticatedAt = reauthenticatedAt
        self.activatedRoles = activatedRoles
        self.endedAt = endedAt
        self.endReason = endReason
    }
}
