/// Emergency access to a patient outside the clinician's care teams (ACC-7): time-limited,
/// flagged in the audit trail, and reviewed afterwards through a review queue item.
public struct BreakGlassGrant: Sendable, Equatable {
    /// The opaque grant id (`bg_…`).
    public var id: String
    /// The clinician granted access.
    public var accountID: String
    /// The opaque patient id.
    public var patientID: String
    /// The reason the clinician gave, sealed (free text is PHI; context `break-glass/<id>/reason`).
    public var sealedReason: [UInt8]
    /// When access was granted.
    public var grantedAt: Int64
    /// When it lapses.
    public var expiresAt: Int64

    /// Creates a grant.
    public init(
        id: String, accountID: String, patientID: String, sealedReason: [UInt8], grantedAt: Int64, expiresAt: Int64
    ) {
        self.id = id
        self.accountID = accountID
        self.patientID = patientID
        self.sealedReason = sealedReason
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }
}
