import KuraCore
import KuraStore

/// What a clinician's start page lists: today's home visits, proxy entries waiting for the
/// caller's approval, and the caller's unfinished drafts.
public struct Worklist: Sendable, Equatable {
    /// One entry on the list, with the patient it concerns.
    public struct Item: Sendable, Equatable {
        /// The entry.
        public var entry: EntryView
        /// The patient, as the caller may see it.
        public var patient: PatientSummary
    }

    /// Home-visit records of today (by care time, JST) written by the caller or for them.
    public var visits: [Item]
    /// Proxy entries waiting for the caller's approval.
    public var approvals: [Item]
    /// The caller's drafts not yet finalized.
    public var drafts: [Item]

    /// Whether there is nothing to show.
    public var isEmpty: Bool { visits.isEmpty && approvals.isEmpty && drafts.isEmpty }
}

extension RecordService {
    /// Entries read per state for the start page; today's are the newest, so a clinician would
    /// have to write more than this many in one state in one day to miss one.
    static let worklistDepth = 100

    /// The caller's worklist for `today` (JST), audited with every patient it shows (AUD-1).
    /// Only patients the caller may see now are listed (care team or a running break-glass
    /// grant), so a list never outlives a care-team change.
    public func worklist(_ auth: Authenticated, today: CivilDate) async throws(RecordError) -> Worklist {
        let me = auth.account.id
        let writes = auth.holds(.writeEntry) || auth.holds(.proxyEntry)
        let approves = auth.holds(.approveProxyEntry)
        guard writes || approves else { return Worklist(visits: [], approvals: [], drafts: []) }
        guard auth.deviceCleared else {
            throw .identity(.forbidden(AccessDecision.DenyReason.deviceNotApproved.rawValue))
        }

        var mine: [EntryRecord] = []
        for state in [EntryState.draft, .pendingApproval, .finalized, .amended] {
            mine += try await entries(state: state, author: me, onBehalfOf: nil)
        }
        var forMe: [EntryRecord] = []
        if approves {
            for state in [EntryState.pendingApproval, .finalized, .amended] {
                forMe += try await entries(state: state, author: nil, onBehalfOf: me)
            }
        }
        let start = Self.jstMidnight(today)
        let end = start + 86_400_000
        var seen: Set<String> = []
        let visits = (mine + forMe).filter { entry in
            let at = entry.careAt ?? entry.createdAt
            return entry.kind == RecordKind.homeVisit.rawValue && at >= start && at < end
                && seen.insert(entry.id).inserted
        }.sorted { ($0.careAt ?? $0.createdAt, $0.id) < ($1.careAt ?? $1.createdAt, $1.id) }
        let approvals = forMe.filter { $0.state == .pendingApproval }.sorted { $0.createdAt > $1.createdAt }
        let drafts = mine.filter { $0.state == .draft }.sorted { $0.updatedAt > $1.updatedAt }

        var patients: [String: PatientSummary?] = [:]
        func items(_ entries: [EntryRecord]) async throws(RecordError) -> [Worklist.Item] {
            var items: [Worklist.Item] = []
            for entry in entries {
                if patients[entry.patientID] == nil {
                    patients[entry.patientID] = .some(try await visibleSummary(auth, patientID: entry.patientID))
                }
                guard let summary = patients[entry.patientID] ?? nil else { continue }
                items.append(Worklist.Item(entry: try view(entry), patient: summary))
            }
            return items
        }
        let worklist = Worklist(
            visits: try await items(visits), approvals: try await items(approvals), drafts: try await items(drafts))
        let shown = (worklist.visits + worklist.approvals + worklist.drafts).map(\.patient.id)
        if !shown.isEmpty {
            try await audit(auth, action: "worklist.read", access: .role, patientIDs: shown)
        }
        return worklist
    }

    private func entries(
        state: EntryState, author: String?, onBehalfOf: String?
    ) async throws(RecordError) -> [EntryRecord] {
        try await read { () async throws(StoreError) in
            try await store.entries(state: state, author: author, onBehalfOf: onBehalfOf, limit: Self.worklistDepth)
        }
    }
}
