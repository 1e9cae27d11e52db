import GRDB
import KuraCore
import KuraStore

extension SQLiteTable {
    /// The compliance versions of migration 4; only ever inserted.
    static let complianceVersion = SQLiteTable(
        name: "compliance_version",
        columns: ["object_id", "version", "kind", "state", "author", "recorded_at", "sealed_body", "leaf_id"],
        blobColumns: ["sealed_body"]
    )
}

extension SQLiteStore {
    /// Every version of `objectID`, oldest first.
    public func complianceVersions(objectID: String) async throws(StoreError) -> [ComplianceVersion] {
        try await fetchAll(
            SQLiteTable.complianceVersion.selectSQL + " WHERE object_id = ? ORDER BY version", [objectID],
            Self.complianceVersion(from:)
        )
    }

    /// The newest version of every document of `kind`, by object id: one range scan of
    /// `compliance_version_by_kind`, keeping each object's first (highest) version.
    public func complianceHeads(kind: String) async throws(StoreError) -> [ComplianceVersion] {
        try await fetchAll(
            SQLiteTable.complianceVersion.selectSQL + """
                 AS v WHERE kind = ? AND version = (
                    SELECT max(version) FROM compliance_version WHERE object_id = v.object_id
                ) ORDER BY object_id
                """,
            [kind], Self.complianceVersion(from:)
        )
    }

    static func arguments(_ version: ComplianceVersion, leaf: LeafID) -> StatementArguments {
        [
            "object_id": version.objectID, "version": version.version, "kind": version.kind,
            "state": version.state, "author": version.author, "recorded_at": version.recordedAt,
            "sealed_body": blob(version.sealedBody), "leaf_id": leaf.rawValue,
        ]
    }

    static func complianceVersion(from row: Row) throws -> ComplianceVersion {
        ComplianceVersion(
            objectID: try row.decode(forColumn: "object_id"), version: try row.decode(forColumn: "version"),
            kind: try row.decode(forColumn: "kind"), state: try row.decode(forColumn: "state"),
            author: try row.decode(forColumn: "author"), recordedAt: try row.decode(forColumn: "recorded_at"),
            sealedBody: try bytes(row, "sealed_body"), leafID: try leafID(row)
        )
    }
}
