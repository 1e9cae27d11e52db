import KuraCore
import KuraStore
import PostgresNIO

extension PostgresStore {
    /// Applies one record write on `connection`, inside the caller's transaction and the unit's
    /// savepoint (every record write may fail in the database). `leaf` is the pending id of the
    /// unit's most recent append, which a version, audit event or attachment is bound to; the
    /// shared validation guarantees one. Refusals are the shared fixed ``StoreError`` values.
    ///
    /// An audit event and its patients, and an attachment and its chunks, go in one statement
    /// each (a data-modifying CTE): one round trip per audited read, which every request that
    /// returns patient data makes (DESIGN "A read is audited before PHI leaves").
    func applyRecord(_ write: StoreWrite, leaf: LeafID?, on connection: PostgresConnection) async throws {
        switch write {
        case .putPatient(let patient, let expected):
            try await put(Self.patientQuery(patient, expectedRevision: expected), .patient, on: connection)
        case .putPatientList(let list, let expected):
            try await put(Self.patientListQuery(list, expectedRevision: expected), .patientList, on: connection)
        case .putEntry(let entry, let expected):
            try await put(Self.entryQuery(entry, expectedRevision: expected), .entry, on: connection)
        case .addCareTeamMember(let member):
            try await refusingDuplicates(.careTeamMember) {
                try await connection.query(
                    """
                    INSERT INTO care_team_member (patient_id, account_id, added_at, added_by)
                    VALUES (\(member.patientID), \(member.accountID), \(member.addedAt), \(member.addedBy))
                    """,
                    logger: driverLogger
                )
            }
        case .removeCareTeamMember(let patientID, let accountID):
            let rows = try await connection.query(
                """
                DELETE FROM care_team_member WHERE patient_id = \(patientID) AND account_id = \(accountID)
                RETURNING 1
                """,
                logger: driverLogger
            ).collect()
            guard !rows.isEmpty else { throw StoreError.careTeamMemberNotFound }
        case .insertRecordVersion(let version):
            let leaf = try Self.bound(leaf)
            try await refusingDuplicates(.recordVersion) {
                try await connection.query(Self.versionQuery(version, leaf: leaf), logger: driverLogger)
            }
        case .insertComplianceVersion(let version):
            let leaf = try Self.bound(leaf)
            try await refusingDuplicates(.complianceVersion) {
                try await connection.query(Self.complianceQuery(version, leaf: leaf), logger: driverLogger)
            }
        case .insertAuditEvent(let event):
            let leaf = try Self.bound(leaf)
            try await refusingDuplicates(.auditEvent) {
                try await connection.query(
                    """
                    WITH event AS (
                        INSERT INTO audit_event (id, at, actor, action, access, leaf_id)
                        VALUES (\(event.id), \(event.at), \(event.actor), \(event.action), \(event.access),
                                \(leaf.rawValue))
                    )
                    INSERT INTO audit_event_patient (event_id, patient_id, at)
                    SELECT \(event.id), patient_id, \(event.at) FROM unnest(\(event.patientIDs)::text[]) AS patient_id
                    """,
                    logger: driverLogger
                )
            }
        case .insertAttachment(let attachment, let chunks):
            let leaf = try Self.bound(leaf)
            let meta = ByteBuffer(bytes: attachment.sealedMeta)
            let buffers = chunks.map { ByteBuffer(bytes: $0) }
            let chunkCount = Int64(attachment.chunkCount)
            try await refusingDuplicates(.attachment) {
                try await connection.query(
                    """
                    WITH inserted AS (
                        INSERT INTO attachment (
                            id, patient_id, entry_id, media_type, byte_count, chunk_count, sealed_meta, received_at,
                            scanned_at, created_at, created_by, leaf_id
                        ) VALUES (
                            \(attachment.id), \(attachment.patientID), \(attachment.entryID), \(attachment.mediaType),
                            \(attachment.byteCount), \(chunkCount), \(meta), \(attachment.receivedAt),
                            \(attachment.scannedAt), \(attachment.createdAt), \(attachment.createdBy), \(leaf.rawValue)
                        )
                    )
                    INSERT INTO attachment_chunk (attachment_id, seq, sealed_bytes)
                    SELECT \(attachment.id), (chunk.n - 1)::int, chunk.bytes
                    FROM unnest(\(buffers)::bytea[]) WITH ORDINALITY AS chunk(bytes, n)
                    """,
                    logger: driverLogger
                )
            }
        default:
            preconditionFailure("appends and identity writes are applied elsewhere")
        }
    }

