import Foundation
import KuraCore
import KuraStore

/// The planning manager's sign-off of one review task over one period (AUD-4: "Reviews are
/// recorded with a reviewer sign-off"). Each is its own document of one version, bound to a
/// ledger leaf that names the task, the period and the counts in the clear: evidence that a
/// review happened, and when, that nobody can rewrite unseen.
public struct ReviewSignOff: Sendable, Equatable {
    /// The sign-off document (`cmp_…`).
    public var id: String
    /// The task reviewed.
    public var task: AccessReviewTask
    /// The period's first instant (ms, UTC), included.
    public var from: Int64
    /// The period's end, excluded.
    public var until: Int64
    /// How many findings the reviewer looked at.
    public var findings: Int
    /// What the reviewer concluded (sealed: it may name people).
    public var comment: String
    /// When it was signed (ms, UTC).
    public var signedAt: Int64
    /// The reviewer's account.
    public var reviewer: String
    /// The ledger leaf of the sign-off.
    public var leafID: LeafID?
}

/// The sealed body of a sign-off.
struct ReviewSignOffBody: Codable {
    var task: String
    var from: Int64
    var until: Int64
    var findings: Int
    var comment: String
}

extension ComplianceService {
    /// The document kind of review sign-offs.
    static let reviewKind = "review"
    /// The most events one review reads; a longer period is reviewed up to this many of its
    /// newest events and says so (``AccessReview/truncated``).
    public static let reviewEventCap = 200_000
    /// Events read from the store per page.
    static let reviewPageSize = 1000

    /// Runs `task` over the access log in `from..<until` for an auditor (AUD-4; `readAuditLog`),
    /// with `policy`'s hours and threshold, the clinic's calendar and the patient flags in force.
    /// The read is audited as an access-log read (`audit.read`, with the findings' patients)
    /// before the findings are returned, as ``RecordService/accessLog(_:_:)`` does (AUD-1).
    /// `break-glass` reads only break-glass events (the store filters them), so its
    /// ``AccessReview/eventsReviewed`` counts those alone.
    public func review(
        _ task: AccessReviewTask, from: Int64, until: Int64, policy: AccessReviewPolicy = AccessReviewPolicy(),
        by actor: Authenticated
    ) async throws(ComplianceError) -> AccessReview {
        try Self.require(actor, .readAuditLog)
        try Self.checkPeriod(from: from, until: until)
        let (events, truncated) = try await reviewEvents(
            from: from, until: until, breakGlassOnly: task == .breakGlass)
        let flags = task == .staffPatients ? try await flaggedPatients() : [:]
        var review: AccessReview
        do throws(AccessReviewError) {
            review = try AccessReview.run(
                task, events: events, from: from, until: until, policy: policy, calendar: records.calendar,
                flags: flags)
        } catch {
            throw .invalid(error.description)
        }
        review.truncated = truncated
        do {
            try await records.audit(
                actor, action: AccessAction.readAuditLog.rawValue, access: .role,
                patientIDs: review.findings.flatMap(\.patientIDs))
        } catch {
            throw .unavailable("the review could not be audited")
        }
        return review
    }

    /// Up to `cap` events of the period, newest first, and whether more were left.
    func reviewEvents(
        from: Int64, until: Int64, breakGlassOnly: Bool, cap: Int = ComplianceService.reviewEventCap,
        pageSize: Int = ComplianceService.reviewPageSize
    ) async throws(ComplianceError) -> ([AccessReviewEvent], Bool) {
        var events: [AccessReviewEvent] = []
        var cursor: AuditCursor?
        while true {
            // One more than the cap, to know whether the cap cut the period short.
            let limit = min(pageSize, cap + 1 - events.count)
            let query = AuditQuery(
                from: from, until: until, breakGlassOnly: breakGlassOnly, before: cursor, limit: limit)
            let page = try await read { () async throws(StoreError) in try await records.store.auditEvents(query) }
            events += page.map {
                AccessReviewEvent(
                    id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, access: $0.access,
                    patientIDs: $0.patientIDs)
            }
            if events.count > cap { return (Array(events.prefix(cap)), true) }
            guard page.count == limit, let last = page.last else { return (events, false) }
            cursor = AuditCursor(at: last.at, id: last.id)
        }
    }

    /// Refuses a period the review cannot run over.
    static func checkPeriod(from: Int64, until: Int64) throws(ComplianceError) {
        guard JSTInstant.earliest <= from, from < until, until <= JSTInstant.end else {
            throw .invalid(AccessReviewError.invalidPeriod.description)
        }
    }
}
