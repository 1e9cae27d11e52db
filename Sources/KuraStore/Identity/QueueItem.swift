import KuraCore

/// An alert to acknowledge or an item to review (AUD-1): who it concerns, what it refers to, and
/// the person who closed it.
public struct QueueItem: Sendable, Equatable {
    /// The opaque item id (`alt_…` or `rev_…`).
    public var id: String
    /// Alert or review.
    public var queue: QueueKind
    /// What happened, a fixed dotted word (`account.locked`, `break-glass.granted`, …).
    public var kind: String
    /// The account it concerns, if any.
    public var subjectAccountID: String?
    /// The object it refers to (a grant, a device, a session), if any.
    public var refID: String?
    /// Starts at 1 and rises by one with every update (compare-and-swap).
    public var revision: Int64
    /// When it was raised.
    public var createdAt: Int64
    /// The account that acknowledged or signed it off.
    public var closedBy: String?
    /// When.
    public var closedAt: Int64?
    /// The outcome word of a review (`accepted`, `flagged`), nil for alerts.
    public var outcome: String?

    /// Creates an item.
    public init(
        id: String, queue: QueueKind, kind: String, subjectAccountID: String?, refID: String?, revision: Int64,
        createdAt: Int64, closedBy: String?, closedAt: Int64?, outcome: String?
    ) {
        self.id = id
        self.queue = queue
        self.kind = kind
        self.subjectAccountID = subjectAccountID
        self.refID = refID
        self.revision = revision
        self.createdAt = createdAt
        self.closedBy = closedBy
        self.closedAt = closedAt
        self.outcome = outcome
    }
}
