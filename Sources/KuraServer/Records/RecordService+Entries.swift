import KuraCore
import KuraStore

/// A new entry as the author submits it.
public struct NewEntry: Sendable, Equatable {
    /// The entry type (`progress-note`, `home-visit`, …).
    public var kind: String
    /// The content.
    public var content: EntryContent
    /// When the care happened, when it differs from now: a back entry after an outage, or a
    /// visit's start (required for a home visit).
    public var careAt: Int64?
    /// The physician a clerk or nurse enters for (代行入力, ACC-6).
    public var onBehalfOf: String?
    /// Finalize on saving (not for proxy entries).
    public var finalize: Bool

    /// Creates a new entry.
    public init(
        kind: String, content: EntryContent, careAt: Int64? = nil, onBehalfOf: String? = nil, finalize: Bool = false
    ) {
        self.kind = kind
        self.content = content
        self.careAt = careAt
        self.onBehalfOf = onBehalfOf
        self.finalize = finalize
    }
}

/// A change to an existing entry.
public enum EntryChange: Sendable, Equatable {
    /// The author rewrites the draft.
    case edit(EntryContent)
    /// The author finalizes the draft.
    case finalize
    /// The responsible person amends a final entry, with a reason.
    case amend(EntryContent, reason: String)
    /// The responsible person marks it entered in error, with a reason.
    case enteredInError(reason: String)
    /// The named physician approves a proxy entry.
    case approve
    /// The named physician rejects a proxy entry, with a reason.
    case reject(reason: String)
}

extension RecordService {
    /// How far in the future a care time may lie (clock skew between tablets and server).
    static let careTimeTolerance: Int64 = 5 * 60_000
    /// The longest reason.
    public static let maxReasonLength = 2000

    /// Records a new entry: a draft, final at once, or a proxy entry waiting for its physician.
    public func createEntry(
        _ auth: Authenticated, patientID: String, _ new: NewEntry
    ) async throws(RecordError) -> EntryView {
        guard let template = EntryTemplate.byKind[new.kind] else { throw .invalidInput("kind: unknown entry kind") }
        if let error = new.content.validationError(kind: new.kind) { throw .invalidInput(error) }
        if template.recordKind == .homeVisit && new.careAt == nil {
            throw .invalidInput("careAt: required for a home visit")
        }
        let now = clock()
        if let careAt = new.careAt, careAt > now + Self.careTimeTolerance {
            throw .invalidInput("careAt: not in the future")
        }
        if let end = new.content.visitEndedAt, end < (new.careAt ?? now) {
            throw .invalidInput("visitEndedAt: not before the visit started")
        }
        let proxy = new.onBehalfOf != nil
        if proxy && new.finalize { throw .invalidInput("finalize: a proxy entry is finalized by its physician") }
        // Writing and finalizing are checked on one read of the patient and its care team.
        _ = try await authorize(
            auth, [proxy ? .proxyEntry : .writeEntry] + (new.finalize ? [.finalizeEntry] : []), patientID: patientID)
        if let physician = new.onBehalfOf { try await requirePhysician(physician) }
        let (entry, writes) = try newEntryWrites(new, patientID: patientID, actor: auth.account.id, at: now)
        try await commit(writes)
        return view(entry, content: new.content)
    }

    /// The head, version row and leaf of a new entry written by `actor` at `now`, after every
    /// check: what ``createEntry(_:patientID:_:)`` commits, and what benchmark seeding commits
    /// in bulk (``seedingEntryWrites(_:patientID:actor:)``).
    func newEntryWrites(
        _ new: NewEntry, patientID: String, actor: String, at now: Int64
    ) throws(RecordError) -> (EntryRecord, [StoreWrite]) {
        let id = newID("ent")
        let state = EntryLifecycle.initialState(proxy: new.onBehalfOf != nil, finalize: new.finalize)
        let sealed = try seal(document: new.content, objectID: id, field: "body", version: 1)
        let entry = EntryRecord(
            id: id, patientID: patientID, kind: new.kind, state: state, revision: 1, author: actor,
            onBehalfOf: new.onBehalfOf, createdAt: now, updatedAt: now, careAt: new.careAt,
            finalizedBy: state.isFinal ? actor : nil, finalizedAt: state.isFinal ? now : nil,
            sealedBody: sealed)
        let writes =
            [.putEntry(entry, expectedRevision: nil)]
            + (try entryVersion(entry, reason: nil, actor: actor, event: "entry.created"))
        return (entry, writes)
    }

