import Foundation
import KuraCore
import KuraStore

extension ComplianceService {
    /// The longest sign-off comment.
    static let signOffCommentLimit = 2000

    /// Records the sign-off of `task` over `from..<until` with the number of findings reviewed
    /// and the reviewer's comment (AUD-4; `signOffReviews`): a sealed document whose leaf names
    /// the task, the period and the count, so the sign-offs are the review's evidence.
    public func signOff(
        _ task: AccessReviewTask, from: Int64, until: Int64, findings: Int, comment: String, by actor: Authenticated
    ) async throws(ComplianceError) -> ReviewSignOff {
        try Self.require(actor, .signOffReviews)
        try Self.checkPeriod(from: from, until: until)
        guard findings >= 0 else { throw .invalid("findings must not be negative") }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else { throw .invalid("comment is required") }
        guard comment.count <= Self.signOffCommentLimit else {
            throw .invalid("comment is longer than 2000 characters")
        }
        let body = ReviewSignOffBody(
            task: task.rawValue, from: from, until: until, findings: findings, comment: comment)
        let stored = try await write(
            objectID: records.newID("cmp_"), version: 1, kind: Self.reviewKind, state: "current",
            body: try Self.encode(body), sealed: true, actor: actor.actor,
            extra: [
                "task": .string(task.rawValue), "from": .integer(from), "until": .integer(until),
                "findings": .integer(Int64(findings)),
            ])
        // The leaf id is filled in by the store; read the version back to return it.
        let signed = try await history(stored.objectID).last ?? stored
        return try signOff(signed)
    }

    /// Every sign-off, newest first. The list holds no patient data, but the comments may name
    /// people: the route lets auditors and administrators read it (`readCompliance`).
    public func signOffs() async throws(ComplianceError) -> [ReviewSignOff] {
        let heads = try await read { () async throws(StoreError) in
            try await store.complianceHeads(kind: Self.reviewKind)
        }
        var signOffs: [ReviewSignOff] = []
        for head in heads { signOffs.append(try signOff(head)) }
        return signOffs.sorted { ($0.signedAt, $0.id) > ($1.signedAt, $1.id) }
    }

    /// Decodes a sign-off version.
    func signOff(_ version: ComplianceVersion) throws(ComplianceError) -> ReviewSignOff {
        guard let body = RecordJSON.decode(ReviewSignOffBody.self, from: try body(of: version)),
            let task = AccessReviewTask(rawValue: body.task)
        else { throw .unavailable("a review sign-off does not decode") }
        return ReviewSignOff(
            id: version.objectID, task: task, from: body.from, until: body.until, findings: body.findings,
            comment: body.comment, signedAt: version.recordedAt, reviewer: version.author, leafID: version.leafID)
    }
}
