import Foundation
import GRDB
import KuraCore
import KuraStore

// Records to named statement arguments and rows back to records, column for column with
// `SQLiteTable+Records.swift`. A bound record's `leafID` is ignored on insert (the store binds
// the unit's preceding leaf) and read back from `leaf_id`.

extension SQLiteStore {
    static func arguments(_ patient: PatientRecord) -> StatementArguments {
        [
            "id": patient.id, "revision": patient.revision, "number_index": blob(patient.numberIndex),
            "birth_date_index": blob(patient.birthDateIndex), "sealed_demographics": blob(patient.sealedDemographics),
            "care_started_at": patient.careStartedAt, "care_ended_at": patient.careEndedAt,
            "merged_into": patient.mergedInto, "created_at": patient.createdAt, "created_by": patient.createdBy,
            "updated_at": patient.updatedAt, "updated_by": patient.updatedBy,
        ]
    }

    static func patient(from row: Row) throws -> PatientRecord {
        PatientRecord(
            id: try row.decode(forColumn: "id"), revision: try row.decode(forColumn: "revision"),
            numberIndex: try bytes(row, "number_index"), birthDateIndex: try bytes(row, "birth_date_index"),
            sealedDemographics: try bytes(row, "sealed_demographics"),
            careStartedAt: try row.decode(forColumn: "care_started_at"),
            careEndedAt: try row.decode(forColumn: "care_ended_at"),
            mergedInto: try row.decode(forColumn: "merged_into"), createdAt: try row.decode(forColumn: "created_at"),
            createdBy: try row.decode(forColumn: "created_by"), updatedAt: try row.decode(forColumn: "updated_at"),
            updatedBy: try row.decode(forColumn: "updated_by")
        )
    }

    static func arguments(_ member: CareTeamMember) -> StatementArguments {
        [
            "patient_id": member.patientID, "account_id": member.accountID, "added_at": member.addedAt,
            "added_by": member.addedBy,
        ]
    }

    static func careTeamMember(from row: Row) throws -> CareTeamMember {
        CareTeamMember(
            patientID: try row.decode(forColumn: "patient_id"), accountID: try row.decode(forColumn: "account_id"),
            addedAt: try row.decode(forColumn: "added_at"), addedBy: try row.decode(forColumn: "added_by")
        )
    }

    static func arguments(_ list: PatientListRecord) -> StatementArguments {
        [
            "id": list.id, "patient_id": list.patientID, "kind": list.kind.rawValue, "revision": list.revision,
            "sealed_items": blob(list.sealedItems), "updated_at": list.updatedAt, "updated_by": list.updatedBy,
        ]
    }

    static func patientList(from row: Row) throws -> PatientListRecord {
        PatientListRecord(
            id: try row.decode(forColumn: "id"), patientID: try row.decode(forColumn: "patient_id"),
            kind: try value(row, "kind"), revision: try row.decode(forColumn: "revision"),
            sealedItems: try bytes(row, "sealed_items"), updatedAt: try row.decode(forColumn: "updated_at"),
            updatedBy: try row.decode(forColumn: "updated_by")
        )
    }

    static func arguments(_ entry: EntryRecord) -> StatementArguments {
        [
            "id": entry.id, "patient_id": entry.patientID, "kind": entry.kind, "state": entry.state.rawValue,
            "revision": entry.revision, "author": entry.author, "on_behalf_of": entry.onBehalfOf,
            "created_at": entry.createdAt, "updated_at": entry.updatedAt, "care_at": entry.careAt,
            "finalized_by": entry.finalizedBy, "finalized_at": entry.finalizedAt,
            "sealed_body": blob(entry.sealedBody),
        ]
    }

    static func entry(from row: Row) throws -> EntryRecord {
        EntryRecord(
            id: try row.decode(forColumn: "id"), patientID: try row.decode(forColumn: "patient_id"),
            kind: try row.decode(forColumn: "kind"), state: try value(row, "state"),
            revision: try row.decode(forColumn: "revision"), author: try row.decode(forColumn: "author"),
            onBehalfOf: try row.decode(forColumn: "on_behalf_of"), createdAt: try row.decode(forColumn: "created_at"),
            updatedAt: try row.decode(forColumn: "updated_at"), careAt: try row.decode(forColumn: "care_at"),
            finalizedBy: try row.decode(forColumn: "finalized_by"),
            finalizedAt: try row.decode(forColumn: "finalized_at"), sealedBody: try bytes(row, "sealed_body")
        )
    }

