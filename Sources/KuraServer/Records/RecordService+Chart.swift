import KuraCore
import KuraStore

/// What a patient search asks for: exactly one of the members (searches are POSTs, so no PHI
/// ends up in a URL or a request log).
public struct PatientQuery: Sendable, Equatable, Codable {
    /// The start of the kana (hiragana or katakana, any width).
    public var kanaPrefix: String?
    /// Part of the name (or the kana).
    public var name: String?
    /// The exact clinic patient number.
    public var patientNumber: String?
    /// The exact birth date, `YYYY-MM-DD`.
    public var birthDate: String?

    /// Creates a query.
    public init(kanaPrefix: String? = nil, name: String? = nil, patientNumber: String? = nil, birthDate: String? = nil)
    {
        self.kanaPrefix = kanaPrefix
        self.name = name
        self.patientNumber = patientNumber
        self.birthDate = birthDate
    }
}

extension RecordService {
    /// The most patients one search returns.
    public static let searchLimit = 50

    /// A chart: patient, lists, care team and the newest entries (at most 50, or before
    /// `cursor`), audited before it is returned (AUD-1).
    public func chart(
        _ auth: Authenticated, patientID: String, before cursor: AuditCursor? = nil, action: String = "chart.read"
    ) async throws(RecordError) -> ChartView {
        try await chartPage(auth, patientID: patientID, before: cursor, action: action, attachments: false).chart
    }

