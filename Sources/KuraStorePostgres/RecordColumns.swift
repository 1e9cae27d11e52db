import KuraCore
import KuraStore
import PostgresNIO

/// The record tables' `SELECT` lists, in the order the decoders below read them: kept beside
/// the decoders so that a read and its decoder cannot drift apart.
enum RecordColumns {
    /// The `patient` columns of a ``PatientRecord``.
    static let patient: String = """
        SELECT id, revision, number_index, birth_date_index, sealed_demographics, care_started_at, care_ended_at,
            merged_into, created_at, created_by, updated_at, updated_by
        FROM patient
        """
    /// The `care_team_member` columns of a ``CareTeamMember``.
    static let careTeamMember: String = """
        SELECT patient_id, account_id, added_at, added_by FROM care_team_member
        """
    /// The `patient_list` columns of a ``PatientListRecord``.
    static let patientList: String = """
        SELECT id, patient_id, kind, revision, sealed_items, updated_at, updated_by FROM patient_list
        """
    /// The `entry` columns of an ``EntryRecord``.
    static let entry: String = """
        SELECT id, patient_id, kind, state, revision, author, on_behalf_of, created_at, updated_at, care_at,
            finalized_by, finalized_at, sealed_body
        FROM entry
        """
    /// The `record_version` columns of a ``RecordVersion``.
    static let recordVersion: String = """
        SELECT object_id, version, patient_id, kind, state, author, on_behalf_of, recorded_at, care_at,
            finalized_by, finalized_at, sealed_body, sealed_reason, leaf_id
        FROM record_version
        """
    /// The columns of an ``AuditEvent`` from `audit_event AS e`, its patients in byte order; the
    /// caller adds the `FROM` clause.
    static let auditEvent: String = """
        SELECT e.id, e.at, e.actor, e.action, e.access,
            ARRAY(SELECT x.patient_id FROM audit_event_patient AS x WHERE x.event_id = e.id ORDER BY x.patient_id),
            e.leaf_id
        """
    /// The `attachment` columns of an ``AttachmentRecord``.
    static let attachment: String = """
        SELECT id, patient_id, entry_id, media_type, byte_count, chunk_count, sealed_meta, received_at, scanned_at,
            created_at, created_by, leaf_id
        FROM attachment
        """
}

extension PatientRecord {
    /// Decodes a row of ``RecordColumns/patient``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "patient")
        self.init(
            id: try reader.next(),
            revision: try reader.next(),
            numberIndex: try reader.bytes(),
            birthDateIndex: try reader.bytes(),
            sealedDemographics: try reader.bytes(),
            careStartedAt: try reader.next(),
            careEndedAt: try reader.next(),
            mergedInto: try reader.next(),
            createdAt: try reader.next(),
            createdBy: try reader.next(),
            updatedAt: try reader.next(),
            updatedBy: try reader.next()
        )
    }
}

extension CareTeamMember {
    /// Decodes a row of ``RecordColumns/careTeamMember``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "care_team_member")
        self.init(
            patientID: try reader.next(),
            accountID: try reader.next(),
            addedAt: try reader.next(),
            addedBy: try reader.next()
        )
    }
}

extension PatientListRecord {
    /// Decodes a row of ``RecordColumns/patientList``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "patient_list")
        self.init(
            id: try reader.next(),
            patientID: try reader.next(),
            kind: try reader.word(PatientListKind.self, "kind"),
            revision: try reader.next(),
            sealedItems: try reader.bytes(),
            updatedAt: try reader.next(),
            updatedBy: try reader.next()
        )
    }
}

extension EntryRecord {
    /// Decodes a row of ``RecordColumns/entry``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "entry")
        self.init(
            id: try reader.next(),
            patientID: try reader.next(),
            kind: try reader.next(),
            state: try reader.word(EntryState.self, "state"),
            revision: try reader.next(),
            author: try reader.next(),
            onBehalfOf: try reader.next(),
            createdAt: try reader.next(),
            updatedAt: try reader.next(),
            careAt: try reader.next(),
            finalizedBy: try reader.next(),
            finalizedAt: try reader.next(),
            sealedBody: try reader.bytes()
        )
    }
}

extension RecordVersion {
    /// Decodes a row of ``RecordColumns/recordVersion``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "record_version")
        self.init(
            objectID: try reader.next(),
            version: try reader.next(),
            patientID: try reader.next(),
            kind: try reader.next(),
            state: try reader.next(),
            author: try reader.next(),
            onBehalfOf: try reader.next(),
            recordedAt: try reader.next(),
            careAt: try reader.next(),
            finalizedBy: try reader.next(),
            finalizedAt: try reader.next(),
            sealedBody: try reader.bytes(),
            sealedReason: try reader.optionalBytes(),
            leafID: LeafID(rawValue: try reader.next())
        )
    }
}

extension AuditEvent {
    /// Decodes a row of ``RecordColumns/auditEvent``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "audit_event")
        self.init(
            id: try reader.next(),
            at: try reader.next(),
            actor: try reader.next(),
            action: try reader.next(),
            access: try reader.next(),
            patientIDs: try reader.next(),
            leafID: LeafID(rawValue: try reader.next())
        )
    }
}

extension AttachmentRecord {
    /// Decodes a row of ``RecordColumns/attachment``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "attachment")
        self.init(
            id: try reader.next(),
            patientID: try reader.next(),
            entryID: try reader.next(),
            mediaType: try reader.next(),
            byteCount: try reader.next(),
            chunkCount: try reader.int("chunk_count"),
            sealedMeta: try reader.bytes(),
            receivedAt: try reader.next(),
            scannedAt: try reader.next(),
            createdAt: try reader.next(),
            createdBy: try reader.next(),
            leafID: LeafID(rawValue: try reader.next())
        )
    }
}
