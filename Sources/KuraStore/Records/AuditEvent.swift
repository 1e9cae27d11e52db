import KuraCore

/// One audited request that returned patient data (AUD-1): who, what, when, why allowed and
/// every patient touched. It commits with its ledger leaf before the response is sent.
public struct AuditEvent: Sendable, Equatable {
    /// The opaque event id (`aud_…`).
    public var id: String
    /// When the request was answered.
    public var at: Int64
    /// The account that made the request.
    public var actor: String
    /// What it did: an ``AccessAction`` raw value or a finer read word (`chart.read`,
    /// `chart.print`, `patient.search`, `attachment.read`, `audit.export`, …).
    public var action: String
    /// Why access was allowed (`care-team`, `break-glass`, `role`).
    public var access: String
    /// Every patient whose data the response held, in byte order, without repeats.
    public var patientIDs: [String]
    /// The ledger leaf, filled in by the store from the unit's preceding append; ignored on insert.
    public var leafID: LeafID?

    /// Creates an event.
    public init(
        id: String, at: Int64, actor: String, action: String, access: String, patientIDs: [String],
        leafID: LeafID? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.access = access
        self.patientIDs = patientIDs
        self.leafID = leafID
    }
}

/// A filter over the access log for auditors (AUD-1, AUD-4); nil members match everything.
public struct AuditQuery: Sendable, Equatable {
    /// Only events of this account.
    public var actor: String?
    /// Only events touching this patient.
    public var patientID: String?
    /// Only this action.
    public var action: String?
    /// Only events at or after this time.
    public var from: Int64?
    /// Only events before this time.
    public var until: Int64?
    /// Only break-glass access.
    public var breakGlassOnly: Bool
    /// Events strictly older than this (at, id) position, for paging.
    public var before: AuditCursor?
    /// At most this many events.
    public var limit: Int

    /// Creates a query.
    public init(
        actor: String? = nil, patientID: String? = nil, action: String? = nil, from: Int64? = nil,
        until: Int64? = nil, breakGlassOnly: Bool = false, before: AuditCursor? = nil, limit: Int
    ) {
        self.actor = actor
        self.patientID = patientID
        self.action = action
        self.from = from
        self.until = until
        self.breakGlassOnly = breakGlassOnly
        self.before = before
        self.limit = limit
    }
}

/// A position in a newest-first list ordered by a time and then an id.
public struct AuditCursor: Sendable, Equatable {
    /// The time of the last item seen.
    public var at: Int64
    /// Its id.
    public var id: String

    /// Creates a cursor.
    public init(at: Int64, id: String) {
        self.at = at
        self.id = id
    }
}
