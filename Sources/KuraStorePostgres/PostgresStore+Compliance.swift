import KuraCore
import KuraStore
import PostgresNIO

extension PostgresStore {
    /// The `compliance_version` columns of a ``ComplianceVersion``.
    static let complianceColumns = """
        SELECT object_id, version, kind, state, author, recorded_at, sealed_body, leaf_id FROM compliance_version
        """

    /// Every version of `objectID`, oldest first.
    public func complianceVersions(objectID: String) async throws(StoreError) -> [ComplianceVersion] {
        try await records(
            "\(unescaped: Self.complianceColumns) WHERE object_id = \(objectID) ORDER BY version",
            ComplianceVersion.init(postgres:)
        )
    }

    /// The newest version of every document of `kind`, by object id (`DISTINCT ON` over
    /// `compliance_version_by_kind`).
    public func complianceHeads(kind: String) async throws(StoreError) -> [ComplianceVersion] {
        try await records(
            """
            SELECT DISTINCT ON (object_id) object_id, version, kind, state, author, recorded_at, sealed_body, leaf_id
            FROM compliance_version WHERE kind = \(kind) ORDER BY object_id, version DESC
            """,
            ComplianceVersion.init(postgres:)
        )
    }

    /// The insert of a compliance version bound to `leaf`.
    static func complianceQuery(_ version: ComplianceVersion, leaf: LeafID) -> PostgresQuery {
        let body = ByteBuffer(bytes: version.sealedBody)
        return """
            INSERT INTO compliance_version (object_id, version, kind, state, author, recorded_at, sealed_body, leaf_id)
            VALUES (
                \(version.objectID), \(version.version), \(version.kind), \(version.state), \(version.author),
                \(version.recordedAt), \(body), \(leaf.rawValue)
            )
            """
    }
}

extension ComplianceVersion {
    /// Decodes a row of ``PostgresStore/complianceColumns``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "compliance_version")
        self.init(
            objectID: try reader.next(),
            version: try reader.next(),
            kind: try reader.next(),
            state: try reader.next(),
            author: try reader.next(),
            recordedAt: try reader.next(),
            sealedBody: try reader.bytes(),
            leafID: LeafID(rawValue: try reader.next())
        )
    }
}