    /// The leaf a binding write is bound to; the unit's validation guarantees one, so its absence
    /// is a refusal of the unit rather than a crash.
    private static func bound(_ leaf: LeafID?) throws -> LeafID {
        guard let leaf else {
            throw StoreError.unboundWrite
        }
        return leaf
    }
}

extension PostgresStore {
    /// The insert or compare-and-swap update of a patient.
    static func patientQuery(
        _ patient: PatientRecord,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        let number = ByteBuffer(bytes: patient.numberIndex)
        let birthDate = ByteBuffer(bytes: patient.birthDateIndex)
        let demographics = ByteBuffer(bytes: patient.sealedDemographics)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO patient (
                    id, revision, number_index, birth_date_index, sealed_demographics, care_started_at,
                    care_ended_at, merged_into, created_at, created_by, updated_at, updated_by
                ) VALUES (
                    \(patient.id), \(patient.revision), \(number), \(birthDate), \(demographics),
                    \(patient.careStartedAt), \(patient.careEndedAt), \(patient.mergedInto), \(patient.createdAt),
                    \(patient.createdBy), \(patient.updatedAt), \(patient.updatedBy)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE patient SET
                revision = \(patient.revision), number_index = \(number), birth_date_index = \(birthDate),
                sealed_demographics = \(demographics), care_started_at = \(patient.careStartedAt),
                care_ended_at = \(patient.careEndedAt), merged_into = \(patient.mergedInto),
                created_at = \(patient.createdAt), created_by = \(patient.createdBy),
                updated_at = \(patient.updatedAt), updated_by = \(patient.updatedBy)
            WHERE id = \(patient.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert or compare-and-swap update of a structured list.
    static func patientListQuery(
        _ list: PatientListRecord,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        let items = ByteBuffer(bytes: list.sealedItems)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO patient_list (id, patient_id, kind, revision, sealed_items, updated_at, updated_by)
                VALUES (
                    \(list.id), \(list.patientID), \(list.kind.rawValue), \(list.revision), \(items),
                    \(list.updatedAt), \(list.updatedBy)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE patient_list SET
                patient_id = \(list.patientID), kind = \(list.kind.rawValue), revision = \(list.revision),
                sealed_items = \(items), updated_at = \(list.updatedAt), updated_by = \(list.updatedBy)
            WHERE id = \(list.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert or compare-and-swap update of an entry head.
    static func entryQuery(_ entry: EntryRecord, expectedRevision: Int64?) -> (sql: PostgresQuery, isUpdate: Bool) {
        let body = ByteBuffer(bytes: entry.sealedBody)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO entry (
                    id, patient_id, kind, state, revision, author, on_behalf_of, created_at, updated_at, care_at,
                    finalized_by, finalized_at, sealed_body
                ) VALUES (
                    \(entry.id), \(entry.patientID), \(entry.kind), \(entry.state.rawValue), \(entry.revision),
                    \(entry.author), \(entry.onBehalfOf), \(entry.createdAt), \(entry.updatedAt), \(entry.careAt),
                    \(entry.finalizedBy), \(entry.finalizedAt), \(body)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE entry SET
                patient_id = \(entry.patientID), kind = \(entry.kind), state = \(entry.state.rawValue),
                revision = \(entry.revision), author = \(entry.author), on_behalf_of = \(entry.onBehalfOf),
                created_at = \(entry.createdAt), updated_at = \(entry.updatedAt), care_at = \(entry.careAt),
                finalized_by = \(entry.finalizedBy), finalized_at = \(entry.finalizedAt), sealed_body = \(body)
            WHERE id = \(entry.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert of a version bound to `leaf`.
    static func versionQuery(_ version: RecordVersion, leaf: LeafID) -> PostgresQuery {
        let body = ByteBuffer(bytes: version.sealedBody)
        let reason = version.sealedReason.map { ByteBuffer(bytes: $0) }
        return """
            INSERT INTO record_version (
                object_id, version, patient_id, kind, state, author, on_behalf_of, recorded_at, care_at,
                finalized_by, finalized_at, sealed_body, sealed_reason, leaf_id
            ) VALUES (
                \(version.objectID), \(version.version), \(version.patientID), \(version.kind), \(version.state),
                \(version.author), \(version.onBehalfOf), \(version.recordedAt), \(version.careAt),
                \(version.finalizedBy), \(version.finalizedAt), \(body), \(reason), \(leaf.rawValue)
            )
            """
    }
}
