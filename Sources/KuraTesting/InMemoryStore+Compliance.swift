import KuraCore
import KuraStore

extension InMemoryStore {
    /// Every version of the document, oldest first.
    public func complianceVersions(objectID: String) async throws(StoreError) -> [ComplianceVersion] {
        try readRecords { records in
            records.compliance.filter { $0.objectID == objectID }.sorted { $0.version < $1.version }
        }
    }

    /// The newest version of every document of `kind`, by object id.
    public func complianceHeads(kind: String) async throws(StoreError) -> [ComplianceVersion] {
        try readRecords { records in
            let newest = Dictionary(
                records.compliance.filter { $0.kind == kind }.map { ($0.objectID, $0) },
                uniquingKeysWith: { $0.version > $1.version ? $0 : $1 }
            )
            return newest.values.sorted { $0.objectID.utf8.lexicographicallyPrecedes($1.objectID.utf8) }
        }
    }
}
