import KuraCore
import KuraStore

/// Small records for the backend tests of the record tables.
enum RecordStoreFixtures {
    static func patient(_ id: String) -> PatientRecord {
        PatientRecord(
            id: id, revision: 1, numberIndex: [UInt8](repeating: 1, count: 32),
            birthDateIndex: [UInt8](repeating: 2, count: 32), sealedDemographics: [3], careStartedAt: nil,
            careEndedAt: nil, mergedInto: nil, createdAt: 1, createdBy: "acc_1", updatedAt: 1, updatedBy: "acc_1"
        )
    }

    static func entry(_ id: String) -> EntryRecord {
        EntryRecord(
            id: id, patientID: "pat_1", kind: "progress-note", state: .draft, revision: 1, author: "acc_1",
            onBehalfOf: nil, createdAt: 1, updatedAt: 1, careAt: nil, finalizedBy: nil, finalizedAt: nil,
            sealedBody: [1]
        )
    }

    static func list(_ id: String) -> PatientListRecord {
        PatientListRecord(
            id: id, patientID: "pat_1", kind: .allergies, revision: 1, sealedItems: [2], updatedAt: 1,
            updatedBy: "acc_1"
        )
    }
}
