import Crypto
import KuraCore
import KuraStore

extension RecordService {
    /// Everything recorded about `patient`, opened, for the open export (REC-5); the attachment
    /// bytes come back beside it. Not audited here: the export as a whole is one ledger leaf,
    /// made by an administrator who signed in again for it.
    func exported(
        _ patient: PatientRecord
    ) async throws(RecordError) -> (ExportedPatient, [(ExportedAttachment, [UInt8])]) {
        let patientID = patient.id
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patientID) }
        var exportedLists: [ExportedList] = []
        for list in lists {
            exportedLists.append(
                ExportedList(
                    id: list.id, kind: list.kind.rawValue,
                    items: try open(
                        PatientListItems.self, list.sealedItems, objectID: list.id, field: "items",
                        version: list.revision),
                    versions: try await exportedVersions(of: list.id, PatientListItems.self, field: "items")))
        }
        var entries: [ExportedEntry] = []
        var cursor: AuditCursor?
        while true {
            let page = try await read { () async throws(StoreError) in
                try await store.entries(patientID: patientID, before: cursor, limit: 200)
            }
            for entry in page {
                entries.append(
                    ExportedEntry(
                        id: entry.id, kind: entry.kind, state: entry.state.rawValue,
                        versions: try await exportedVersions(of: entry.id, EntryContent.self, field: "body")))
            }
            guard page.count == 200, let last = page.last else { break }
            cursor = AuditCursor(at: last.createdAt, id: last.id)
        }
        var attachments: [(ExportedAttachment, [UInt8])] = []
        let records = try await read { () async throws(StoreError) in
            try await store.attachments(patientID: patientID)
        }
        for record in records {
            let meta = try open(AttachmentMeta.self, record.sealedMeta, objectID: record.id, field: "meta", version: 1)
            let chunks = try await read { () async throws(StoreError) in
                try await store.attachmentChunks(id: record.id)
            }
            var bytes: [UInt8] = []
            for (index, chunk) in chunks.enumerated() {
                bytes += try open(chunk, objectID: record.id, field: "chunk.\(index)", version: 1)
            }
            let fileExtension =
                switch record.mediaType {
                case "application/pdf": "pdf"
                case "image/png": "png"
                default: "jpg"
                }
            attachments.append(
                (
                    ExportedAttachment(
                        id: record.id, entryID: record.entryID, mediaType: record.mediaType, fileName: meta.fileName,
                        file: "attachments/\(patientID)/\(record.id).\(fileExtension)", byteCount: Int64(bytes.count),
                        sha256: LogHash(SHA256.hash(data: bytes)).hex, createdAt: record.createdAt,
                        createdBy: record.createdBy, leafIndex: try await leafIndex(record.leafID)),
                    bytes
                ))
        }
        let team = try await read { () async throws(StoreError) in try await store.careTeam(patientID: patientID) }
        let exported = ExportedPatient(
            id: patientID, demographics: try demographics(of: patient), mergedInto: patient.mergedInto,
            careStartedAt: patient.careStartedAt, careEndedAt: patient.careEndedAt,
            versions: try await exportedVersions(of: patientID, PatientDemographics.self, field: "demographics"),
            lists: exportedLists, careTeam: team.map(\.accountID), entries: entries,
            attachments: attachments.map(\.0))
        return (exported, attachments)
    }

    /// Every version of `objectID`, opened, with what the log committed to.
    func exportedVersions<Content: Codable & Sendable & Equatable>(
        of objectID: String, _ type: Content.Type, field: String
    ) async throws(RecordError) -> [ExportedVersion<Content>] {
        let versions = try await read { () async throws(StoreError) in try await store.versions(objectID: objectID) }
        var exported: [ExportedVersion<Content>] = []
        for version in versions {
            exported.append(
                ExportedVersion(
                    version: version.version, kind: version.kind, state: version.state, author: version.author,
                    onBehalfOf: version.onBehalfOf, recordedAt: version.recordedAt, careAt: version.careAt,
                    finalizedBy: version.finalizedBy, finalizedAt: version.finalizedAt,
                    content: try open(
                        type, version.sealedBody, objectID: objectID, field: field, version: version.version),
                    reason: try version.sealedReason.map { (sealed: [UInt8]) throws(RecordError) in
                        String(
                            decoding: try open(sealed, objectID: objectID, field: "reason", version: version.version),
                            as: UTF8.self)
                    },
                    contentSHA256: Self.contentHash(version.sealedBody),
                    reasonSHA256: version.sealedReason.map(Self.contentHash),
                    leafIndex: try await leafIndex(version.leafID)))
        }
        return exported
    }

    /// The index of a leaf once numbered.
    private func leafIndex(_ id: LeafID?) async throws(RecordError) -> UInt64? {
        guard let id else { return nil }
        let status = try await read { () async throws(StoreError) in try await ledger.status(of: id) }
        if case .integrated(let index) = status { return index }
        return nil
    }
}
