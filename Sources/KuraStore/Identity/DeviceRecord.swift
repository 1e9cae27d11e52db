import KuraCore

/// A device that signed in (INV-2, DEV-2), known by a long-lived device cookie whose SHA-256 is
/// stored here.
public struct DeviceRecord: Sendable, Equatable {
    /// The opaque device id (`dev_…`).
    public var id: String
    /// SHA-256 of the device token (32 bytes); unique.
    public var tokenHash: [UInt8]
    /// The account that first signed in on it.
    public var ownerAccountID: String
    /// Starts at 1 and rises by one with every update (compare-and-swap).
    public var revision: Int64
    /// When it was first seen.
    public var firstSeenAt: Int64
    /// When it was last seen.
    public var lastSeenAt: Int64
    /// The browser's user agent, cut to 256 characters (not PHI).
    public var userAgent: String
    /// Clinic-owned or BYOD.
    public var ownership: DeviceOwnership
    /// Pending, approved or revoked.
    public var status: DeviceStatus
    /// The administrator who approved or revoked it.
    public var decidedBy: String?
    /// When that happened.
    public var decidedAt: Int64?

    /// Creates a record.
    public init(
        id: String, tokenHash: [UInt8], ownerAccountID: String, revision: Int64, firstSeenAt: Int64,
        lastSeenAt: Int64, userAgent: String, ownership: DeviceOwnership, status: DeviceStatus,
        decidedBy: String?, decidedAt: Int64?
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.ownerAccountID = ownerAccountID
        self.revision = revision
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.userAgent = userAgent
        self.ownership = ownership
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
