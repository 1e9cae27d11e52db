import KuraCore
import KuraStore

/// One entry with every version (REC-1, REC-2): state, author, finalizer, the physician of a
/// proxy entry (ACC-6), both times of a back entry (INC-5), the reason of each change, and the
/// actions its state allows this person.
struct EntryModel: PageModel {
    static let template = "entry"
    static let titleKey = "titleEntry"

    /// One version in the history, oldest first.
    struct VersionSection: Sendable {
        let version: Int64
        let state: String
        let recordedAt: String
        let author: String
        let reason: String?
        let fields: [EntryEditorField]
    }

    let patient: EntryPatientHeader
    let kindName: String
    let state: String
    /// Entered in error: shown struck through.
    let struck: Bool
    let author: String
    let onBehalfOf: String?
    let finalized: String?
    let createdAt: String
    let careAt: String?
    let visitEnded: String?
    let unsigned: Bool
    let breakGlass: Bool
    let fields: [EntryEditorField]
    let versions: [VersionSection]
    let revision: Int64
    let editLink: String?
    let finalizeAction: String?
    let amendLink: String?
    let errorAction: String?
    let approveAction: String?
    let rejectAction: String?
    /// A reason typed into a refused form, kept.
    let typedReason: String

    /// The model of `history` as `auth` sees it.
    init(_ history: EntryHistory, auth: Authenticated, text: PageText, typedReason: String = "") {
        let entry = history.entry
        let who = { (id: String) in history.logins[id] ?? id }
        patient = EntryPatientHeader(history.patient, text: text)
        kindName = EntryEditorField.kindName(entry.kind, text: text)
        state = text["state" + PageText.capitalised(entry.state)]
        struck = entry.state == EntryState.enteredInError.rawValue
        author = who(entry.author)
        onBehalfOf = entry.onBehalfOf.map(who)
        finalized = entry.finalizedBy.map { "\(who($0)) \(PageTime.jst(entry.finalizedAt, text))" }
        createdAt = PageTime.jst(entry.createdAt)
        careAt = entry.careAt.map(PageTime.jst)
        visitEnded = entry.content.visitEndedAt.map(PageTime.jst)
        unsigned = entry.unsignedPrintAndSeal
        breakGlass = history.access == AccessDecision.AllowReason.breakGlass.rawValue
        fields = EntryEditorField.shown(entry.content, kind: entry.kind, text: text)
        versions = history.versions.map { version in
            VersionSection(
                version: version.version, state: text["state" + PageText.capitalised(version.state)],
                recordedAt: PageTime.jst(version.recordedAt), author: who(version.author), reason: version.reason,
                fields: EntryEditorField.shown(version.content, kind: entry.kind, text: text))
        }
        revision = entry.revision
        // The buttons follow the lifecycle's own rules (STYLE 3), so a button shown is one the
        // service accepts; a placeholder reason only asks whether the person may act at all.
        let me = auth.account.id
        let may = EntryPermissions(auth)
        let lifecycle = EntryLifecycle(
            state: EntryState(rawValue: entry.state) ?? .draft, author: entry.author, onBehalfOf: entry.onBehalfOf,
            finalizedBy: entry.finalizedBy)
        func allowed(_ result: Result<EntryLifecycle.Transition, EntryRefusal>, _ role: Bool) -> Bool {
            guard role, case .success = result else { return false }
            return true
        }
        editLink = allowed(lifecycle.edit(by: me), may.write) ? PageRoute.editEntry(entry.id).path : nil
        finalizeAction =
            allowed(lifecycle.finalize(by: me), may.finalize) ? PageRoute.finalizeEntry(entry.id).path : nil
        amendLink = allowed(lifecycle.amend(by: me, reason: "-"), may.write) ? PageRoute.amendEntry(entry.id).path : nil
        errorAction =
            allowed(lifecycle.markEnteredInError(by: me, reason: "-"), may.write)
            ? PageRoute.enteredInError(entry.id).path : nil
        let approves = allowed(lifecycle.approve(by: me), may.approve)
        approveAction = approves ? PageRoute.approveEntry(entry.id).path : nil
        rejectAction = approves ? PageRoute.rejectEntry(entry.id).path : nil
        self.typedReason = typedReason
    }
}

/// A physician's queue of proxy entries waiting for them (ACC-6): each with its patient, kind,
/// author, times and content, approved or rejected with a reason.
struct ApprovalsModel: PageModel {
    static let template = "approvals"
    static let titleKey = "titleApprovals"

    /// One waiting entry.
    struct Row: Sendable {
        let id: String
        let patient: EntryPatientHeader
        let kindName: String
        let author: String
        let createdAt: String
        let careAt: String?
        let fields: [EntryEditorField]
        let entryLink: String
        let approveAction: String
        let rejectAction: String
        let revision: Int64
        /// A reject reason typed into a refused form, kept.
        let typedReason: String
    }

    let rows: [Row]

    /// The queue, authors named by `logins`; `typed` keeps a refused rejection's reason.
    init(_ queue: [WaitingEntry], logins: [String: String], text: PageText, typed: (id: String, reason: String)? = nil)
    {
        rows = queue.map { waiting in
            let entry = waiting.entry
            return Row(
                id: entry.id, patient: EntryPatientHeader(waiting.patient, text: text),
                kindName: EntryEditorField.kindName(entry.kind, text: text),
                author: logins[entry.author] ?? entry.author,
                createdAt: PageTime.jst(entry.createdAt), careAt: entry.careAt.map(PageTime.jst),
                fields: EntryEditorField.shown(entry.content, kind: entry.kind, text: text),
                entryLink: PageRoute.entry(entry.id).path, approveAction: PageRoute.approveEntry(entry.id).path,
                rejectAction: PageRoute.rejectEntry(entry.id).path, revision: entry.revision,
                typedReason: typed?.id == entry.id ? typed?.reason ?? "" : "")
        }
    }
}
