import Hummingbird
import KuraCore
import KuraStore

/// The clinical entry pages (REC-1, REC-2, ACC-6, INC-5): the editor of a new entry (also a
/// proxy entry naming its physician), one entry with every version and the actions its state
/// allows, the draft editor, the amendment with its required reason, entered in error, and a
/// physician's approval queue. Every post carries `_csrf`; a refusal shows the same form again
/// with what was typed and the reason; a success redirects (303) with a notice.
struct EntryPages: Sendable {
    let pages: WebPages

    var records: RecordService { pages.records }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.newEntry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let id = try Self.id(context)
                return try await showNew(
                    auth, patientID: id, kind: request.uri.queryParameters.get("kind"), values: EntryEditorValues())
            }
        }
        post(PageRoute.newEntry(PageRoute.anyID), EntryForm.self, on: router) { auth, id, form in
            let entry = try await records.createEntry(auth, patientID: id, try newEntry(auth, form))
            return PageResponse.redirect(to: PageRoute.entry(entry.id).path(notice: .done))
        } refused: { auth, id, form, problem in
            try await showNew(auth, patientID: id, kind: form.kind, values: EntryEditorValues(form), problem: problem)
        }
        router.get(RouterPath(PageRoute.entry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showEntry(
                    auth, id: try Self.id(context), notice: pages.notice(request, pages.frame(auth)))
            }
        }
        registerChanges(on: router)
        registerApprovals(on: router)
    }

    /// The draft editor, finalize, the amendment and entered in error.
    func registerChanges(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.editEntry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showEditor(EditEntryMode.self, auth, id: try Self.id(context), values: nil)
            }
        }
        post(PageRoute.editEntry(PageRoute.anyID), EntryForm.self, on: router) { auth, id, form in
            let kind = try Self.kind(form.kind)
            _ = try await records.saveDraft(
                auth, id: id, try form.content(kind: kind), finalize: form.finalizes,
                expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.entry(id).path(notice: .done))
        } refused: { auth, id, form, problem in
            try await showEditor(
                EditEntryMode.self, auth, id: id, values: EntryEditorValues(form), revision: form.revision,
                problem: problem)
        }
        post(PageRoute.finalizeEntry(PageRoute.anyID), EntryActionForm.self, on: router) { auth, id, form in
            _ = try await records.changeEntry(auth, id: id, .finalize, expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.entry(id).path(notice: .done))
        } refused: { auth, id, _, problem in
            try await showEntry(auth, id: id, problem: problem)
        }
        router.get(RouterPath(PageRoute.amendEntry(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showEditor(AmendEntryMode.self, auth, id: try Self.id(context), values: nil)
            }
        }
        post(PageRoute.amendEntry(PageRoute.anyID), EntryForm.self, on: router) { auth, id, form in
            // REC-2: an amendment without a reason is refused here (400) before the service is asked.
            let reason = try form.filled(\.reason)
            let kind = try Self.kind(form.kind)
            _ = try await records.changeEntry(
                auth, id: id, .amend(try form.content(kind: kind), reason: reason),
                expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.entry(id).path(notice: .done))
        } refused: { auth, id, form, problem in
            try await showEditor(
                AmendEntryMode.self, auth, id: id, values: EntryEditorValues(form), revision: form.revision,
                problem: problem)
        }
        post(PageRoute.enteredInError(PageRoute.anyID), EntryActionForm.self, on: router) { auth, id, form in
            let reason = try form.filled(\.reason)
            _ = try await records.changeEntry(
                auth, id: id, .enteredInError(reason: reason), expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.entry(id).path(notice: .done))
        } refused: { auth, id, form, problem in
            try await showEntry(auth, id: id, problem: problem, typedReason: form.reason ?? "")
        }
    }

    /// The approval queue and its two actions (ACC-6).
    func registerApprovals(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.approvals.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showApprovals(auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        post(PageRoute.approveEntry(PageRoute.anyID), EntryActionForm.self, on: router) { auth, id, form in
            _ = try await records.changeEntry(auth, id: id, .approve, expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.approvals.path(notice: .done))
        } refused: { auth, _, _, problem in
            try await showApprovals(auth, problem: problem)
        }
        post(PageRoute.rejectEntry(PageRoute.anyID), EntryActionForm.self, on: router) { auth, id, form in
            let reason = try form.filled(\.reason)
            _ = try await records.changeEntry(
                auth, id: id, .reject(reason: reason), expectedRevision: try form.expectedRevision())
            return PageResponse.redirect(to: PageRoute.approvals.path(notice: .done))
        } refused: { auth, id, form, problem in
            try await showApprovals(auth, problem: problem, typed: (id, form.reason ?? ""))
        }
    }

    /// Registers a POST on one entry or patient: the form's `_csrf` is checked first, then the
    /// session; `act` answers (a redirect), and a refusal it throws is drawn by `refused`.
    func post<Form: PageForm>(
        _ route: PageRoute, _ form: Form.Type, on router: Router<KuraRequestContext>,
        _ act: @escaping @Sendable (Authenticated, String, Form) async throws -> Response,
        refused: @escaping @Sendable (Authenticated, String, Form, PageProblem) async throws -> Response
    ) {
        router.post(RouterPath(route.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await Form.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                let id = try Self.id(context)
                do {
                    return try await act(auth, id, form)
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await refused(auth, id, form, problem)
                }
            }
        }
    }

    // MARK: Queries and views

    /// The new-entry editor for `patientID`: the kind from the query (no JavaScript needed), the
    /// physicians for a proxy entry, and the finalize button only for those who may finalize.
    func showNew(
        _ auth: Authenticated, patientID: String, kind: String?, values: EntryEditorValues,
        problem: PageProblem? = nil
    ) async throws -> Response {
        let may = EntryPermissions(auth)
        guard may.write || may.proxy else { throw IdentityError.forbidden("role") }
        let patient = try await records.entryFormPatient(auth, patientID: patientID)
        let chosen = RecordKind(rawValue: kind ?? "").flatMap { EntryEditorField.editorKinds.contains($0) ? $0 : nil }
        let recordKind = chosen ?? .progressNote
        let frame = pages.frame(auth)
        let text = frame.text
        var proxy: EntryEditorModel<NewEntryMode>.ProxyChoice?
        if may.proxy {
            let physicians = try await records.physicians(auth).map {
                Option(value: $0.id, label: $0.login, selected: $0.id == values.onBehalfOf)
            }
            proxy = .init(required: !may.write, physicians: physicians)
        }
        let careTime =
            recordKind == .homeVisit
            ? EntryEditorModel<NewEntryMode>.TimeField(
                label: text["entryVisitStart"], hint: nil, value: values.careAt, required: true)
            : .init(
                label: text["entryCareAtBack"], hint: text["entryCareAtBackHint"], value: values.careAt, required: false
            )
        let kinds = EntryEditorField.editorKinds.map {
            Option(
                value: $0.rawValue, label: EntryEditorField.kindName($0.rawValue, text: text),
                selected: $0 == recordKind)
        }
        let model = EntryEditorModel<NewEntryMode>(
            patient: patient, kind: recordKind, action: PageRoute.newEntry(patientID).path,
            kindChoice: .init(action: PageRoute.newEntry(patientID).path, kinds: kinds), revision: nil,
            careTime: careTime, careAtShown: nil, values: values, proxy: proxy, reason: nil,
            saveLabel: text[may.write ? "entrySaveDraft" : "entrySaveForApproval"], canFinalize: may.finalize,
            text: text)
        return render(frame, model, problem)
    }

    /// The draft editor or the amendment form of entry `id`, starting from its current content
    /// or from what was typed; refused at once when the lifecycle would refuse the change.
    func showEditor<Mode: EntryEditorMode>(
        _ mode: Mode.Type, _ auth: Authenticated, id: String, values: EntryEditorValues?, revision: String? = nil,
        problem: PageProblem? = nil
    ) async throws -> Response {
        let history = try await records.entryHistory(auth, id: id)
        let entry = history.entry
        let lifecycle = EntryLifecycle(
            state: EntryState(rawValue: entry.state) ?? .draft, author: entry.author, onBehalfOf: entry.onBehalfOf,
            finalizedBy: entry.finalizedBy)
        let amending = Mode.self == AmendEntryMode.self
        let check = amending ? lifecycle.amend(by: auth.account.id, reason: "-") : lifecycle.edit(by: auth.account.id)
        if case .failure(let refusal) = check { throw RecordError.refused(refusal) }
        guard let kind = RecordKind(rawValue: entry.kind), EntryEditorField.editorKinds.contains(kind) else {
            throw RecordError.invalidInput("kind: not written in the editor")
        }
        let frame = pages.frame(auth)
        let text = frame.text
        let values = values ?? EntryEditorValues(entry)
        let model = EntryEditorModel<Mode>(
            patient: history.patient, kind: kind,
            action: amending ? PageRoute.amendEntry(id).path : PageRoute.editEntry(id).path, kindChoice: nil,
            revision: revision.flatMap { Int64($0) } ?? entry.revision, careTime: nil,
            careAtShown: entry.careAt.map(PageTime.jst), values: values, proxy: nil,
            reason: amending ? .init(text: values.reason) : nil,
            saveLabel: text[amending ? "entrySaveAmendment" : "entrySaveDraft"],
            canFinalize: !amending && EntryPermissions(auth).finalize, text: text)
        return render(frame, model, problem)
    }

    /// One entry with every version.
    func showEntry(
        _ auth: Authenticated, id: String, notice: String? = nil, problem: PageProblem? = nil, typedReason: String = ""
    ) async throws -> Response {
        let history = try await records.entryHistory(auth, id: id)
        let frame = pages.frame(auth)
        let model = EntryModel(history, auth: auth, text: frame.text, typedReason: typedReason)
        guard let problem else { return pages.render(frame, model, notice: notice) }
        return pages.render(frame, model, problem: problem)
    }

    /// The caller's approval queue.
    func showApprovals(
        _ auth: Authenticated, notice: String? = nil, problem: PageProblem? = nil,
        typed: (id: String, reason: String)? = nil
    ) async throws -> Response {
        let queue = try await records.approvalQueue(auth)
        let logins = try await records.logins(of: queue.map(\.entry.author))
        let frame = pages.frame(auth)
        let model = ApprovalsModel(queue, logins: logins, text: frame.text, typed: typed)
        guard let problem else { return pages.render(frame, model, notice: notice) }
        return pages.render(frame, model, problem: problem)
    }

    func render<Main: PageModel>(_ frame: PageFrame, _ model: Main, _ problem: PageProblem?) -> Response {
        guard let problem else { return pages.render(frame, model) }
        return pages.render(frame, model, problem: problem)
    }

    // MARK: Form input

    /// The new entry a form describes; a clerk (who may only enter on behalf) must name the
    /// physician (ACC-6).
    func newEntry(_ auth: Authenticated, _ form: EntryForm) throws -> NewEntry {
        let kind = try Self.kind(form.kind)
        let physician = form.onBehalfOf.flatMap { $0.isEmpty ? nil : $0 }
        let may = EntryPermissions(auth)
        if physician == nil && !may.write && may.proxy { throw PageRefusal.missingField }
        return NewEntry(
            kind: kind.rawValue, content: try form.content(kind: kind), careAt: try form.careTime(),
            onBehalfOf: physician, finalize: form.finalizes)
    }

    /// A kind the editor writes.
    static func kind(_ word: String?) throws(RecordError) -> RecordKind {
        guard let kind = RecordKind(rawValue: word ?? ""), EntryEditorField.editorKinds.contains(kind) else {
            throw .invalidInput("kind: unknown entry kind")
        }
        return kind
    }

    /// The `{id}` of the path.
    static func id(_ context: KuraRequestContext) throws(RecordError) -> String {
        guard let id = context.parameters.get("id") else { throw .notFound("entry") }
        return id
    }
}
