import KuraCore
import KuraStore

/// One entry as its page shows it: the current version, every version with its reason, the
/// patient it belongs to (so nobody edits the wrong chart, REC-1) and the login names of the
/// accounts it names.
public struct EntryHistory: Sendable, Equatable {
    /// The entry with its current content.
    public var entry: EntryView
    /// Every version, oldest first (REC-2).
    public var versions: [VersionView]
    /// The patient's header.
    public var patient: PatientSummary
    /// Why the caller may see it (`care-team` or `break-glass`).
    public var access: String
    /// Login names of the accounts the entry names, by id.
    public var logins: [String: String]
}

/// A proxy entry waiting for the caller, with its patient's header (ACC-6).
public struct WaitingEntry: Sendable, Equatable {
    /// The entry.
    public var entry: EntryView
    /// Its patient.
    public var patient: PatientSummary
}

extension RecordService {
    /// Entry `id` with every version and its patient's header, audited once as `entry.read`
    /// (AUD-1): one page, one event.
    public func entryHistory(_ auth: Authenticated, id: String) async throws(RecordError) -> EntryHistory {
        let stored = try await entry(id)
        let (patient, access) = try await authorize(auth, .readChart, patientID: stored.patientID)
        let view = try view(stored)
        let versions = try await versionViews(of: id)
        let ids = [view.author, view.onBehalfOf, view.finalizedBy].compactMap { $0 } + versions.map(\.author)
        let history = EntryHistory(
            entry: view, versions: versions, patient: try summary(of: patient), access: access.rawValue,
            logins: try await logins(of: ids))
        try await audit(auth, action: "entry.read", access: access, patientIDs: [stored.patientID])
        return history
    }

    /// The header of the patient a new entry is written for, audited as `entry.form`: the editor
    /// names the patient so an entry is not written into the wrong chart (REC-1).
    public func entryFormPatient(_ auth: Authenticated, patientID: String) async throws(RecordError) -> PatientSummary {
        let (patient, access) = try await authorize(auth, .readChart, patientID: patientID)
        let summary = try summary(of: patient)
        try await audit(auth, action: "entry.form", access: access, patientIDs: [patientID])
        return summary
    }

    /// The proxy entries waiting for the caller (ACC-6) with their patients, newest first,
    /// audited once as `entry.approvals` when there is any.
    public func approvalQueue(_ auth: Authenticated) async throws(RecordError) -> [WaitingEntry] {
        try requirePatientRole(auth, .approveProxyEntry)
        let waiting = try await read { () async throws(StoreError) in
            try await store.entries(state: .pendingApproval, author: nil, onBehalfOf: auth.account.id, limit: 200)
        }
        var patients: [String: PatientSummary] = [:]
        var queue: [WaitingEntry] = []
        for stored in waiting {
            if patients[stored.patientID] == nil {
                guard
                    let patient = try await read({ () async throws(StoreError) in
                        try await store.patient(id: stored.patientID)
                    })
                else { continue }
                patients[stored.patientID] = try summary(of: patient)
            }
            guard let patient = patients[stored.patientID] else { continue }
            queue.append(WaitingEntry(entry: try view(stored), patient: patient))
        }
        if !queue.isEmpty {
            try await audit(auth, action: "entry.approvals", access: .role, patientIDs: queue.map(\.entry.patientID))
        }
        return queue
    }

    /// The active physicians a clerk or nurse may enter on behalf of (代行入力, ACC-6), by login:
    /// ids and login names only, no PHI; only for a role that makes proxy entries.
    public func physicians(_ auth: Authenticated) async throws(RecordError) -> [(id: String, login: String)] {
        try requirePatientRole(auth, .proxyEntry)
        let accounts = try await read { () async throws(StoreError) in try await identityStore.accounts() }
        return accounts.filter { $0.status == .active && $0.roles.contains(.physician) }
            .map { (id: $0.id, login: $0.login) }.sorted { $0.login < $1.login }
    }

    /// The header of a stored patient, opened.
    func summary(of patient: PatientRecord) throws(RecordError) -> PatientSummary {
        let demographics = try demographics(of: patient)
        return PatientSummary(
            id: patient.id, patientNumber: demographics.patientNumber, name: demographics.name,
            kana: demographics.kana, birthDate: demographics.birthDate, sex: demographics.sex)
    }

    /// Login names of `ids`; an account that no longer exists is left out.
    func logins(of ids: some Sequence<String>) async throws(RecordError) -> [String: String] {
        var logins: [String: String] = [:]
        for id in Set(ids) where StoreWrite.isOpaqueID(id) {
            logins[id] = try await read { () async throws(StoreError) in try await identityStore.account(id: id) }?
                .login
        }
        return logins
    }
}

extension RecordService {
    /// Saves the author's draft from the editor and, when asked, finalizes it (REC-2): a new
    /// version only when the content changed, so pressing 確定 on an unchanged draft adds one
    /// version, not two. `expectedRevision` is the version the editor was drawn from.
    public func saveDraft(
        _ auth: Authenticated, id: String, _ content: EntryContent, finalize: Bool, expectedRevision: Int64
    ) async throws(RecordError) -> EntryView {
        let stored = try await entry(id)
        _ = try await authorize(auth, .writeEntry, patientID: stored.patientID)
        guard stored.revision == expectedRevision else { throw .conflict("the entry changed; reload") }
        let lifecycle = EntryLifecycle(
            state: stored.state, author: stored.author, onBehalfOf: stored.onBehalfOf, finalizedBy: stored.finalizedBy)
        if case .failure(let refusal) = lifecycle.edit(by: auth.account.id) { throw .refused(refusal) }
        let current = try open(
            EntryContent.self, stored.sealedBody, objectID: id, field: "body", version: stored.revision)
        var saved = view(stored, content: current)
        if current != content {
            saved = try await changeEntry(auth, id: id, .edit(content), expectedRevision: saved.revision)
        }
        if finalize {
            saved = try await changeEntry(auth, id: id, .finalize, expectedRevision: saved.revision)
        }
        return saved
    }
}
