import Foundation
import GRDB
import KuraCore
import KuraStore

extension SQLiteStore {
    /// Applies one record write inside the batch's transaction and the unit's savepoint (every
    /// record write may fail in the database). `leaf` is the unit's most recent append, which a
    /// version, audit event or attachment is bound to; the shared validation guarantees it.
    /// Refusals are the shared fixed ``StoreError`` values, naming no value.
    static func apply(record write: StoreWrite, leaf: LeafID?, in db: Database) throws -> StoreWriteOutcome {
        switch write {
        case .putPatient(let patient, let expected):
            try put(.patient, arguments(patient), expected: expected, kind: .patient, in: db)
        case .putPatientList(let list, let expected):
            try put(.patientList, arguments(list), expected: expected, kind: .patientList, in: db)
        case .putEntry(let entry, let expected):
            try put(.entry, arguments(entry), expected: expected, kind: .entry, in: db)
        case .addCareTeamMember(let member):
            try put(.careTeamMember, arguments(member), expected: nil, kind: .careTeamMember, in: db)
        case .removeCareTeamMember(let patientID, let accountID):
            try db.cachedStatement(sql: "DELETE FROM care_team_member WHERE patient_id = ? AND account_id = ?")
                .execute(arguments: [patientID, accountID])
            if db.changesCount == 0 { throw StoreError.careTeamMemberNotFound }
        case .insertRecordVersion(let version):
            try put(
                .recordVersion, arguments(version, leaf: try bound(leaf)), expected: nil, kind: .recordVersion, in: db
            )
        case .insertAuditEvent(let event):
            try put(.auditEvent, arguments(event, leaf: try bound(leaf)), expected: nil, kind: .auditEvent, in: db)
            let patient = try db.cachedStatement(
                sql: "INSERT INTO audit_event_patient (event_id, patient_id, at) VALUES (?, ?, ?)"
            )
            // Validation made the ids distinct, so the child key cannot clash once the event went in.
            for patientID in event.patientIDs {
                try patient.execute(arguments: [event.id, patientID, event.at])
            }
        case .insertAttachment(let attachment, let chunks):
            try put(
                .attachment, arguments(attachment, leaf: try bound(leaf)), expected: nil, kind: .attachment, in: db
            )
            let chunk = try db.cachedStatement(
                sql: "INSERT INTO attachment_chunk (attachment_id, seq, sealed_bytes) VALUES (?, ?, CAST(? AS BLOB))"
            )
            for (seq, bytes) in chunks.enumerated() {
                try chunk.execute(arguments: [attachment.id, seq, blob(bytes)])
            }
        case .insertComplianceVersion(let version):
            try put(
                .complianceVersion, arguments(version, leaf: try bound(leaf)), expected: nil,
                kind: .complianceVersion, in: db
            )
        default:
            preconditionFailure("appends and identity writes are applied elsewhere")
        }
        return .applied
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
