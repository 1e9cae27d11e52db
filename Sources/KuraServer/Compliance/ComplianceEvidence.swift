import Crypto
import Foundation
import KuraCore
import KuraStore

/// Evidence the system records about itself for the checklist: a backup, a restore drill, a
/// `kura verify log` run (BAK-1…3, AUD-2; checklist 3②, 2⑪).
///
/// Each is the event's ledger leaf, as before, and in the same unit a plain compliance document
/// of the same figures bound to that leaf, so that the checklist finds the newest of each kind
/// with one indexed read instead of scanning the log, and `kura verify records` checks the
/// document against the leaf's `contentHash` like any record version.
public enum ComplianceEvidence: String, Sendable, CaseIterable {
    /// A backup generation written (`backup.completed`).
    case backup = "evidence.backup"
    /// A restore drill run (`backup.drill`), passed or failed.
    case drill = "evidence.drill"
    /// A full verification of the log (`verify.log`), passed or failed.
    case verification = "evidence.verify-log"

    /// The two writes recording the event `event` with `fields` (figures, ids, hashes; never
    /// PHI): its leaf and its document.
    public func writes(
        event: String, fields: [String: CanonicalJSON], events: LedgerEvents
    ) throws -> [StoreWrite] {
        var generator = SystemRandomNumberGenerator()
        let id =
            "evd_"
            + (0..<10).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
        let body = try CanonicalJSON.object(fields).canonicalBytes()
        var details = fields
        details["document"] = .string(id)
        details["version"] = .integer(1)
        details["documentKind"] = .string(rawValue)
        details["contentHash"] = .string(RecordService.contentHash(body))
        let leaf = try events.append(kind: event, fields: details)
        guard case .appendLeaf(let append) = leaf else { return [leaf] }
        let document = ComplianceVersion(
            objectID: id, version: 1, kind: rawValue, state: "current", author: "system",
            recordedAt: append.appendedAt, sealedBody: body)
        return [leaf, .insertComplianceVersion(document)]
    }

    /// The writes recording a run of `kura verify log` (AUD-2; checklist 2⑪): its result, the
    /// tree size, leaves and checkpoints, and the failure's opaque position when it failed.
    public func writes(_ report: LogVerifier.Report, events: LedgerEvents) throws -> [StoreWrite] {
        var fields: [String: CanonicalJSON] = [
            "result": .string(report.failure == nil ? "pass" : "fail"), "treeSize": .integer(Int64(report.signedSize)),
            "leaves": .integer(Int64(report.leaves)), "checkpoints": .integer(Int64(report.checkpoints)),
        ]
        if let failure = report.failure { fields["failure"] = .string(String(failure.description.prefix(300))) }
        return try writes(event: "verify.log", fields: fields, events: events)
    }

    /// The newest document of this kind and its figures, or nil when there is none.
    public func newest(in store: any ComplianceStore) async throws -> (ComplianceVersion, [String: CanonicalJSON])? {
        let heads = try await store.complianceHeads(kind: rawValue)
        guard let newest = heads.max(by: { ($0.recordedAt, $0.objectID) < ($1.recordedAt, $1.objectID) }),
            case .object(let fields) = try CanonicalJSON.parseCanonical(newest.sealedBody)
        else { return nil }
        return (newest, fields)
    }
}
