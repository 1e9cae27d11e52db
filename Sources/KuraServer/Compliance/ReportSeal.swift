import Crypto
import KuraCore
import KuraStore

/// A printed checklist report's hash sealed in the ledger, so that a later copy can be checked
/// against it (issue 8, "Output"; DESIGN "Anchoring": the report carries the signed checkpoint).
public struct ReportSeal: Sendable, Equatable {
    /// The report document (`cmp_…`).
    public var documentID: String
    /// The SHA-256 of the report's bytes, hex.
    public var sha256: String
    /// The checklist it answered (file id, which names the edition).
    public var checklist: String
    /// When it was sealed (ms, UTC).
    public var sealedAt: Int64
    /// Where its leaf stands in the log.
    public var leaf: LeafStatus

    /// The hex SHA-256 of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> String {
        LogHash(SHA256.hash(data: bytes)).hex
    }

    /// The sealed report with this hash, or nil.
    static func find(
        sha256: String, in store: any ComplianceStore, ledger: any LedgerStore
    ) async throws -> ReportSeal? {
        for head in try await store.complianceHeads(kind: ComplianceService.reportKind) {
            guard case .object(let fields) = try CanonicalJSON.parseCanonical(head.sealedBody),
                fields["sha256"] == .string(sha256), case .string(let checklist)? = fields["checklist"],
                let leafID = head.leafID
            else { continue }
            return ReportSeal(
                documentID: head.objectID, sha256: sha256, checklist: checklist, sealedAt: head.recordedAt,
                leaf: try await ledger.status(of: leafID))
        }
        return nil
    }
}

extension ComplianceService {
    /// The document kind of sealed reports.
    static let reportKind = "report"

    /// Seals `bytes`, the printed form of `report`: a plain document of its hash, checklist and
    /// counts, bound to a leaf whose details carry the hash.
    public func seal(
        _ bytes: [UInt8], checklist report: ChecklistReport, actor: Actor
    ) async throws(ComplianceError) -> ReportSeal {
        let sha256 = ReportSeal.digest(bytes)
        let body: [String: CanonicalJSON] = [
            "sha256": .string(sha256), "checklist": .string(report.checklist.id),
            "edition": .string(report.checklist.edition), "asOf": .integer(report.asOf),
            "counts": .object(
                Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, .integer(Int64($0.value))) })),
        ]
        let encoded: [UInt8]
        do {
            encoded = try CanonicalJSON.object(body).canonicalBytes()
        } catch {
            throw .unavailable("the report seal could not be encoded")
        }
        let stored = try await write(
            objectID: records.newID("cmp_"), version: 1, kind: Self.reportKind, state: "current", body: encoded,
            sealed: false, actor: actor, extra: ["reportHash": .string(sha256)])
        return ReportSeal(
            documentID: stored.objectID, sha256: sha256, checklist: report.checklist.id, sealedAt: stored.recordedAt,
            leaf: .pending)
    }

    /// Records a `kura verify log` run as evidence (AUD-2; checklist 2⑪).
    public func recordVerification(_ report: LogVerifier.Report) async throws {
        _ = try await records.submitter.submit(
            WriteUnit(try ComplianceEvidence.verification.writes(report, events: records.events)))
    }
}
