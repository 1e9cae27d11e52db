import KuraCore
import KuraStore

/// The record tables of ``InMemoryStore``: the reference semantics of the record writes, kept
/// obviously correct (linear scans) rather than fast.
struct InMemoryRecordState {
    var patients: [String: PatientRecord] = [:]
    var careTeam: [CareTeamMember] = []
    var lists: [String: PatientListRecord] = [:]
    var entries: [String: EntryRecord] = [:]
    var versions: [RecordVersion] = []
    var auditEvents: [AuditEvent] = []
    var attachments: [String: (record: AttachmentRecord, chunks: [[UInt8]])] = [:]
    var compliance: [ComplianceVersion] = []

    /// Applies one record write; `leaf` is the unit's most recent append (the caller checked
    /// that a binding write has one). The caller restores the whole unit when this throws.
    mutating func apply(_ write: StoreWrite, leaf: LeafID?) throws(StoreError) {
        switch write {
        case .putPatient(let patient, let expected):
            try InMemoryIdentityState.put(
                patient, id: patient.id, revision: \.revision, expected: expected, into: &patients, kind: .patient
            ) { $0.numberIndex == patient.numberIndex }
        case .addCareTeamMember(let member):
            guard !careTeam.contains(where: { $0.patientID == member.patientID && $0.accountID == member.accountID })
            else { throw .duplicate(.careTeamMember) }
            careTeam.append(member)
        case .removeCareTeamMember(let patientID, let accountID):
            guard let index = careTeam.firstIndex(where: { $0.patientID == patientID && $0.accountID == accountID })
            else { throw .careTeamMemberNotFound }
            careTeam.remove(at: index)
        case .putPatientList(let list, let expected):
            try InMemoryIdentityState.put(
                list, id: list.id, revision: \.revision, expected: expected, into: &lists, kind: .patientList
            ) { $0.patientID == list.patientID && $0.kind == list.kind }
        case .putEntry(let entry, let expected):
            try InMemoryIdentityState.put(
                entry, id: entry.id, revision: \.revision, expected: expected, into: &entries, kind: .entry
            ) { _ in false }
        case .insertRecordVersion(var version):
            guard !versions.contains(where: { $0.objectID == version.objectID && $0.version == version.version })
            else { throw .duplicate(.recordVersion) }
            version.leafID = leaf
            versions.append(version)
        case .insertAuditEvent(var event):
            guard !auditEvents.contains(where: { $0.id == event.id }) else { throw .duplicate(.auditEvent) }
            event.leafID = leaf
            auditEvents.append(event)
        case .insertAttachment(var attachment, let chunks):
            guard attachments[attachment.id] == nil else { throw .duplicate(.attachment) }
            attachment.leafID = leaf
            attachments[attachment.id] = (attachment, chunks)
        case .insertComplianceVersion(var version):
            guard !compliance.contains(where: { $0.objectID == version.objectID && $0.version == version.version })
            else { throw .duplicate(.complianceVersion) }
            version.leafID = leaf
            compliance.append(version)
        default:
            preconditionFailure("not a record write")
        }
    }
}