    /// The chart and, when asked, the list of its attachments (no content) as the chart page
    /// shows them: one access decision and one audit event for the page (AUD-1), not one each.
    public func chartPage(
        _ auth: Authenticated, patientID: String, before cursor: AuditCursor? = nil, action: String = "chart.read",
        attachments withAttachments: Bool = true
    ) async throws(RecordError) -> (chart: ChartView, attachments: [AttachmentView]) {
        // The care team shown is the one the access decision read (one read, one snapshot).
        let (patient, access, decidedTeam) = try await authorize(auth, [.readChart], patientID: patientID)
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patientID) }
        var team = decidedTeam ?? []
        if decidedTeam == nil {
            team = try await read { () async throws(StoreError) in try await store.careTeam(patientID: patientID) }
        }
        let entries = try await read { () async throws(StoreError) in
            try await store.entries(patientID: patientID, before: cursor, limit: Self.chartPageSize)
        }
        let chart = ChartView(
            patient: view(patient, try demographics(of: patient)),
            lists: try lists.map { (list: PatientListRecord) throws(RecordError) in try view(list) },
            careTeam: team.map(\.accountID),
            entries: try entries.map { (entry: EntryRecord) throws(RecordError) in try view(entry) },
            access: access.rawValue)
        var attachments: [AttachmentView] = []
        if withAttachments {
            attachments = try await read { () async throws(StoreError) in
                try await store.attachments(patientID: patientID)
            }.map { (record: AttachmentRecord) throws(RecordError) in try view(record) }
        }
        try await audit(auth, action: action, access: access, patientIDs: [patientID])
        return (chart, attachments)
    }

    /// Patients matching `query` that the caller may see (care team or a running break-glass
    /// grant), audited with every id returned (AUD-1).
    public func search(_ auth: Authenticated, _ query: PatientQuery) async throws(RecordError) -> [PatientSummary] {
        try requireRole(auth, .searchPatients)
        try await catchUpDirectory()
        let candidates = try await candidates(for: query)
        var found: [PatientSummary] = []
        // Visibility is checked per candidate (one keyed read of its care team), not by loading
        // the caller's whole team: a physician may be on thousands of teams, and only the first
        // 50 visible candidates are opened; an invisible one's sealed row is never read.
        for id in candidates where found.count < Self.searchLimit {
            if let summary = try await visibleSummary(auth, patientID: id) { found.append(summary) }
        }
        if !found.isEmpty {
            try await audit(auth, action: "patient.search", access: .role, patientIDs: found.map(\.id))
        }
        return found
    }

    /// The patient's summary when the caller may see it (care team or a running break-glass
    /// grant) and it is not merged into another; nil otherwise. Not audited: the caller audits
    /// what it returns. One keyed read of the team, so an invisible patient's sealed row is never read.
    func visibleSummary(_ auth: Authenticated, patientID id: String) async throws(RecordError) -> PatientSummary? {
        guard try await isVisible(auth, patientID: id),
            let patient = try await read({ () async throws(StoreError) in try await store.patient(id: id) }),
            patient.mergedInto == nil
        else { return nil }
        return try summary(of: patient)
    }

    /// The ids a query names, before the visibility filter.
    func candidates(for query: PatientQuery) async throws(RecordError) -> [String] {
        let given = [query.kanaPrefix, query.name, query.patientNumber, query.birthDate].compactMap { $0 }
        guard given.count == 1, let text = given.first, EntryLifecycle.hasText(text), text.count <= 100 else {
            throw .invalidInput("give exactly one of kanaPrefix, name, patientNumber, birthDate")
        }
        let wide = Self.searchLimit * 20
        if query.kanaPrefix != nil || query.name != nil, !directory.isLoaded {
            throw .unavailable("the patient index is still loading")
        }
        if let prefix = query.kanaPrefix { return directory.search(kanaPrefix: prefix, limit: wide) }
        if let name = query.name { return directory.search(name: name, limit: wide) }
        if let number = query.patientNumber {
            let index = numberIndex.index(of: number)
            return try await read { () async throws(StoreError) in try await store.patient(numberIndex: index) }
                .map { [$0.id] } ?? []
        }
        guard let birthDate = query.birthDate, PatientDemographics.isDate(birthDate) else {
            throw .invalidInput("birthDate: a date as YYYY-MM-DD")
        }
        let index = birthDateIndex.index(of: birthDate)
        return try await read { () async throws(StoreError) in try await store.patients(birthDateIndex: index) }
            .map(\.id)
    }

    /// Adds an account to the patient's care team.
    public func addToCareTeam(_ auth: Authenticated, patientID: String, accountID: String) async throws(RecordError) {
        _ = try await authorize(auth, .registerPatient, patientID: patientID, careTeamRequired: true)
        try await requireAccounts([accountID])
        let member = CareTeamMember(
            patientID: patientID, accountID: accountID, addedAt: clock(), addedBy: auth.account.id)
        let leaf = try leaf(
            "care-team.added", actor: auth.account.id, ["patient": .string(patientID), "account": .string(accountID)])
        do {
            try await commit([leaf, .addCareTeamMember(member)])
        } catch .identity(.conflict) {
            throw .conflict("the account is on the care team already")
        }
    }

    /// Takes an account off the patient's care team.
    public func removeFromCareTeam(
        _ auth: Authenticated, patientID: String, accountID: String
    ) async throws(RecordError) {
        _ = try await authorize(auth, .registerPatient, patientID: patientID, careTeamRequired: true)
        let leaf = try leaf(
            "care-team.removed", actor: auth.account.id, ["patient": .string(patientID), "account": .string(accountID)])
        try await commit([leaf, .removeCareTeamMember(patientID: patientID, accountID: accountID)])
    }

    /// Replaces a structured list (a new version), compare-and-swap on `expectedRevision`
    /// (nil for a list that does not exist yet).
    public func putList(
        _ auth: Authenticated, patientID: String, kind: PatientListKind, items: PatientListItems,
        expectedRevision: Int64?
    ) async throws(RecordError) -> PatientListView {
        _ = try await authorize(auth, .writeEntry, patientID: patientID)
        if let error = items.validationError { throw .invalidInput(error) }
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patientID) }
        let stored = lists.first { $0.kind == kind }
        guard stored?.revision == expectedRevision else { throw .conflict("the list changed; reload") }
        let (list, writes) = try listWrites(
            items, kind: kind, patientID: patientID, replacing: stored, actor: auth.account.id, at: clock())
        try await commit(writes)
        return try view(list)
    }

    /// The list head, its new version row and leaf when `actor` replaces `stored` (nil for a
    /// new list) with `items` at `now`, after every check: what
    /// ``putList(_:patientID:kind:items:expectedRevision:)`` commits, and what benchmark seeding
    /// commits in bulk (``seedingListUnit(_:kind:patientID:actor:)``).
    func listWrites(
        _ items: PatientListItems, kind: PatientListKind, patientID: String, replacing stored: PatientListRecord?,
        actor: String, at now: Int64
    ) throws(RecordError) -> (PatientListRecord, [StoreWrite]) {
        let id = stored?.id ?? newID("lst")
        let revision = (stored?.revision ?? 0) + 1
        let list = PatientListRecord(
            id: id, patientID: patientID, kind: kind, revision: revision,
            sealedItems: try seal(document: items, objectID: id, field: "items", version: revision), updatedAt: now,
            updatedBy: actor)
        let version = RecordVersion(
            objectID: id, version: revision, patientID: patientID, kind: "list.\(kind.rawValue)", state: "current",
            author: actor, onBehalfOf: nil, recordedAt: list.updatedAt, careAt: nil, finalizedBy: nil,
            finalizedAt: nil, sealedBody: list.sealedItems, sealedReason: nil)
        let leaf = try leaf(
            "list.changed", actor: actor,
            [
                "list": .string(id), "patient": .string(patientID), "type": .string(kind.rawValue),
                "version": .integer(revision), "contentHash": .string(Self.contentHash(list.sealedItems)),
            ])
        return (list, [.putPatientList(list, expectedRevision: stored?.revision), leaf, .insertRecordVersion(version)])
    }

    func view(_ list: PatientListRecord) throws(RecordError) -> PatientListView {
        let items = try open(
            PatientListItems.self, list.sealedItems, objectID: list.id, field: "items", version: list.revision)
        return PatientListView(
            kind: list.kind.rawValue, revision: list.revision, items: items.items, updatedAt: list.updatedAt,
            updatedBy: list.updatedBy)
    }
}