    /// Applies `change` to entry `id` at `expectedRevision`: a new version, never an overwrite.
    public func changeEntry(
        _ auth: Authenticated, id: String, _ change: EntryChange, expectedRevision: Int64
    ) async throws(RecordError) -> EntryView {
        let stored = try await entry(id)
        let action: AccessAction
        switch change {
        case .edit, .amend, .enteredInError: action = .writeEntry
        case .finalize: action = .finalizeEntry
        case .approve, .reject: action = .approveProxyEntry
        }
        _ = try await authorize(auth, action, patientID: stored.patientID)
        guard stored.revision == expectedRevision else { throw .conflict("the entry changed; reload") }
        let lifecycle = EntryLifecycle(
            state: stored.state, author: stored.author, onBehalfOf: stored.onBehalfOf, finalizedBy: stored.finalizedBy)
        let actor = auth.account.id
        let result: Result<EntryLifecycle.Transition, EntryRefusal>
        var content: EntryContent?
        var reason: String?
        switch change {
        case .edit(let new):
            result = lifecycle.edit(by: actor)
            content = new
        case .finalize:
            result = lifecycle.finalize(by: actor)
        case .amend(let new, let why):
            result = lifecycle.amend(by: actor, reason: why)
            (content, reason) = (new, why)
        case .enteredInError(let why):
            result = lifecycle.markEnteredInError(by: actor, reason: why)
            reason = why
        case .approve:
            result = lifecycle.approve(by: actor)
        case .reject(let why):
            result = lifecycle.reject(by: actor, reason: why)
            reason = why
        }
        let transition: EntryLifecycle.Transition
        switch result {
        case .success(let next): transition = next
        case .failure(let refusal): throw .refused(refusal)
        }
        if let reason, reason.count > Self.maxReasonLength {
            throw .invalidInput("reason: at most \(Self.maxReasonLength) characters")
        }
        if let content, let error = content.validationError(kind: stored.kind) { throw .invalidInput(error) }
        let body: EntryContent
        if let content {
            body = content
        } else {
            body = try open(EntryContent.self, stored.sealedBody, objectID: id, field: "body", version: stored.revision)
        }
        let now = clock()
        var entry = stored
        entry.revision += 1
        entry.state = transition.state
        entry.updatedAt = now
        if transition.finalizes && stored.finalizedBy == nil {
            entry.finalizedBy = actor
            entry.finalizedAt = now
        }
        entry.sealedBody = try seal(document: body, objectID: id, field: "body", version: entry.revision)
        let event: String
        switch change {
        case .edit: event = "entry.edited"
        case .finalize: event = "entry.finalized"
        case .amend: event = "entry.amended"
        case .enteredInError: event = "entry.entered-in-error"
        case .approve: event = "entry.approved"
        case .reject: event = "entry.rejected"
        }
        try await commit(
            [.putEntry(entry, expectedRevision: stored.revision)]
                + (try entryVersion(entry, reason: reason, actor: actor, event: event)))
        return view(entry, content: body)
    }

    /// One entry, audited (AUD-1).
    public func entry(_ auth: Authenticated, id: String) async throws(RecordError) -> EntryView {
        let stored = try await entry(id)
        let (_, access) = try await authorize(auth, .readChart, patientID: stored.patientID)
        let view = try view(stored)
        try await audit(auth, action: "entry.read", access: access, patientIDs: [stored.patientID])
        return view
    }

    /// Every version of an entry with author, times and reason, audited (REC-2, AUD-1).
    public func versions(_ auth: Authenticated, entryID: String) async throws(RecordError) -> [VersionView] {
        let stored = try await entry(entryID)
        let (_, access) = try await authorize(auth, .readChart, patientID: stored.patientID)
        let views = try await versionViews(of: entryID)
        try await audit(auth, action: "entry.versions", access: access, patientIDs: [stored.patientID])
        return views
    }