    static func arguments(_ version: RecordVersion, leaf: LeafID) -> StatementArguments {
        [
            "object_id": version.objectID, "version": version.version, "patient_id": version.patientID,
            "kind": version.kind, "state": version.state, "author": version.author,
            "on_behalf_of": version.onBehalfOf, "recorded_at": version.recordedAt, "care_at": version.careAt,
            "finalized_by": version.finalizedBy, "finalized_at": version.finalizedAt,
            "sealed_body": blob(version.sealedBody), "sealed_reason": blob(version.sealedReason),
            "leaf_id": leaf.rawValue,
        ]
    }

    static func recordVersion(from row: Row) throws -> RecordVersion {
        RecordVersion(
            objectID: try row.decode(forColumn: "object_id"), version: try row.decode(forColumn: "version"),
            patientID: try row.decode(forColumn: "patient_id"), kind: try row.decode(forColumn: "kind"),
            state: try row.decode(forColumn: "state"), author: try row.decode(forColumn: "author"),
            onBehalfOf: try row.decode(forColumn: "on_behalf_of"),
            recordedAt: try row.decode(forColumn: "recorded_at"), careAt: try row.decode(forColumn: "care_at"),
            finalizedBy: try row.decode(forColumn: "finalized_by"),
            finalizedAt: try row.decode(forColumn: "finalized_at"), sealedBody: try bytes(row, "sealed_body"),
            sealedReason: try optionalBytes(row, "sealed_reason"), leafID: try leafID(row)
        )
    }

    static func arguments(_ event: AuditEvent, leaf: LeafID) -> StatementArguments {
        [
            "id": event.id, "at": event.at, "actor": event.actor, "action": event.action, "access": event.access,
            "leaf_id": leaf.rawValue,
        ]
    }

    /// An event row with its patients in the `patient_ids` column: the ids joined by spaces,
    /// which no opaque id holds (`StoreWrite.isOpaqueID`).
    static func auditEvent(from row: Row) throws -> AuditEvent {
        let joined: String = try row.decode(forColumn: "patient_ids")
        return AuditEvent(
            id: try row.decode(forColumn: "id"), at: try row.decode(forColumn: "at"),
            actor: try row.decode(forColumn: "actor"), action: try row.decode(forColumn: "action"),
            access: try row.decode(forColumn: "access"),
            // group_concat promises no order: sort here, in byte order as the contract asks.
            patientIDs: joined.split(separator: " ").map(String.init).sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            },
            leafID: try leafID(row)
        )
    }

    static func arguments(_ attachment: AttachmentRecord, leaf: LeafID) -> StatementArguments {
        [
            "id": attachment.id, "patient_id": attachment.patientID, "entry_id": attachment.entryID,
            "media_type": attachment.mediaType, "byte_count": attachment.byteCount,
            "chunk_count": attachment.chunkCount, "sealed_meta": blob(attachment.sealedMeta),
            "received_at": attachment.receivedAt, "scanned_at": attachment.scannedAt,
            "created_at": attachment.createdAt, "created_by": attachment.createdBy, "leaf_id": leaf.rawValue,
        ]
    }

    static func attachment(from row: Row) throws -> AttachmentRecord {
        AttachmentRecord(
            id: try row.decode(forColumn: "id"), patientID: try row.decode(forColumn: "patient_id"),
            entryID: try row.decode(forColumn: "entry_id"), mediaType: try row.decode(forColumn: "media_type"),
            byteCount: try row.decode(forColumn: "byte_count"), chunkCount: try row.decode(forColumn: "chunk_count"),
            sealedMeta: try bytes(row, "sealed_meta"), receivedAt: try row.decode(forColumn: "received_at"),
            scannedAt: try row.decode(forColumn: "scanned_at"), createdAt: try row.decode(forColumn: "created_at"),
            createdBy: try row.decode(forColumn: "created_by"), leafID: try leafID(row)
        )
    }

    static func leafID(_ row: Row) throws -> LeafID {
        LeafID(rawValue: try row.decode(forColumn: "leaf_id"))
    }
}
