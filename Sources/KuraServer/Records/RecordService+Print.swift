import KuraCore
import KuraStore

/// A whole chart, every entry with every version: what the readable rendering shows (見読性,
/// REC-3) and what a printout carries.
public struct PrintableChart: Sendable, Equatable {
    /// The patient.
    public var patient: PatientView
    /// The structured lists.
    public var lists: [PatientListView]
    /// Every entry, newest first, each with all its versions, oldest first.
    public var entries: [(entry: EntryView, versions: [VersionView])]
    /// Why the caller may see it.
    public var access: String
    /// Login names of the accounts named in the chart, by id.
    public var logins: [String: String]

    /// Equal when every part is (tuples are not Equatable, so the entries compare part by part).
    public static func == (lhs: PrintableChart, rhs: PrintableChart) -> Bool {
        lhs.patient == rhs.patient && lhs.lists == rhs.lists && lhs.access == rhs.access
            && lhs.entries.map(\.entry) == rhs.entries.map(\.entry)
            && lhs.entries.map(\.versions) == rhs.entries.map(\.versions)
    }
}

extension RecordService {
    /// The whole chart of `patientID`, audited as one `chart.print` event before it is returned.
    public func printableChart(_ auth: Authenticated, patientID: String) async throws(RecordError) -> PrintableChart {
        let (patient, access) = try await authorize(auth, .readChart, patientID: patientID)
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patientID) }
        var entries: [(entry: EntryView, versions: [VersionView])] = []
        var cursor: AuditCursor?
        while true {
            let page = try await read { () async throws(StoreError) in
                try await store.entries(patientID: patientID, before: cursor, limit: 200)
            }
            for entry in page {
                entries.append((try view(entry), try await versionViews(of: entry.id)))
            }
            guard page.count == 200, let last = page.last else { break }
            cursor = AuditCursor(at: last.createdAt, id: last.id)
        }
        var ids = Set([patient.createdBy, patient.updatedBy])
        for (entry, versions) in entries {
            ids.formUnion([entry.author] + [entry.onBehalfOf, entry.finalizedBy].compactMap { $0 })
            ids.formUnion(versions.map(\.author))
        }
        var logins: [String: String] = [:]
        for id in ids {
            logins[id] = try await read { () async throws(StoreError) in try await identityStore.account(id: id) }?
                .login
        }
        let chart = PrintableChart(
            patient: view(patient, try demographics(of: patient)),
            lists: try lists.map { (list: PatientListRecord) throws(RecordError) in try view(list) }, entries: entries,
            access: access.rawValue, logins: logins)
        try await audit(auth, action: "chart.print", access: access, patientIDs: [patientID])
        return chart
    }

    /// Every version of entry `id`, opened, oldest first.
    func versionViews(of id: String) async throws(RecordError) -> [VersionView] {
        let versions = try await read { () async throws(StoreError) in try await store.versions(objectID: id) }
        return try versions.map { (version: RecordVersion) throws(RecordError) in
            VersionView(
                version: version.version, state: version.state, author: version.author, onBehalfOf: version.onBehalfOf,
                recordedAt: version.recordedAt, careAt: version.careAt, finalizedBy: version.finalizedBy,
                finalizedAt: version.finalizedAt,
                content: try open(
                    EntryContent.self, version.sealedBody, objectID: id, field: "body", version: version.version),
                reason: try version.sealedReason.map { (sealed: [UInt8]) throws(RecordError) in
                    String(
                        decoding: try open(sealed, objectID: id, field: "reason", version: version.version),
                        as: UTF8.self)
                })
        }
    }
}