    /// Proxy entries waiting for the caller's approval, newest first, audited.
    public func approvals(_ auth: Authenticated) async throws(RecordError) -> [EntryView] {
        try requirePatientRole(auth, .approveProxyEntry)
        let waiting = try await read { () async throws(StoreError) in
            try await store.entries(state: .pendingApproval, author: nil, onBehalfOf: auth.account.id, limit: 200)
        }
        let views = try waiting.map { (entry: EntryRecord) throws(RecordError) in try view(entry) }
        if !views.isEmpty {
            try await audit(auth, action: "entry.approvals", access: .role, patientIDs: views.map(\.patientID))
        }
        return views
    }

    /// The stored entry, or 404.
    func entry(_ id: String) async throws(RecordError) -> EntryRecord {
        guard StoreWrite.isOpaqueID(id),
            let entry = try await read({ () async throws(StoreError) in try await store.entry(id: id) })
        else { throw .notFound("entry") }
        return entry
    }

    /// Throws unless `id` is an active account holding the physician role.
    func requirePhysician(_ id: String) async throws(RecordError) {
        guard StoreWrite.isOpaqueID(id),
            let account = try await read({ () async throws(StoreError) in try await identityStore.account(id: id) }),
            account.status == .active, account.roles.contains(.physician)
        else { throw .invalidInput("onBehalfOf: not an active physician") }
    }

    /// The leaf and version row of an entry's current version: kind, ids, version, the hash of
    /// the ciphertext, author, finalizer, times and the hash of the sealed reason.
    func entryVersion(
        _ entry: EntryRecord, reason: String?, actor: String, event: String
    ) throws(RecordError) -> [StoreWrite] {
        let sealedReason = try reason.map { (text: String) throws(RecordError) in
            try seal(Array(text.utf8), objectID: entry.id, field: "reason", version: entry.revision)
        }
        var fields: [String: CanonicalJSON] = [
            "entry": .string(entry.id), "patient": .string(entry.patientID), "type": .string(entry.kind),
            "version": .integer(entry.revision), "state": .string(entry.state.rawValue),
            "author": .string(entry.author), "recordedAt": .integer(entry.updatedAt),
            "contentHash": .string(Self.contentHash(entry.sealedBody)),
        ]
        if let onBehalfOf = entry.onBehalfOf { fields["onBehalfOf"] = .string(onBehalfOf) }
        if let finalizedBy = entry.finalizedBy { fields["finalizedBy"] = .string(finalizedBy) }
        if let finalizedAt = entry.finalizedAt { fields["finalizedAt"] = .integer(finalizedAt) }
        if let careAt = entry.careAt { fields["careAt"] = .integer(careAt) }
        if let sealedReason { fields["reasonHash"] = .string(Self.contentHash(sealedReason)) }
        let version = RecordVersion(
            objectID: entry.id, version: entry.revision, patientID: entry.patientID, kind: "entry.\(entry.kind)",
            state: entry.state.rawValue, author: actor, onBehalfOf: entry.onBehalfOf, recordedAt: entry.updatedAt,
            careAt: entry.careAt, finalizedBy: entry.finalizedBy, finalizedAt: entry.finalizedAt,
            sealedBody: entry.sealedBody, sealedReason: sealedReason)
        return [try leaf(event, actor: actor, fields), .insertRecordVersion(version)]
    }

    func view(_ entry: EntryRecord) throws(RecordError) -> EntryView {
        view(
            entry,
            content: try open(
                EntryContent.self, entry.sealedBody, objectID: entry.id, field: "body", version: entry.revision))
    }

    func view(_ entry: EntryRecord, content: EntryContent) -> EntryView {
        EntryView(
            id: entry.id, patientID: entry.patientID, kind: entry.kind, state: entry.state.rawValue,
            revision: entry.revision, author: entry.author, onBehalfOf: entry.onBehalfOf, createdAt: entry.createdAt,
            updatedAt: entry.updatedAt, careAt: entry.careAt, finalizedBy: entry.finalizedBy,
            finalizedAt: entry.finalizedAt, content: content,
            unsignedPrintAndSeal: EntryTemplate.byKind[entry.kind]?.requiresSeal ?? false)
    }
}
