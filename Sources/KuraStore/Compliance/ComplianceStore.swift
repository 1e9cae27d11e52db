import KuraCore

/// Reads of the compliance documents: registries, checklist answers, log-review sign-offs,
/// patient flags and sealed reports (issue 8). Every change goes through ``WriteBatchStore`` as
/// ``StoreWrite/insertComplianceVersion(_:)``, in the same transaction as its ledger leaf.
///
/// Contract:
/// - Reads MUST see every unit whose `commit` has returned.
/// - Versions MUST round-trip exactly, field for field, sealed bytes included, and MUST come
///   back with the ``LeafID`` of the leaf appended just before them in their unit.
/// - Versions MUST NOT be changed or deleted by any write.
/// - Strings compare in byte order.
public protocol ComplianceStore: Sendable {
    /// Every version of `objectID`, oldest first.
    func complianceVersions(objectID: String) async throws(StoreError) -> [ComplianceVersion]
    /// The newest version of every document of `kind`, withdrawn ones included, by object id.
    func complianceHeads(kind: String) async throws(StoreError) -> [ComplianceVersion]
}
