import KuraCore
import KuraStore

/// An alert or review item as the queues show it.
public struct QueueItemView: Sendable, Codable, Equatable {
    /// The opaque id.
    public var id: String
    /// `alert` or `review`.
    public var queue: String
    /// What happened (`account.locked`, `break-glass`, …).
    public var kind: String
    /// The account it concerns.
    public var subjectAccountID: String?
    /// The object it refers to.
    public var refID: String?
    /// When it was raised (ms since the epoch).
    public var createdAt: Int64
    /// Who closed it, and when.
    public var closedBy: String?
    /// When.
    public var closedAt: Int64?
    /// A review's outcome.
    public var outcome: String?

    init(_ item: QueueItem) {
        self.id = item.id
        self.queue = item.queue.rawValue
        self.kind = item.kind
        self.subjectAccountID = item.subjectAccountID
        self.refID = item.refID
        self.createdAt = item.createdAt
        self.closedBy = item.closedBy
        self.closedAt = item.closedAt
        self.outcome = item.outcome
    }
}

/// How a reviewer closes a review item.
public enum ReviewOutcome: String, Sendable, Codable, CaseIterable {
    /// The access or action was justified.
    case accepted
    /// It was not, or needs follow-up (the security officer acts on it).
    case flagged
}

extension IdentityService {
    /// The items of `queue`, newest first (open ones only when `openOnly`).
    public func queue(
        _ queue: QueueKind, openOnly: Bool, limit: Int = 200
    ) async throws(IdentityError) -> [QueueItemView] {
        try await read { () async throws(StoreError) in
            try await store.queueItems(queue, openOnly: openOnly, limit: limit)
        }.map(QueueItemView.init)
    }

    /// Acknowledges an alert: a person has seen it (AUD-1).
    public func acknowledgeAlert(_ id: String, by actor: Actor) async throws(IdentityError) -> QueueItemView {
        try await close(id, queue: .alert, outcome: nil, by: actor, event: "alert.acknowledged")
    }

    /// Signs off a review item. Nobody reviews their own break-glass or reset (ACC-7).
    public func signOffReview(
        _ id: String, outcome: ReviewOutcome, by actor: Actor
    ) async throws(IdentityError)
        -> QueueItemView
    {
        try await close(id, queue: .review, outcome: outcome.rawValue, by: actor, event: "review.signed-off")
    }

    func close(
        _ id: String, queue: QueueKind, outcome: String?, by actor: Actor, event: String
    ) async throws(IdentityError)
        -> QueueItemView
    {
        guard let stored = try await read({ () async throws(StoreError) in try await store.queueItem(id: id) }),
            stored.queue == queue
        else { throw .notFound(queue == .alert ? "alert" : "review") }
        guard stored.closedAt == nil else { throw .conflict("already closed") }
        if queue == .review, let subject = stored.subjectAccountID, subject == actor.accountID {
            throw .forbidden("nobody reviews their own actions")
        }
        var item = stored
        item.closedBy = actor.ledgerName
        item.closedAt = clock()
        item.outcome = outcome
        item.revision += 1
        var fields: [String: CanonicalJSON] = ["item": .string(id), "itemKind": .string(stored.kind)]
        if let outcome { fields["outcome"] = .string(outcome) }
        try await commit([
            .putQueueItem(item, expectedRevision: stored.revision), try leaf(event, actor: actor, fields),
        ])
        return QueueItemView(item)
    }
}
